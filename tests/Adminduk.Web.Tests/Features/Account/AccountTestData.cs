using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.Account;

/// <summary>Accounts and sign-in posts the account tests share.</summary>
internal static class AccountTestData
{
    public const string RtPhone = "+6281234567890";

    public static async Task<AppUser> CreateOperatorAsync(AppFactory app, Action<AppUser>? configure = null)
    {
        var office = await app.CreateOfficeAsync();
        return await app.CreateUserAsync(Roles.Operator, "siti.operator", u =>
        {
            u.FullName = "Siti Rahmawati";
            u.OfficeId = office.Id;
            configure?.Invoke(u);
        });
    }

    /// <summary>An RT head of RT 003 / RW 005 in Kelurahan Gunung Samarinda Baru (Balikpapan Utara), with two households.</summary>
    public static async Task<AppUser> CreateRtHeadAsync(AppFactory app)
    {
        var rt = new RtUnit { VillageCode = "64.71.05.1006", Rw = 5, Rt = 3 };
        await app.SeedAsync(db =>
        {
            db.Regions.AddRange(
                new RegionRecord { Code = "64.71.05", Name = "Balikpapan Utara", Level = Domain.Regions.RegionLevel.District, ParentCode = "64.71" },
                new RegionRecord { Code = "64.71.05.1006", Name = "Gunung Samarinda Baru", Level = Domain.Regions.RegionLevel.Village, ParentCode = "64.71.05" });
            db.RtUnits.Add(rt);
            rt.Households.Add(new Household { KkNumber = "6471051203150001", Address = "Jl. Soekarno-Hatta Km 5 No. 12", IssuedOn = new DateOnly(2015, 3, 12) });
            rt.Households.Add(new Household { KkNumber = "6471051203150002", Address = "Jl. Soekarno-Hatta Km 5 No. 14", IssuedOn = new DateOnly(2015, 3, 12) });
            return Task.CompletedTask;
        });
        return await app.CreateUserAsync(Roles.RtHead, RtPhone, u =>
        {
            u.FullName = "Bambang Sutrisno";
            u.RtUnitId = rt.Id;
        });
    }

    public static Task<HttpResponseMessage> PostStaffSignInAsync(HttpClient client, string userName, string password, string? returnUrl = null) =>
        client.PostFormAsync(
            AccountPaths.SignInStaff + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)),
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });

    public static Task<HttpResponseMessage> PostRtSignInAsync(HttpClient client, string phone, string password) =>
        client.PostFormAsync(AccountPaths.SignInRt, new Dictionary<string, string> { ["Input.Phone"] = phone, ["Input.Password"] = password });

    public static async Task<List<AuditEntry>> AuditAsync(AppFactory app)
    {
        await using var db = app.Database.NewContext();
        return await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<AppUser> ReloadAsync(AppFactory app, AppUser user)
    {
        await using var db = app.Database.NewContext();
        return await db.Users.SingleAsync(u => u.Id == user.Id);
    }
}
