using Adminduk.Domain.Population;
using Adminduk.Web.Tests.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DeathCertificateBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_widow_reports_her_husbands_death_on_a_phone_and_is_asked_for_the_new_head_first()
    {
        var app = browser.App;
        var register = await TestRegister.CreateAsync(app, variant: 23);
        var citizen = await TestRegister.CitizenAsync(app, register.Mother, "+6281299923002");
        await using var context = await browser.NewPhoneContextAsync();
        await context.AddCookiesAsync((await app.SignInCookiesAsync(citizen)).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = app.BaseAddress.ToString(),
        }));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync("/Applications/Services");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Akta kematian") }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("surat keterangan kematian dari rumah sakit/puskesmas, atau dari kelurahan");
        await page.Locator("#f-nik").FillAsync(register.Father.Nik);
        await page.Locator("#f-kkNumber").FillAsync(register.Family.KkNumber);
        await page.Locator("#f-deathDate").FillAsync("21-11-2026");
        await page.Locator("#f-deathTime").FillAsync("05.10");
        await page.Locator("#f-deathPlace").FillAsync("RSUD Beriman Balikpapan");
        await page.Locator("#f-deathCause").SelectOptionAsync("sakit");
        await page.Locator("#f-reporterNik").FillAsync(register.Mother.Nik);
        await page.Locator("#f-reporterRelation").SelectOptionAsync("suami-istri");
        await page.Locator("#a-surat-kematian").SetInputFilesAsync(new FilePayload { Name = "surat-kematian.pdf", MimeType = "application/pdf", Buffer = ApiClient.Pdf });
        await page.Locator("#a-kk-almarhum").SetInputFilesAsync(new FilePayload { Name = "kk.jpg", MimeType = "image/jpeg", Buffer = ApiClient.Jpeg });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();

        // The husband headed the household: the form asks who heads it now, and keeps everything else.
        (await page.Locator("#f-newHeadNik-error").InnerTextAsync()).ShouldContain("almarhum/almarhumah adalah kepala keluarga");
        (await page.Locator("#f-deathPlace").InputValueAsync()).ShouldBe("RSUD Beriman Balikpapan");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Sudah dilampirkan: surat-kematian.pdf");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "death-new-head-required-360");

        await page.Locator("#f-newHeadNik").FillAsync(register.Mother.Nik);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();
        await page.WaitForURLAsync("**/Applications/Detail/**");
        var receipt = await page.Locator("#receipt").InnerTextAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Dalam antrean");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "death-receipt-360");

        await using var db = app.Database.NewContext();
        var stored = await db.Applications.SingleAsync(a => a.ReceiptNumber == receipt);
        stored.ServiceCode.ShouldBe("akta-kematian");
        stored.SubjectResidentId.ShouldBe(register.Father.Id);
        stored.FormJson.ShouldContain("\"deathTime\":\"05:10\"");
        stored.FormJson.ShouldContain($"\"newHeadNik\":\"{register.Mother.Nik}\"");
        // Nothing changes in the register until an operator approves.
        (await db.Residents.SingleAsync(r => r.Id == register.Father.Id)).Status.ShouldBe(ResidentStatus.Alive);
    }
}
