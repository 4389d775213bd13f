using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice.RtHeads;
using Adminduk.Web.Features.Register.History;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.BackOffice.RtHeads;

public sealed partial class RtHeadTests
{
    private const string Assign = "/BackOffice/RtHeads/Assign";

    private static string Code(RtUnit u) => RtCode.Format(u.VillageCode, u.Rw, u.Rt);

    [Theory, BothDatabases]
    public async Task A_supervisor_creates_a_head_who_signs_in_with_the_phone_as_typed_and_must_change_the_password(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        using var supervisor = await app.CreateClientAsync(await app.CreateStaffAsync(r.Office, Roles.Supervisor));
        var rt = r.Family.RtUnit!;

        using var created = await supervisor.PostFormAsync(Assign, new Dictionary<string, string>
        {
            ["rt"] = Code(rt),
            ["Name"] = "Pak Harun",
            ["Phone"] = "0812-3456-7001",
        });
        var html = await created.Content.ReadAsStringAsync();

        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Dibuat");
        var password = PasswordOf(html);
        await using (var db = app.Database.NewContext())
        {
            var head = await db.Users.SingleAsync(u => u.UserName == "+6281234567001");
            head.RtUnitId.ShouldBe(rt.Id);
            head.MustChangePassword.ShouldBeTrue();
            head.FullName.ShouldBe("Pak Harun");
            head.PasswordHash!.ShouldNotContain(password);
            (await db.AuditEntries.CountAsync(a => a.Action == "rt-head.create" && a.SubjectId == head.Id.ToString())).ShouldBe(1);
        }

        using var heads = app.CreateClient(cookies: null);
        using var signIn = await heads.PostFormAsync("/Account/SignInRt", new Dictionary<string, string>
        {
            ["Input.Phone"] = "6281234567001",
            ["Input.Password"] = password,
        });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldStartWith("/Account/ChangePassword");
        using var rtPage = await heads.GetAsync("/Rt");
        rtPage.Headers.Location!.OriginalString.ShouldStartWith("/Account/ChangePassword");
    }

    [Theory, BothDatabases]
    public async Task Replacing_a_head_ends_the_old_heads_open_session_at_once(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var rt = r.Family.RtUnit!;
        var old = await app.CreateUserAsync(Roles.RtHead, "+6281234567002", u => u.RtUnitId = rt.Id);
        using var oldSession = await app.CreateClientAsync(old);
        (await oldSession.GetAsync("/Rt")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var supervisor = await app.CreateClientAsync(await app.CreateStaffAsync(r.Office, Roles.Supervisor));
        var form = new Dictionary<string, string> { ["rt"] = Code(rt), ["Name"] = "Bu Ratna", ["Phone"] = "+6281234567003" };

        using var refused = await supervisor.PostFormAsync(Assign, form);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("RT sudah punya ketua RT");
        (await oldSession.GetAsync("/Rt")).StatusCode.ShouldBe(HttpStatusCode.OK);

        form["Replace"] = "true";
        using var replaced = await supervisor.PostFormAsync(Assign, form);
        (await replaced.Content.ReadAsStringAsync()).ShouldContain("Diganti");

        using var after = await oldSession.GetAsync("/Rt");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        await using var db = app.Database.NewContext();
        var gone = await db.Users.SingleAsync(u => u.Id == old.Id);
        gone.RtUnitId.ShouldBeNull();
        gone.LockoutEnd.ShouldNotBeNull().ShouldBeGreaterThan(app.Time.GetUtcNow().AddYears(1000));
        (await db.UserRoles.CountAsync(ur => ur.UserId == old.Id)).ShouldBe(0);
        (await db.Users.SingleAsync(u => u.UserName == "+6281234567003")).RtUnitId.ShouldBe(rt.Id);
        (await db.AuditEntries.CountAsync(a => a.Action == "rt-head.revoke")).ShouldBe(1);
        (await db.AuditEntries.CountAsync(a => a.Action == "rt-head.replace")).ShouldBe(1);
    }

    [Theory, BothDatabases]
    public async Task A_locked_out_head_gets_a_new_temporary_password_and_old_sessions_end(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var rt = r.Family.RtUnit!;
        var head = await app.CreateUserAsync(Roles.RtHead, "+6281234567004", u => u.RtUnitId = rt.Id);
        using var session = await app.CreateClientAsync(head);
        using var guesser = app.CreateClient(cookies: null);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await guesser.PostFormAsync("/Account/SignInRt", new Dictionary<string, string> { ["Input.Phone"] = "081234567004", ["Input.Password"] = "salah-123" + i });
        }

        using var locked = await guesser.PostFormAsync("/Account/SignInRt", new Dictionary<string, string> { ["Input.Phone"] = "081234567004", ["Input.Password"] = AppFactory.DefaultPassword });
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var supervisor = await app.CreateClientAsync(await app.CreateStaffAsync(r.Office, Roles.Supervisor));

        using var reset = await supervisor.PostFormAsync("/BackOffice/RtHeads/Index?handler=Reset", new Dictionary<string, string> { ["RtUnitId"] = rt.Id.ToString(CultureInfo.InvariantCulture) }, Assign);
        var password = PasswordOf(await reset.Content.ReadAsStringAsync());

        (await session.GetAsync("/Rt")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var again = await guesser.PostFormAsync("/Account/SignInRt", new Dictionary<string, string> { ["Input.Phone"] = "+62 812 3456 7004", ["Input.Password"] = password });
        again.Headers.Location!.OriginalString.ShouldStartWith("/Account/ChangePassword");
        await using var db = app.Database.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "rt-head.reset" && a.SubjectId == head.Id.ToString())).ShouldBe(1);
        // The light temporary hash was replaced by a standard one at the sign-in.
        var stored = (await db.Users.SingleAsync(u => u.Id == head.Id)).PasswordHash!;
        new PasswordHasher<AppUser>().VerifyHashedPassword(new AppUser(), stored, password).ShouldBe(PasswordVerificationResult.Success);
    }

    [Theory, BothDatabases]
    public async Task Import_creates_every_rt_head_of_a_1143_rt_city_in_one_go_and_reports_each_bad_row(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync();
        var villages = RegionCatalog.Default.ChildrenOf("64.71").SelectMany(d => RegionCatalog.Default.ChildrenOf(d.Code)).Select(v => v.Code).ToList();
        var units = Enumerable.Range(0, 1143).Select(i => new RtUnit { VillageCode = villages[i % villages.Count], Rw = 1 + (i / villages.Count / 10), Rt = 1 + (i / villages.Count % 10) }).ToList();
        await app.SeedAsync(db =>
        {
            db.RtUnits.AddRange(units);
            return Task.CompletedTask;
        });
        var citizen = await app.CreateUserAsync(Roles.Citizen, "+6281300000007");
        var csv = new StringBuilder("kode_rt;nama;telepon\n");
        for (var i = 0; i < units.Count; i++)
        {
            // Phones typed every way people type them.
            var local = string.Create(CultureInfo.InvariantCulture, $"81300{i:D6}");
            var phone = (i % 3) switch { 0 => "0" + local, 1 => "62" + local, _ => "+62" + local };
            csv.Append(CultureInfo.InvariantCulture, $"{Code(units[i])};\"Ketua RT {i}; S.Pd\";{phone}\n");
        }

        csv.Append("64.71.05.1011.999.999;Tidak Ada;081399999999\n");
        csv.Append(CultureInfo.InvariantCulture, $"{Code(units[0])};Dua Kali;081399999998\n");
        csv.Append("64.71.05.1011.001.001;Nomor Salah;12345\n");
        csv.Append("16.71.11.1006.001.001;Kota Lain;081399999997\n");
        using var supervisor = await app.CreateClientAsync(await app.CreateStaffAsync(office, Roles.Supervisor));

        using var response = await supervisor.PostFormAsync("/BackOffice/RtHeads/Import", new Dictionary<string, string> { ["Text"] = csv.ToString() });
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Dibuat 1143, diganti 0, tidak berubah 0, gagal 4.");
        html.ShouldContain("RT tidak ada dalam data kependudukan");
        html.ShouldContain("RT yang sama sudah ada di baris sebelumnya");
        html.ShouldContain("nomor HP Indonesia tidak valid");
        html.ShouldContain("RT bukan wilayah kantor ini");
        html.ShouldContain("<td>1145</td>");
        Passwords(html).Distinct().Count().ShouldBe(1143);
        await using var db = app.Database.NewContext();
        var heads = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join role in db.Roles on ur.RoleId equals role.Id
                           where role.Name == Roles.RtHead
                           select u).ToListAsync();
        heads.Count.ShouldBe(1143);
        heads.Select(h => h.RtUnitId).Distinct().Count().ShouldBe(1143);
        heads.ShouldAllBe(h => h.MustChangePassword && h.UserName!.StartsWith("+6281300"));
        heads.Single(h => h.UserName == "+6281300000007").Id.ShouldBe(citizen.Id);
        heads.Single(h => h.UserName == "+6281300000001").FullName.ShouldBe("Ketua RT 1; S.Pd");

        // The same file again changes nothing and hands out no password.
        using var again = await supervisor.PostFormAsync("/BackOffice/RtHeads/Import", new Dictionary<string, string> { ["Text"] = csv.ToString() });
        var second = await again.Content.ReadAsStringAsync();
        second.ShouldContain("Dibuat 0, diganti 0, tidak berubah 1143, gagal 4.");
        Passwords(second).ShouldBeEmpty();
    }

    [Theory, BothDatabases]
    public async Task A_new_rt_split_off_takes_the_chosen_households_and_their_members(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var source = r.Family.RtUnit!;
        var before = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromDays(1));
        using var supervisor = await app.CreateClientAsync(await app.CreateStaffAsync(r.Office, Roles.Supervisor));
        var page = await (await supervisor.GetAsync("/BackOffice/RtHeads/Split?Source=" + Code(source))).Content.ReadAsStringAsync();
        page.ShouldContain("Jl. Mulawarman No. 7");

        using var split = await supervisor.PostFormAsync("/BackOffice/RtHeads/Split", new Dictionary<string, string>
        {
            ["Source"] = Code(source),
            ["Rw"] = "1",
            ["Rt"] = "9",
            ["Households"] = r.Family.Id.ToString(CultureInfo.InvariantCulture),
        });
        (await split.Content.ReadAsStringAsync()).ShouldContain("RT baru 64.71.05.1002.001.009 dibuat; 4 penduduk pindah ke RT itu.");

        await using var db = app.Database.NewContext();
        var created = await db.RtUnits.SingleAsync(u => u.VillageCode == source.VillageCode && u.Rw == 1 && u.Rt == 9);
        (await db.Households.SingleAsync(h => h.Id == r.Family.Id)).RtUnitId.ShouldBe(created.Id);
        (await db.Residents.Where(x => x.HouseholdId == r.Family.Id).Select(x => x.RtUnitId).Distinct().ToListAsync()).ShouldBe([created.Id]);
        (await db.Households.SingleAsync(h => h.Id == r.Other.Id)).RtUnitId.ShouldBe(source.Id);
        (await ResidentHistory.AsOfAsync(db, r.Father.Id, before))!.RtUnitId.ShouldBe(source.Id);
        (await ResidentHistory.AsOfAsync(db, r.Father.Id, app.Time.GetUtcNow()))!.RtUnitId.ShouldBe(created.Id);
        (await db.PopulationEvents.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync(a => a.Action == "rt.split")).ShouldBe(1);

        using var taken = await supervisor.PostFormAsync("/BackOffice/RtHeads/Split", new Dictionary<string, string>
        {
            ["Source"] = Code(source),
            ["Rw"] = "1",
            ["Rt"] = "9",
            ["Households"] = r.Other.Id.ToString(CultureInfo.InvariantCulture),
        });
        (await taken.Content.ReadAsStringAsync()).ShouldContain("RT dengan nomor itu sudah ada di kelurahan ini.");
    }

    [Fact]
    public async Task Another_offices_rt_is_not_a_supervisors_to_manage()
    {
        await using var app = await AppFactory.CreateAsync();
        var r = await TestRegister.CreateAsync(app);
        var palembang = await app.AddOfficeAsync("PLG", timeZone: "Asia/Jakarta", regency: "16.71");
        var head = await app.CreateUserAsync(Roles.RtHead, "+6281234567005", u => u.RtUnitId = r.Family.RtUnitId);
        using var supervisor = await app.CreateClientAsync(await app.CreateStaffAsync(palembang, Roles.Supervisor));

        using var reset = await supervisor.PostFormAsync("/BackOffice/RtHeads/Index?handler=Reset", new Dictionary<string, string> { ["RtUnitId"] = r.Family.RtUnitId.ToString(CultureInfo.InvariantCulture) }, Assign);
        using var assign = await supervisor.PostFormAsync(Assign, new Dictionary<string, string> { ["rt"] = Code(r.Family.RtUnit!), ["Name"] = "Orang Lain", ["Phone"] = "081234567006", ["Replace"] = "true" });

        reset.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await assign.Content.ReadAsStringAsync()).ShouldContain("RT bukan wilayah kantor ini");
        await using var db = app.Database.NewContext();
        (await db.Users.SingleAsync(u => u.Id == head.Id)).RtUnitId.ShouldBe(r.Family.RtUnitId);
        (await db.Users.CountAsync(u => u.UserName == "+6281234567006")).ShouldBe(0);
    }

    [Theory]
    [InlineData("64.71.05.1011.001.002", "64.71.05.1011.001.002")]
    [InlineData("6471051011001002", "64.71.05.1011.001.002")]
    [InlineData(" 64.71.05.1011.1.12 ", "64.71.05.1011.001.012")]
    [InlineData("64.71.05.1011.000.002", null)]
    [InlineData("64.71.05.001.002", null)]
    [InlineData("RT 1 RW 2", null)]
    public void Rt_codes_are_read_in_their_common_forms(string input, string? expected) =>
        RtCode.Parse(input)?.ToString().ShouldBe(expected);

    [Fact]
    public void Csv_rows_keep_their_line_numbers_quotes_and_separators()
    {
        var rows = RtHeadCsv.Parse("\uFEFFkode_rt,nama,telepon\r\n\r\n64.71.05.1011.001.001,\"Haji Ahmad, S.Pd\",0812 3456 7890\n6471051011001002,\"Bu \"\"Ani\"\"\",+6281234567891\n");

        rows.Select(r => (r.Line, r.RtCode, r.Name, r.Phone)).ShouldBe([
            (3, "64.71.05.1011.001.001", "Haji Ahmad, S.Pd", "0812 3456 7890"),
            (4, "6471051011001002", "Bu \"Ani\"", "+6281234567891"),
        ]);
        RtHeadCsv.Parse("64.71.05.1011.001.001;Tanpa Judul;081234567890").Single().Line.ShouldBe(1);
    }

    [Fact]
    public void Temporary_passwords_meet_the_password_rules_and_differ()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => RtHeadAccounts.NewTemporaryPassword()).ToList();

        passwords.Distinct().Count().ShouldBe(200);
        passwords.ShouldAllBe(p => p.Length == 12 && p.Any(char.IsAsciiDigit) && p.Any(char.IsAsciiLetterLower) && p.Distinct().Count() >= 4);
    }

    private static string PasswordOf(string html) => Passwords(html).Single();

    private static List<string> Passwords(string html) => [.. PasswordPattern().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<strong class=\"password\">([a-z0-9]{12})</strong>")]
    private static partial Regex PasswordPattern();
}
