using System.Net;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Offices;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.BackOffice;

public class SupervisorPagesTests
{
    [Theory, BothDatabases]
    public async Task Supervisor_sets_hours_cutoff_capacity_walk_in_policy_holidays_and_skills(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync("BPN");
        var other = await app.AddOfficeAsync("PLG", WalkInPolicy.Serve, "Asia/Jakarta", "16.71");
        var supervisor = await app.CreateStaffAsync(office, Roles.Supervisor);
        var operatorUser = await app.CreateStaffAsync(office, name: "Siti");
        var foreignOperator = await app.CreateStaffAsync(other);
        using var client = await app.CreateClientAsync(supervisor);

        var page = await client.GetStringAsync("/BackOffice/Settings");
        page.ShouldContain("value=\"13:00\"");
        page.ShouldContain("Siti");
        using (var invalid = await SaveAsync(client, "12:00", "16:00", "08:00"))
        {
            invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await invalid.Content.ReadAsStringAsync()).ShouldContain("Jam tutup harus sesudah jam buka.");
        }

        (await SaveAsync(client, "12:00", "07:30", "15:30")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PostFormAsync("/BackOffice/Settings?handler=AddHoliday", new Dictionary<string, string> { ["HolidayDate"] = "2026-11-24", ["HolidayName"] = "Hari jadi kota" }, tokenPage: "/BackOffice/Settings")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PostFormAsync("/BackOffice/Settings?handler=Skills", new Dictionary<string, string> { ["OperatorId"] = operatorUser.Id.ToString(), ["Skills"] = "ktp-penggantian" }, tokenPage: "/BackOffice/Settings")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PostFormAsync("/BackOffice/Settings?handler=Skills", new Dictionary<string, string> { ["OperatorId"] = foreignOperator.Id.ToString(), ["Skills"] = "ktp-penggantian" }, tokenPage: "/BackOffice/Settings")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using (var db = app.Database.NewContext())
        {
            var saved = await db.Offices.SingleAsync(o => o.Id == office.Id);
            saved.DailyCutoff.ShouldBe(new TimeOnly(12, 0));
            saved.ServiceOpens.ShouldBe(new TimeOnly(7, 30));
            saved.WalkInPolicy.ShouldBe(WalkInPolicy.Serve);
            (saved.OperatorCount * saved.ApplicationsPerOperatorPerDay).ShouldBe(1600);
            // Monday 12:30: after the new cut-off, and Tuesday is now the office's holiday: Wednesday's batch.
            var calendar = await OfficeCalendars.ForAsync(db, saved, CancellationToken.None);
            calendar.BatchDay(WitaTime(23, 12, 30)).ShouldBe(new DateOnly(2026, 11, 25));
            calendar.IsWorkingDay(new DateOnly(2026, 11, 28)).ShouldBeTrue(); // Saturday added
            (await db.OperatorSkills.SingleAsync()).UserId.ShouldBe(operatorUser.Id);
            (await db.AuditEntries.Select(a => a.Action).ToListAsync()).ShouldBe(["office.settings", "office.holiday-add", "operator.skills"], ignoreOrder: true);
        }

        // Another office's supervisor neither sees nor changes this one.
        using var foreign = await app.CreateClientAsync(await app.CreateStaffAsync(other, Roles.Supervisor));
        (await foreign.GetAsync("/BackOffice/Settings?office=BPN")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // An administrator works on any office by its code.
        using var admin = await app.CreateClientAsync(await app.CreateStaffAsync(null, Roles.Administrator));
        (await admin.GetStringAsync("/BackOffice/Settings?office=PLG")).ShouldContain("Disdukcapil Kota Palembang");
        (await admin.GetAsync("/BackOffice/Settings")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, BothDatabases]
    public async Task Supervisor_sees_the_queue_and_returns_a_claim_to_its_original_position(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync("BPN");
        var other = await app.AddOfficeAsync("PLG", WalkInPolicy.Serve, "Asia/Jakarta", "16.71");
        var oldest = await app.QueueAsync(office, WitaTime(23, 7, 0));
        await app.QueueAsync(office, WitaTime(23, 7, 10), KkService);
        var siti = Staff(await app.CreateStaffAsync(office, name: "Siti Rahma"));
        (await app.TakeNextAsync(siti)).Application!.Id.ShouldBe(oldest.Id);
        using var client = await app.CreateClientAsync(await app.CreateStaffAsync(office, Roles.Supervisor));

        var page = await client.GetStringAsync("/BackOffice/Overview");
        page.ShouldContain(oldest.ReceiptNumber!);
        page.ShouldContain("Siti Rahma");
        page.ShouldContain("Pembaruan data penduduk");

        using (var foreign = await app.CreateClientAsync(await app.CreateStaffAsync(other, Roles.Supervisor)))
        {
            (await foreign.PostFormAsync("/BackOffice/Overview?handler=Return", new Dictionary<string, string> { ["ApplicationId"] = oldest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, tokenPage: "/BackOffice/Overview")).Dispose();
            (await app.ReloadAsync(oldest.Id)).Status.ShouldBe(ApplicationStatus.InReview);
        }

        (await client.PostFormAsync("/BackOffice/Overview?handler=Return", new Dictionary<string, string> { ["ApplicationId"] = oldest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, tokenPage: "/BackOffice/Overview")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var returned = await app.ReloadAsync(oldest.Id);
        returned.Status.ShouldBe(ApplicationStatus.Queued);
        returned.QueuedAt.ShouldBe(oldest.QueuedAt);
        var budi = Staff(await app.CreateStaffAsync(office));
        (await app.TakeNextAsync(budi)).Application!.Id.ShouldBe(oldest.Id);
        await using var db = app.Database.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "application.claim-returned")).ShouldBe(1);
    }

    [Fact]
    public async Task Reports_show_capacity_turnaround_and_a_30_day_workload_chart()
    {
        await using var app = await AppFactory.CreateAsync();
        var office = await app.AddOfficeAsync("PLG", WalkInPolicy.Serve, "Asia/Jakarta", "16.71");
        await app.SeedAsync(async db =>
        {
            var saved = await db.Offices.SingleAsync(o => o.Id == office.Id);
            saved.OperatorCount = 3;
            saved.ApplicationsPerOperatorPerDay = 500;
        });
        var queued = await app.QueueAsync(office, app.Time.GetUtcNow().AddHours(-2));
        var siti = Staff(await app.CreateStaffAsync(office, name: "Siti & <Rahma>"));
        var claim = (await app.TakeNextAsync(siti)).Application!;
        app.Time.Advance(TimeSpan.FromMinutes(12));
        await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve));
        using var client = await app.CreateClientAsync(await app.CreateStaffAsync(office, Roles.Supervisor));

        (await client.GetStringAsync("/BackOffice/Reports")).ShouldContain("Siti &amp; &lt;Rahma&gt;");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/BackOffice/Reports"));

        html.ShouldContain("3 operator × 500 permohonan = 1500 permohonan per hari.");
        html.ShouldContain("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 240\" role=\"img\"");
        html.ShouldContain("kapasitas 1500");
        html.ShouldContain("<title>23-11 Siti & <Rahma>: 1</title>"); // decoded here: the page escapes the name
        html.ShouldContain("<rect x=");
        html.ShouldContain("<td class=\"num\">0:12</td>"); // median handling time on the day
        html.ShouldContain("<td class=\"num\">2:12</td>"); // submission to decision
        queued.Id.ShouldBe(claim.Id);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string cutoff, string opens, string closes)
    {
        var token = await client.GetAntiforgeryTokenAsync("/BackOffice/Settings");
        using var form = new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", token),
            KeyValuePair.Create("DailyCutoff", cutoff),
            KeyValuePair.Create("ServiceOpens", opens),
            KeyValuePair.Create("ServiceCloses", closes),
            .. new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" }.Select(d => KeyValuePair.Create("WorkingDays", d)),
            KeyValuePair.Create("WalkInPolicy", "Serve"),
            KeyValuePair.Create("OperatorCount", "4"),
            KeyValuePair.Create("ApplicationsPerOperatorPerDay", "400"),
            KeyValuePair.Create("PromiseDays", "5"),
        ]);
        return await client.PostAsync("/BackOffice/Settings?handler=Save", form);
    }
}
