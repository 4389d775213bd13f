using System.Text;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.ListVerification;

namespace Adminduk.Web.Tests.Features.ListVerification;

/// <summary>A small register in one kelurahan (Sepinggan, Balikpapan Selatan) and two aid lists written against it.</summary>
public static class ListVerificationTestData
{
    public const string Village = "64.71.05.1002";
    public const string Rt = "RT 003 RW 005";

    public static readonly DateOnly AhmadBorn = new(1980, 2, 14);
    public static readonly DateOnly SitiBorn = new(1983, 7, 21);
    public static readonly DateOnly RudiBorn = new(2005, 3, 8);
    public static readonly DateOnly BudiBorn = new(1975, 5, 10);
    public static readonly DateOnly DewiBorn = new(1990, 11, 2);

    public static readonly string Ahmad = NumberComposer.Nik("647105", AhmadBorn, Sex.Male, 1);
    public static readonly string Siti = NumberComposer.Nik("647105", SitiBorn, Sex.Female, 1);
    public static readonly string Rudi = NumberComposer.Nik("647105", RudiBorn, Sex.Male, 1);
    public static readonly string Budi = NumberComposer.Nik("647105", BudiBorn, Sex.Male, 1);
    public static readonly string Dewi = NumberComposer.Nik("647105", DewiBorn, Sex.Female, 1);

    /// <summary>Well-formed, but nobody in the register holds it.</summary>
    public static readonly string Unknown = NumberComposer.Nik("647105", new DateOnly(1988, 12, 12), Sex.Male, 9);

    public static readonly string FauziKk = NumberComposer.KkNumber("647105", new DateOnly(2015, 3, 13), 1);
    public static readonly string SantosoKk = NumberComposer.KkNumber("647105", new DateOnly(2012, 6, 1), 2);

    /// <summary>Per family (PKH): Ahmad and Siti share a KK; Budi is deceased; one NIK breaks the rules; one is unknown; Wawan is outside the register.</summary>
    public static string Pkh => Csv(
        "NIK,NAMA,TGL_LAHIR,ALAMAT,KELURAHAN",
        $"{Ahmad},Ahmad Fauzi,14-02-1980,Jl. Mawar No. 5 {Rt},Sepinggan",
        $"{Siti},Hj. Siti Aminah,21-07-1983,Jl. Mawar No. 5 {Rt},Sepinggan",
        $"{Budi},Budi Santoso,10-05-1975,Jl. Kenari No. 8 {Rt},Sepinggan",
        "64710514028000,Bambang Irawan,02-02-1970,Jl. Cemara 3,Sepinggan",
        $"{Unknown},Eko Prasetyo,12-12-1988,Jl. Pinus 4,Sepinggan",
        ",Wawan Setiawan,04-03-1990,Jl. Kenanga No. 7,Sepinggan");

    /// <summary>Per person (PBI), headers the mapping step must be told about ("No Induk"): Ahmad again; Dewi moved out; Rudi without NIK and with day and month swapped; Wawan elsewhere.</summary>
    public static string Pbi => Csv(
        "No Induk;Nama Penerima;Tanggal Lahir;Alamat Rumah;Kode Kelurahan",
        $"{Ahmad};AHMAD FAUZI;1980-02-14;Jl Mawar 5 {Rt};{Village}",
        $"{Dewi};Dewi Lestari;1990-11-02;Jl. Kenari No. 8 {Rt};{Village}",
        $";Rudi Hartono;2005-08-03;Jl. Durian No. 40;{Village}",
        $";Wawan Setiawan;1990-04-03;Jl. Melati No. 9;{Village}");

    public static async Task SeedRegisterAsync(AdmindukDbContext db, DateTimeOffset now)
    {
        var rt = new RtUnit { VillageCode = Village, Rw = 5, Rt = 3 };
        var fauzi = new Household { KkNumber = FauziKk, RtUnit = rt, Address = "Jl. Mawar No. 5", IssuedOn = new DateOnly(2015, 3, 12) };
        var santoso = new Household { KkNumber = SantosoKk, RtUnit = rt, Address = "Jl. Kenari No. 8", IssuedOn = new DateOnly(2012, 6, 1) };
        db.AddRange(
            Person(Ahmad, "Ahmad Fauzi", Sex.Male, AhmadBorn, fauzi, rt, RelationshipToHead.KepalaKeluarga),
            Person(Siti, "Siti Aminah", Sex.Female, SitiBorn, fauzi, rt, RelationshipToHead.Istri),
            Person(Rudi, "Rudi Hartanto", Sex.Male, RudiBorn, fauzi, rt, RelationshipToHead.Anak),
            Person(Budi, "Budi Santoso", Sex.Male, BudiBorn, santoso, rt, RelationshipToHead.KepalaKeluarga, ResidentStatus.Deceased),
            Person(Dewi, "Dewi Lestari", Sex.Female, DewiBorn, santoso, rt, RelationshipToHead.Istri, ResidentStatus.MovedOut));
        await db.SaveChangesAsync();

        Resident Person(string nik, string name, Sex sex, DateOnly born, Household h, RtUnit unit, RelationshipToHead relation, ResidentStatus status = ResidentStatus.Alive) => new()
        {
            Nik = nik,
            FullName = name,
            Sex = sex,
            BirthDate = born,
            BirthPlace = "Balikpapan",
            Occupation = "Wiraswasta",
            Household = h,
            RtUnit = unit,
            RelationshipToHead = relation,
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public static ListSource Source(int number, string name, string csv, bool perFamily, ColumnMapping? mapping = null)
    {
        using var probe = TableReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        return new ListSource(number, name, perFamily, mapping ?? ColumnMapping.Detect(probe.Headers), () => TableReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv))));
    }

    public static ColumnMapping PbiMapping => new(new Dictionary<ListField, string>
    {
        [ListField.Nik] = "No Induk",
        [ListField.Name] = "Nama Penerima",
        [ListField.BirthDate] = "Tanggal Lahir",
        [ListField.Address] = "Alamat Rumah",
        [ListField.Region] = "Kode Kelurahan",
    });
}
