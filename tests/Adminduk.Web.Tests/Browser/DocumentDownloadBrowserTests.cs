using System.Net;
using System.Net.Http.Json;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Features.Documents;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DocumentDownloadBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_citizen_downloads_the_approved_kk_from_the_application_page()
    {
        var app = browser.App;
        var register = await TestRegister.CreateAsync(app, variant: 8);
        var citizen = await TestRegister.CitizenAsync(app, register.Father, "+6281299988801");
        using var api = await app.CreateClientAsync(citizen);
        var submitted = await api.PostAsJsonAsync("/api/applications", new
        {
            serviceCode = "kk-perubahan",
            officeCode = register.Office.Code,
            values = new Dictionary<string, string>
            {
                ["nik"] = register.Father.Nik,
                ["kkNumber"] = register.Family.KkNumber,
                ["birthDate"] = "09-03-1985",
                ["newOccupation"] = "Wiraswasta",
                ["reason"] = "Membuka usaha sendiri",
            },
            attachments = new[] { ApiClient.File("kk-lama"), ApiClient.File("dok-pekerjaan") },
        });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var receipt = (await submitted.JsonAsync()).GetProperty("receipt").GetString()!;
        var dewi = Staff(await app.CreateStaffAsync(register.Office, name: "Dewi Operator"));
        var claim = (await app.TakeNextAsync(dewi)).Application.ShouldNotBeNull();
        (await app.DecideAsync(dewi, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve))).Outcome.ShouldBe(DecisionOutcome.Done);

        await using var context = await browser.NewPhoneContextAsync();
        await context.AddCookiesAsync((await app.SignInCookiesAsync(citizen)).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = app.BaseAddress.ToString(),
        }));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync($"/Applications/Detail/{receipt}");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Unduh Kartu Keluarga (PDF)" });
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "citizen-documents-360");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"adminduk-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(file);
        var pdf = await File.ReadAllBytesAsync(file);
        File.Delete(file);

        download.SuggestedFilename.ShouldBe($"KartuKeluarga-{register.Family.KkNumber}.pdf");
        pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8).ShouldBeTrue();
        var text = await PdfTools.TextAsync(pdf);
        text.ShouldContain(register.Family.KkNumber);
        text.ShouldContain("Dewi Operator");
        // The QR code on the downloaded paper leads to the public page, which calls it authentic.
        var verify = await page.Context.NewPageAsync();
        await verify.GotoAsync(await DocumentTestData.QrPathAsync(pdf));
        (await verify.Locator("[data-verdict]").GetAttributeAsync("data-verdict")).ShouldBe("authentic");
        await BrowserFixture.ScreenshotAsync(verify, "verify-authentic-360");
    }
}
