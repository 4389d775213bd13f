using System.Net;
using Adminduk.Domain.Documents;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Documents;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.Documents;

public class VerificationAndDownloadTests
{
    [Fact]
    public async Task Unknown_and_malformed_codes_get_a_clear_answer_on_the_page_and_the_api()
    {
        await using var app = await AppFactory.CreateAsync();
        using var anonymous = app.CreateClient((IEnumerable<Cookie>?)null);

        foreach (var code in new[] { VerificationCodes.New(), "bukan-kode", "%27%20OR%201%3D1" })
        {
            var page = await anonymous.GetAsync("/verify/" + code);
            page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var html = await page.Content.ReadAsStringAsync();
            html.ShouldContain("data-verdict=\"unknown\"");
            html.ShouldContain("Kode tidak dikenal.");
            var api = await anonymous.GetAsync("/api/verify/" + code);
            api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await api.JsonAsync()).GetProperty("status").GetString().ShouldBe("unknown");
        }

        var empty = await anonymous.GetStringAsync("/verify");
        empty.ShouldContain("Masukkan kode verifikasi");
        empty.ShouldNotContain("data-verdict");
        var typed = await anonymous.GetAsync("/verify?kode=%20AbC%20");
        typed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        typed.Headers.Location!.OriginalString.ShouldBe("/verify/AbC");
    }

    [Fact]
    public async Task The_api_answers_with_minimal_data_and_is_in_the_openapi_document()
    {
        await using var app = await AppFactory.CreateAsync();
        var register = await TestRegister.CreateAsync(app);
        var (service, form) = DocumentTestData.FormFor(DocumentKind.KartuKeluarga, register);
        var card = (await app.IssueAsync(DocumentKind.KartuKeluarga, await app.ApprovedAsync(register.Office, service, form))).Single();
        using var anonymous = app.CreateClient((IEnumerable<Cookie>?)null);

        var json = await (await anonymous.GetAsync("/api/verify/" + card.VerificationCode)).JsonAsync();

        json.GetProperty("status").GetString().ShouldBe("authentic");
        json.GetProperty("kind").GetString().ShouldBe("KartuKeluarga");
        json.GetProperty("kindName").GetString().ShouldBe("Kartu Keluarga");
        json.GetProperty("number").GetString().ShouldBe(register.Family.KkNumber);
        json.GetProperty("name").GetString().ShouldBe("A*** S******");
        json.GetProperty("issuedOn").GetString().ShouldBe("2026-11-23");
        json.GetProperty("office").GetString().ShouldBe("Disdukcapil Kota Balikpapan");
        json.GetRawText().ShouldNotContain(register.Father.Nik);
        var openApi = await anonymous.GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("/api/verify/{code}");
        openApi.ShouldContain("VerifyDocument");
    }

    [Fact]
    public async Task Checks_are_rate_limited_per_client()
    {
        await using var app = await AppFactory.CreateAsync(settings: new Dictionary<string, string?> { ["RateLimiting:Verify:PermitLimit"] = "3" });
        using var anonymous = app.CreateClient((IEnumerable<Cookie>?)null);

        (await anonymous.GetAsync("/verify/" + VerificationCodes.New())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/api/verify/" + VerificationCodes.New())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/verify/" + VerificationCodes.New())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var refused = await anonymous.GetAsync("/verify/" + VerificationCodes.New());
        var refusedApi = await anonymous.GetAsync("/api/verify/" + VerificationCodes.New());

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldBe("Terlalu banyak pemeriksaan dari alamat Anda. Tunggu sebentar, lalu coba lagi.");
        refusedApi.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // Other pages are not counted against the limit.
        (await anonymous.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task The_applicant_and_staff_of_the_issuing_office_download_everyone_else_is_refused_and_every_download_is_audited(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var register = await TestRegister.CreateAsync(app);
        var elsewhere = await app.CreateOfficeAsync("Disdukcapil Kota Palembang", "16.71", "Asia/Jakarta");
        var applicant = await TestRegister.CitizenAsync(app, register.Father, "+6281234500101");
        var (service, form) = DocumentTestData.FormFor(DocumentKind.KartuKeluarga, register);
        var application = await app.ApprovedAsync(register.Office, service, form, applicant.Id);
        var card = (await app.IssueAsync(DocumentKind.KartuKeluarga, application)).Single();
        var path = DocumentEndpoints.DownloadPath(card.Id);

        var callers = new (string Who, AppUser? User, bool Allowed)[]
        {
            ("applicant", applicant, true),
            ("other citizen", await TestRegister.CitizenAsync(app, register.Neighbour, "+6281234500109"), false),
            ("rt head", await app.CreateUserAsync(Roles.RtHead), false),
            ("operator of the office", await app.CreateUserAsync(Roles.Operator, configure: u => u.OfficeId = register.Office.Id), true),
            ("supervisor of the office", await app.CreateUserAsync(Roles.Supervisor, configure: u => u.OfficeId = register.Office.Id), true),
            ("operator elsewhere", await app.CreateUserAsync(Roles.Operator, configure: u => u.OfficeId = elsewhere.Id), false),
            ("administrator", await app.CreateUserAsync(Roles.Administrator), true),
            ("anonymous", null, false),
        };
        foreach (var (who, user, allowed) in callers)
        {
            using var client = user is null ? app.CreateClient((IEnumerable<Cookie>?)null) : await app.CreateClientAsync(user);
            using var response = await client.GetAsync(path);
            if (allowed)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, who);
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf", who);
                response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"KartuKeluarga-{register.Family.KkNumber}.pdf", who);
                (await response.Content.ReadAsByteArrayAsync()).ShouldBe(card.Pdf, who);
            }
            else
            {
                ((int)response.StatusCode).ShouldBeOneOf([302, 401, 403, 404], who);
                (await response.Content.ReadAsByteArrayAsync()).Take(5).ShouldNotBe("%PDF-"u8.ToArray(), who);
            }
        }

        await using var db = app.Database.NewContext();
        var downloads = await db.AuditEntries.Where(a => a.Action == "document.download").ToListAsync();
        downloads.Select(a => a.ActorId).ShouldBe(callers.Where(c => c.Allowed).Select(c => (Guid?)c.User!.Id), ignoreOrder: true);
        downloads.ShouldAllBe(a => a.SubjectType == "document" && a.SubjectId == card.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var refused = await db.AuditEntries.Where(a => a.Action == "document.download-refused").Select(a => a.ActorId).ToListAsync();
        refused.ShouldBe([callers[1].User!.Id, callers[5].User!.Id], ignoreOrder: true);
        (await db.AuditEntries.CountAsync(a => a.Action == "document.download" && a.SubjectId == "999999")).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task The_citizens_application_page_and_the_offices_document_list_link_the_download(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var register = await TestRegister.CreateAsync(app);
        var elsewhere = await app.CreateOfficeAsync("Disdukcapil Kota Palembang", "16.71", "Asia/Jakarta");
        var applicant = await TestRegister.CitizenAsync(app, register.Father, "+6281234500101");
        var (service, form) = DocumentTestData.FormFor(DocumentKind.KartuKeluarga, register);
        var application = await app.ApprovedAsync(register.Office, service, form, applicant.Id);
        var card = (await app.IssueAsync(DocumentKind.KartuKeluarga, application)).Single();
        var link = $"href=\"{DocumentEndpoints.DownloadPath(card.Id)}\"";

        using var citizen = await app.CreateClientAsync(applicant);
        var detail = await citizen.GetStringAsync("/Applications/Detail/" + application.ReceiptNumber);
        detail.ShouldContain(link);
        detail.ShouldContain("Unduh Kartu Keluarga (PDF)");
        using var other = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, register.Neighbour, "+6281234500109"));
        (await other.GetAsync("/Applications/Detail/" + application.ReceiptNumber)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var staff = await app.CreateClientAsync(await app.CreateUserAsync(Roles.Operator, configure: u => u.OfficeId = register.Office.Id));
        var list = await staff.GetStringAsync("/Documents/Office?q=" + application.ReceiptNumber!.ToLowerInvariant());
        list.ShouldContain(link);
        list.ShouldContain(register.Family.KkNumber);
        (await staff.GetStringAsync("/Documents/Office?q=TIDAK-ADA")).ShouldNotContain(link);
        using var staffElsewhere = await app.CreateClientAsync(await app.CreateUserAsync(Roles.Operator, configure: u => u.OfficeId = elsewhere.Id));
        (await staffElsewhere.GetStringAsync("/Documents/Office")).ShouldNotContain(link);
        using var administrator = await app.CreateClientAsync(await app.CreateUserAsync(Roles.Administrator));
        (await administrator.GetStringAsync("/Documents/Office")).ShouldContain(link);
    }
}
