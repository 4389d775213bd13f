using System.Net;
using System.Net.Http.Headers;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.BackOffice;

public class WalkInAndAssistedTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];

    [Theory, BothDatabases]
    public async Task Balikpapan_turns_walk_ins_away_and_counts_them_per_day_with_a_reason(DatabaseProvider provider)
    {
        // The clock moves a day: background workers would wake once per period of it, so they stay off here.
        await using var app = await AppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false", ["BackOffice:SweepEnabled"] = "false" });
        var office = await app.AddOfficeAsync("BPN");
        var staff = await app.CreateStaffAsync(office);
        var client = await app.CreateClientAsync(staff);

        var page = await client.GetStringAsync("/BackOffice/WalkIns");
        page.ShouldContain("Kantor ini hanya melayani permohonan online.");
        (await Record(client, "DirectedOnline", "ktp-penggantian")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Record(client, "DirectedOnline", "")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Record(client, "InformationOnly", "")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var missing = await Record(client, "", ""))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await missing.Content.ReadAsStringAsync()).ShouldContain("Pilih alasan.");
        }

        app.Time.Advance(TimeSpan.FromDays(1));
        client.Dispose();
        client = await app.CreateClientAsync(staff); // a new working day, a new sign-in
        (await Record(client, "MissingDocuments", "kk-perubahan")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        page = await client.GetStringAsync("/BackOffice/WalkIns");
        page.ShouldContain("data-reason=\"MissingDocuments\">1<");
        page.ShouldNotContain("data-reason=\"DirectedOnline\"");
        page.ShouldContain("23-11-2026: 3");
        page.ShouldContain("24-11-2026: 1");
        await using var db = app.Database.NewContext();
        var records = await db.WalkInRecords.OrderBy(w => w.Id).ToListAsync();
        records.Select(r => r.Day).ShouldBe([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)]);
        records[0].ServiceCode.ShouldBe("ktp-penggantian");
        records[1].ServiceCode.ShouldBeNull();
        records.ShouldAllBe(r => r.RecordedByUserId == staff.Id && r.OfficeId == office.Id);
        (await db.AuditEntries.CountAsync(a => a.Action == "walk-in.record")).ShouldBe(4);
        client.Dispose();
    }

    [Theory, BothDatabases]
    public async Task Palembang_enters_a_walk_in_which_joins_the_same_queue_at_the_time_of_entry(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync("PLG", WalkInPolicy.Serve, "Asia/Jakarta", "16.71");
        var online = await app.QueueAsync(office, app.Time.GetUtcNow().AddMinutes(-30));
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var staff = await app.CreateStaffAsync(office, name: "Dewi");
        using var client = await app.CreateClientAsync(staff);

        var choose = await client.GetStringAsync("/BackOffice/Assisted");
        choose.ShouldContain("/BackOffice/Assisted?service=ktp-penggantian");
        var form = await client.GetStringAsync("/BackOffice/Assisted?service=ktp-penggantian");
        form.ShouldContain("Alasan penggantian");
        var key = System.Text.RegularExpressions.Regex.Match(form, "name=\"IdempotencyKey\" value=\"([0-9a-f]+)\"").Groups[1].Value;

        using (var invalid = await PostAssistedAsync(client, key, nik: "123"))
        {
            invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await invalid.Content.ReadAsStringAsync()).ShouldContain("class=\"field-error\"");
        }

        using (var valid = await PostAssistedAsync(client, key))
        {
            valid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var again = await PostAssistedAsync(client, key))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Redirect); // the same form posted twice: still one application
        }

        var receipt = await client.GetStringAsync("/BackOffice/Assisted");
        receipt.ShouldContain("<strong class=\"receipt-number\">PLG-20261123-");
        receipt.ShouldContain("Masuk batch hari kerja 23-11-2026.");
        (await client.GetStringAsync("/BackOffice/Assisted")).ShouldNotContain("receipt-number"); // shown once, right after entry

        await using (var db = app.Database.NewContext())
        {
            var entered = await db.Applications.Include(a => a.Attachments).Include(a => a.History).SingleAsync(a => a.IsAssisted);
            entered.Status.ShouldBe(ApplicationStatus.Queued);
            entered.QueuedAt.ShouldBe(app.Time.GetUtcNow());
            entered.BatchDay.ShouldBe(new DateOnly(2026, 11, 23)); // 08:05 WIB, before the cut-off
            entered.ApplicantUserId.ShouldBe(staff.Id);
            entered.LookupBirthDate.ShouldBe(new DateOnly(1990, 8, 17));
            entered.ReceiptNumber.ShouldStartWith("PLG-20261123-");
            entered.FormJson.ShouldContain("\"nik\":\"1671011708900001\"");
            entered.Attachments.Single().Kind.ShouldBe(AttachmentKind.Jpeg);
            entered.History.Single().Note.ShouldBe("Dimasukkan petugas untuk pemohon yang datang langsung.");
            entered.ClaimedByUserId.ShouldBeNull();
            (await db.Applications.CountAsync()).ShouldBe(2);
        }

        // The same FIFO queue: the older online application first, then the walk-in.
        var taker = Staff(await app.CreateStaffAsync(office));
        var first = (await app.TakeNextAsync(taker)).Application!;
        first.Id.ShouldBe(online.Id);
        await app.DecideAsync(taker, new Web.Features.BackOffice.DecisionRequest(first.Id, first.Version, Web.Features.BackOffice.DecisionKind.Approve));
        (await app.TakeNextAsync(taker)).Application!.IsAssisted.ShouldBeTrue();
    }

    [Fact]
    public async Task An_office_that_turns_walk_ins_away_has_no_assisted_entry()
    {
        await using var app = await AppFactory.CreateAsync();
        var office = await app.AddOfficeAsync("BPN");
        using var client = await app.CreateClientAsync(await app.CreateStaffAsync(office));

        (await client.GetStringAsync("/BackOffice/Assisted?service=ktp-penggantian")).ShouldContain("Kantor ini tidak melayani pengunjung yang datang langsung");
        using var post = await PostAssistedAsync(client, Guid.NewGuid().ToString("N"));

        post.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = app.Database.NewContext();
        (await db.Applications.CountAsync()).ShouldBe(0);
    }

    private static Task<HttpResponseMessage> Record(HttpClient client, string reason, string service) =>
        client.PostFormAsync("/BackOffice/WalkIns", new Dictionary<string, string> { ["Reason"] = reason, ["ServiceCode"] = service, ["Note"] = "" });

    private static async Task<HttpResponseMessage> PostAssistedAsync(HttpClient client, string key, string nik = "1671011708900001")
    {
        var token = await client.GetAntiforgeryTokenAsync("/BackOffice/WalkIns");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(key), "IdempotencyKey" },
            { new StringContent(nik), "Values[nik]" },
            { new StringContent("1671011203150001"), "Values[kkNumber]" },
            { new StringContent("17-08-1990"), "Values[birthDate]" },
            { new StringContent("rusak"), "Values[reason]" },
            { new StringContent("1990-08-17"), "ApplicantBirthDate" },
        };
        var file = new ByteArrayContent(Jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "file-ktp-rusak", "ktp.jpg");
        return await client.PostAsync("/BackOffice/Assisted?service=ktp-penggantian", content);
    }
}
