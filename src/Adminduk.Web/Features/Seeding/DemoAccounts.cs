using Adminduk.Domain.Population;

namespace Adminduk.Web.Features.Seeding;

/// <summary>Demo sign-ins created by the seed (listed in README.md, "Demo sign-ins").</summary>
public static class DemoAccounts
{
    /// <summary>Password of every demo account below.</summary>
    public const string Password = "Demo#2026!";

    /// <summary>Shared first password of every other RT head; each must change it at the first sign-in.</summary>
    public const string InitialRtHeadPassword = "RtBaru#2026!";

    public const string Administrator = "admin@adminduk.example";
    public const string BalikpapanOperator = "operator.bpn@adminduk.example";
    public const string BalikpapanSupervisor = "supervisor.bpn@adminduk.example";
    public const string PalembangOperator = "operator.plg@adminduk.example";
    public const string PalembangSupervisor = "supervisor.plg@adminduk.example";

    /// <summary>RT head of RT 001/RW 001, Kelurahan Damai Baru, Balikpapan Selatan.</summary>
    public const string BalikpapanRtHead = "+6281200000001";

    /// <summary>RT head of RT 001/RW 001, Kelurahan Talangsemut, Bukit Kecil, Palembang.</summary>
    public const string PalembangRtHead = "+6281200000002";

    /// <summary>A citizen of Balikpapan linked to their register entry (preferably in the demo RT).</summary>
    public const string Citizen = "+6281200000010";

    public const string BalikpapanRtHeadVillage = "64.71.05.1011";
    public const string PalembangRtHeadVillage = "16.71.11.1006";

    /// <summary>Staff and administrator accounts: user name, display name, role, office code (null: all offices).</summary>
    public static readonly IReadOnlyList<(string UserName, string FullName, string Role, string? OfficeCode)> Staff =
    [
        (Administrator, "Administrator Demo", Roles.Administrator, null),
        (BalikpapanOperator, "Operator Demo Balikpapan", Roles.Operator, DemoOffices.BalikpapanCode),
        (BalikpapanSupervisor, "Supervisor Demo Balikpapan", Roles.Supervisor, DemoOffices.BalikpapanCode),
        (PalembangOperator, "Operator Demo Palembang", Roles.Operator, DemoOffices.PalembangCode),
        (PalembangSupervisor, "Supervisor Demo Palembang", Roles.Supervisor, DemoOffices.PalembangCode),
    ];
}
