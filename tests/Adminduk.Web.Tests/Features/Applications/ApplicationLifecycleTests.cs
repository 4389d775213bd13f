using System.Net;
using System.Net.Http.Json;
using System.Text;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.Applications.ApiClient;

namespace Adminduk.Web.Tests.Features.Applications;

public class ApplicationLifecycleTests
{
    private static Dictionary<string, string?> Change(TestRegister r, string occupation = "Wiraswasta") => new()
    {
        ["nik"] = r.Father.Nik,
        ["kkNumber"] = r.Family.KkNumber,
        ["birthDate"] = "09-03-1985",
        ["newOccupation"] = occupation,
        ["reason"] = "Membuka usaha sendiri",
    };

    private static readonly object[] Files = [File("kk-lama"), File("dok-pekerjaan")];

    [Theory, BothDatabases]
    public async Task Double_submission_gives_one_application_and_the_same_receipt(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var client = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));

        var first = await client.SubmitAsync("kk-perubahan", Change(r), Files, key: "form-token-1");
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = await client.SubmitAsync("kk-perubahan", Change(r), Files, key: "form-token-1");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.JsonAsync()).GetProperty("receipt").GetString().ShouldBe((await first.JsonAsync()).GetProperty("receipt").GetString());

        // A flaky connection: the same request five times at once.
        var racing = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.SubmitAsync("kk-perubahan", Change(r, "Pedagang"), Files, key: "form-token-2")));
        racing.ShouldAllBe(resp => resp.StatusCode == HttpStatusCode.Created || resp.StatusCode == HttpStatusCode.OK);
        var receipts = new HashSet<string>();
        foreach (var resp in racing)
        {
            receipts.Add((await resp.JsonAsync()).GetProperty("receipt").GetString()!);
        }

        receipts.Count.ShouldBe(1);
        await using var db = app.Database.NewContext();
        (await db.Applications.CountAsync()).ShouldBe(2);
        (await db.OutboxMessages.CountAsync()).ShouldBe(2);
    }

    [Theory, BothDatabases]
    public async Task Fake_and_oversize_attachments_are_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var client = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));

        byte[] exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];
        var renamed = await client.SubmitAsync("kk-perubahan", Change(r), [File("kk-lama", exe, "kk.jpg"), File("dok-pekerjaan")]);
        renamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await renamed.CodesAsync()).ShouldContain("attachments.kk-lama:attachment.type");
        (await renamed.ErrorsAsync())["attachments.kk-lama"].Single().ShouldContain("JPG, PNG atau PDF");

        var big = new byte[AttachmentRules.MaxFileBytes + 1];
        Pdf.CopyTo(big, 0);
        var oversize = await client.SubmitAsync("kk-perubahan", Change(r), [File("kk-lama", big), File("dok-pekerjaan")]);
        oversize.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await oversize.ErrorsAsync()).Keys.ShouldContain("attachments.kk-lama");

        var notBase64 = await client.SubmitAsync("kk-perubahan", Change(r), [new { code = "kk-lama", fileName = "x.pdf", contentBase64 = "%%%not base64%%%" }]);
        notBase64.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var db = app.Database.NewContext();
        (await db.Applications.CountAsync()).ShouldBe(0);
        (await db.ApplicationAttachments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Receipts_cannot_be_guessed_and_public_lookup_needs_the_birth_date()
    {
        await using var app = await AppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["RateLimiting:StatusLookup:PermitLimit"] = "6" });
        var r = await TestRegister.CreateAsync(app);
        var owner = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var receipt = (await (await owner.SubmitAsync("kk-perubahan", Change(r), Files)).JsonAsync()).GetProperty("receipt").GetString()!;

        (await owner.GetAsync($"/api/applications/{receipt}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stranger = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Neighbour, "+6281234500009"));
        (await stranger.GetAsync($"/api/applications/{receipt}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetFromJsonAsync<List<object>>("/api/applications"))!.ShouldBeEmpty();

        var anonymous = app.CreateClient(null);
        var found = await anonymous.PostAsJsonAsync("/api/status-lookup", new { receipt = receipt.ToLowerInvariant(), birthDate = "09-03-1985" });
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        var status = await found.JsonAsync();
        status.GetProperty("status").GetString().ShouldBe("Queued");
        status.EnumerateObject().Select(p => p.Name).ShouldBe(["receipt", "status", "batchDay", "expectedProcessingDay"], ignoreOrder: true);

        (await anonymous.PostAsJsonAsync("/api/status-lookup", new { receipt, birthDate = "10-03-1985" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.PostAsJsonAsync("/api/status-lookup", new { receipt = "BPN-20261123-AAAAAAAA", birthDate = "09-03-1985" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.PostAsJsonAsync("/api/status-lookup", new { receipt = "x", birthDate = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.PostAsJsonAsync("/api/status-lookup", new { receipt, birthDate = "09-03-1985" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.PostAsJsonAsync("/api/status-lookup", new { receipt, birthDate = "09-03-1985" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Guessing further is cut off: six tries in the window, the seventh is refused.
        (await anonymous.PostAsJsonAsync("/api/status-lookup", new { receipt, birthDate = "09-03-1985" })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Theory, BothDatabases]
    public async Task Correction_loop_changes_only_named_fields_and_requeues_at_resubmission(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var client = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var receipt = (await (await client.SubmitAsync("kk-perubahan", Change(r), Files)).JsonAsync()).GetProperty("receipt").GetString()!;
        var firstQueued = app.Time.GetUtcNow();

        // What the operator's "send back" leaves behind (the back office sets it through take-next).
        await app.SeedAsync(async db =>
        {
            var a = await db.Applications.SingleAsync();
            a.Status = ApplicationStatus.NeedsCorrection;
            a.CorrectionJson = """{"newOccupation":["Tulis pekerjaan sesuai surat keterangan kerja."],"attachments.dok-pekerjaan":["Surat tidak terbaca."]}""";
        });
        var view = await (await client.GetAsync($"/api/applications/{receipt}")).JsonAsync();
        view.GetProperty("corrections").GetProperty("newOccupation")[0].GetString().ShouldStartWith("Tulis pekerjaan");

        app.Time.Advance(TimeSpan.FromHours(5)); // 14:00 WITA: after the cut-off
        var locked = await client.PostAsJsonAsync($"/api/applications/{receipt}/resubmit", new { values = new { reason = "Lain" } });
        locked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await locked.CodesAsync()).ShouldContain("reason:application.field_locked");

        var fixedUp = await client.PostAsJsonAsync($"/api/applications/{receipt}/resubmit", new
        {
            values = new { newOccupation = "Pedagang" },
            attachments = new[] { File("dok-pekerjaan", Jpeg, "surat.jpg") },
        });
        fixedUp.StatusCode.ShouldBe(HttpStatusCode.OK, await fixedUp.Content.ReadAsStringAsync());
        var after = await fixedUp.JsonAsync();
        after.GetProperty("status").GetString().ShouldBe("Queued");
        after.GetProperty("batchDay").GetString().ShouldBe("2026-11-24");
        after.GetProperty("form").GetProperty("newOccupation").GetString().ShouldBe("Pedagang");

        await using var db = app.Database.NewContext();
        var stored = await db.Applications.Include(a => a.History).Include(a => a.Attachments).SingleAsync();
        stored.QueuedAt.ShouldBe(firstQueued.AddHours(5));
        stored.CorrectionJson.ShouldBeNull();
        stored.History.Select(h => h.Action).ShouldBe([ApplicationAction.Submit, ApplicationAction.Resubmit], ignoreOrder: true);
        stored.Attachments.Single(a => a.Code == "dok-pekerjaan").Kind.ShouldBe(AttachmentKind.Jpeg);

        var again = await client.PostAsJsonAsync($"/api/applications/{receipt}/resubmit", new { values = new { newOccupation = "Nelayan" } });
        (await again.CodesAsync()).ShouldContain(":application.not_correctable");
    }

    [Fact]
    public async Task Cutoff_weekend_and_capacity_set_the_days_the_citizen_is_told()
    {
        await using var app = await AppFactory.CreateAsync();
        var r = await TestRegister.CreateAsync(app);
        await app.SeedAsync(async db =>
        {
            var office = await db.Offices.SingleAsync();
            office.OperatorCount = 1;
            office.ApplicationsPerOperatorPerDay = 2;
        });
        var citizen = await TestRegister.CitizenAsync(app, r.Father);
        var client = await app.CreateClientAsync(citizen);
        var days = new List<(string Batch, string Expected)>();
        foreach (var job in new[] { "Wiraswasta", "Pedagang", "Nelayan", "Guru", "Sopir" })
        {
            var body = await (await client.SubmitAsync("kk-perubahan", Change(r, job), Files)).JsonAsync();
            body.TryGetProperty("warnings", out var warnings).ShouldBeTrue();
            warnings.EnumerateObject().ShouldBeEmpty();
            days.Add((body.GetProperty("batchDay").GetString()!, body.GetProperty("expectedProcessingDay").GetString()!));
        }

        // Two a day: Monday, Monday, Tuesday, Tuesday, Wednesday.
        days.Select(d => d.Expected).ShouldBe(["2026-11-23", "2026-11-23", "2026-11-24", "2026-11-24", "2026-11-25"]);
        days.ShouldAllBe(d => d.Batch == "2026-11-23");

        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 5, 1, 0, TimeSpan.Zero)); // Monday 13:01 WITA
        var lateResponse = await client.SubmitAsync("kk-perubahan", Change(r, "Petani"), Files);
        lateResponse.StatusCode.ShouldBe(HttpStatusCode.Created, await lateResponse.Content.ReadAsStringAsync());
        var late = await lateResponse.JsonAsync();
        late.GetProperty("batchDay").GetString().ShouldBe("2026-11-24");

        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero)); // Saturday 22:00 WITA
        client = await app.CreateClientAsync(citizen); // the 8-hour session ended: sign in again
        var weekendResponse = await client.SubmitAsync("kk-perubahan", Change(r, "Buruh"), Files);
        weekendResponse.StatusCode.ShouldBe(HttpStatusCode.Created, await weekendResponse.Content.ReadAsStringAsync());
        var weekend = await weekendResponse.JsonAsync();
        weekend.GetProperty("receipt").GetString()!.ShouldStartWith("BPN-20261128-");
        weekend.GetProperty("batchDay").GetString().ShouldBe("2026-11-30");
    }

    [Theory, BothDatabases]
    public async Task A_supervisor_suspends_and_reopens_a_service(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var citizen = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var supervisor = await app.CreateClientAsync(await app.CreateUserAsync(Roles.Supervisor, configure: u => u.OfficeId = r.Office.Id));
        var operatorClient = await app.CreateClientAsync(await app.CreateUserAsync(Roles.Operator, configure: u => u.OfficeId = r.Office.Id));
        var otherOffice = await app.CreateOfficeAsync("Disdukcapil Kota Palembang", "16.71", "Asia/Jakarta");
        var foreignSupervisor = await app.CreateClientAsync(await app.CreateUserAsync(Roles.Supervisor, configure: u => u.OfficeId = otherOffice.Id));
        var path = "/api/offices/BPN/services/kk-perubahan/availability";
        var close = new { open = false, message = "Perubahan KK ditunda sampai 1 Desember.", messageEn = "KK changes are paused until 1 December." };

        (await operatorClient.PutAsJsonAsync(path, close)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await foreignSupervisor.PutAsJsonAsync(path, close)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.PutAsJsonAsync(path, new { open = false, message = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await supervisor.PutAsJsonAsync(path, close)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var services = await (await app.CreateClient(null).GetAsync("/api/services?office=BPN")).JsonAsync();
        var kk = services.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "kk-perubahan");
        kk.GetProperty("open").GetBoolean().ShouldBeFalse();
        kk.GetProperty("suspensionMessage").GetProperty("id").GetString().ShouldBe(close.message);

        var refused = await citizen.SubmitAsync("kk-perubahan", Change(r), Files);
        (await refused.CodesAsync()).ShouldContain(":service.suspended");
        (await refused.ErrorsAsync())[""].Single().ShouldContain("ditunda sampai 1 Desember");

        (await supervisor.PutAsJsonAsync(path, new { open = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await citizen.SubmitAsync("kk-perubahan", Change(r), Files)).StatusCode.ShouldBe(HttpStatusCode.Created);
        // The same through the supervisor's page: a reason is required, then the service closes.
        (await supervisor.PostFormAsync("/Applications/Availability", new Dictionary<string, string> { ["code"] = "ktp-penggantian", ["open"] = "false", ["message"] = "" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = await supervisor.PostFormAsync("/Applications/Availability", new Dictionary<string, string>
        {
            ["code"] = "ktp-penggantian",
            ["open"] = "false",
            ["message"] = "Blanko KTP-el habis, layanan dibuka kembali setelah kiriman datang.",
        });
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await supervisor.GetAsync("/Applications/Availability")).Content.ReadAsStringAsync()).ShouldContain("Blanko KTP-el habis");

        await using var db = app.Database.NewContext();
        (await db.ServiceSettings.SingleAsync(s => s.ServiceCode == "ktp-penggantian")).IsOpen.ShouldBeFalse();
        (await db.AuditEntries.CountAsync(a => a.Action == "service.suspend" || a.Action == "service.reopen")).ShouldBe(3);
    }

    [Theory, BothDatabases]
    public async Task A_provisional_identity_link_needs_a_selfie_for_the_operator(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var account = await app.CreateUserAsync(Roles.Citizen, "+6281234500077", u =>
        {
            u.PhoneNumber = "+6281234500077";
            u.ResidentId = r.Father.Id;
            u.IdentityProvisional = true;
        });
        var client = await app.CreateClientAsync(account);

        var missing = await client.SubmitAsync("kk-perubahan", Change(r), Files);
        (await missing.CodesAsync()).ShouldContain("attachments.swafoto-identitas:attachment.required");
        var ok = await client.SubmitAsync("kk-perubahan", Change(r), [.. Files, File("swafoto-identitas", Jpeg, "selfie.jpg")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());

        await using var db = app.Database.NewContext();
        var stored = await db.Applications.Include(a => a.Attachments).SingleAsync();
        stored.NeedsIdentityConfirmation.ShouldBeTrue();
        stored.Attachments.Select(a => a.Code).ShouldContain("swafoto-identitas");
    }

    [Fact]
    public async Task Invalid_input_never_produces_a_server_error()
    {
        await using var app = await AppFactory.CreateAsync();
        var r = await TestRegister.CreateAsync(app);
        var client = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        string[] bodies =
        [
            "{",
            "null",
            "[]",
            """{"serviceCode":123}""",
            """{"serviceCode":"kk-perubahan","values":{"nik":42}}""",
            """{"serviceCode":"kk-perubahan","values":{"nik":null,"birthDate":"9999-99-99"}}""",
            """{"serviceCode":"tidak-ada","values":{}}""",
            """{"serviceCode":"kk-perubahan","values":{"reason":"<script>alert(1)</script>' OR 1=1 --"},"attachments":[{"code":null}]}""",
            "{\"serviceCode\":\"kk-perubahan\",\"values\":{\"newName\":\"" + new string('A', 100_000) + "\"}}",
            """{"serviceCode":"kk-perubahan","values":{"nik":"٦٤٧١٠٥٠٩٠٣٨٥٠٠٠١","birthDate":"\u0000"}}""",
        ];
        foreach (var body in bodies)
        {
            var response = await client.PostAsync("/api/applications", new StringContent(body, Encoding.UTF8, "application/json"));
            ((int)response.StatusCode).ShouldBeLessThan(500, body.Length > 80 ? body[..80] : body);
        }

        foreach (var path in new[] { "/api/applications/%2500", "/api/applications/" + new string('X', 5000), "/api/services?office=%27" })
        {
            ((int)(await client.GetAsync(path)).StatusCode).ShouldBeLessThan(500, path);
        }

        await using var db = app.Database.NewContext();
        (await db.Applications.CountAsync()).ShouldBe(0);
    }
}
