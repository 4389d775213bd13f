using Adminduk.Web.Tests.Features.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SkttBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_foreigner_applies_for_an_sktt_in_english_at_360_px()
    {
        var app = browser.App;
        var register = await TestRegister.CreateAsync(app, variant: 24);
        var rt = (1 + 24).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var foreigner = await TestRegister.CitizenAsync(app, null, "+6281299923001");
        await using var context = await browser.NewPhoneContextAsync();
        await context.AddCookiesAsync((await app.SignInCookiesAsync(foreigner)).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = app.BaseAddress.ToString(),
        }));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync("/Applications/Services?culture=en");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new("Residence certificate \\(SKTT\\) for foreign nationals") }).ClickAsync();
        var intro = await page.Locator("main").InnerTextAsync();
        intro.ShouldContain("KITAP (permanent stay permit) holders do not need an SKTT");
        intro.ShouldContain("Passport number");
        intro.ShouldContain("Letter from your sponsor");
        intro.ShouldNotContain("Nomor paspor");

        await page.Locator("#f-fullName").FillAsync("Emily Jane Carter");
        await page.Locator("#f-sex").SelectOptionAsync("Female");
        await page.Locator("#f-birthDate").FillAsync("12-05-1988");
        await page.Locator("#f-birthPlace").FillAsync("Perth");
        await page.Locator("#f-nationality").FillAsync("Australian");
        await page.Locator("#f-passportNumber").FillAsync("pa 1234567");
        await page.Locator("#f-permitType").SelectOptionAsync("kitap");
        await page.Locator("#f-kitasNumber").FillAsync("2C21JD1234-AB");
        await page.Locator("#f-kitasExpiry").FillAsync("30-06-2027");
        await page.Locator("#f-sponsorName").FillAsync("PT Kaltim Energi Nusantara");
        await page.Locator("#f-address").FillAsync("Jl. Jenderal Sudirman No. 12");
        await page.Locator("#f-kelurahan").FillAsync(TestRegister.Village);
        await page.Locator("#f-rw").FillAsync("1");
        await page.Locator("#f-rt").FillAsync(rt);
        foreach (var code in new[] { "paspor", "kitas", "surat-sponsor" })
        {
            await page.Locator("#a-" + code).SetInputFilesAsync(new FilePayload { Name = code + ".pdf", MimeType = "application/pdf", Buffer = ApiClient.Pdf });
        }

        await page.Locator("#a-pasfoto").SetInputFilesAsync(new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = ApiClient.Jpeg });
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();

        // A KITAP holder is sent to arrival + e-KTP, in English, and nothing typed is lost.
        (await page.Locator("#f-permitType-error").InnerTextAsync()).ShouldContain("register your arrival to get a family card (KK), then apply for an e-KTP");
        (await page.Locator("#f-sponsorName").InputValueAsync()).ShouldBe("PT Kaltim Energi Nusantara");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "sktt-kitap-en-360");

        await page.Locator("#f-permitType").SelectOptionAsync("kitas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit application" }).ClickAsync();
        await page.WaitForURLAsync("**/Applications/Detail/**");
        var receipt = await page.Locator("#receipt").InnerTextAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("In the queue");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "sktt-receipt-en-360");

        await using var db = app.Database.NewContext();
        var stored = await db.Applications.SingleAsync(a => a.ReceiptNumber == receipt);
        stored.ServiceCode.ShouldBe("sktt");
        stored.FormJson.ShouldContain("\"passportNumber\":\"PA1234567\"");
        stored.FormJson.ShouldContain("\"kitasExpiry\":\"2027-06-30\"");
        (await db.Offices.SingleAsync(o => o.Id == stored.OfficeId)).RegencyCode.ShouldBe(register.Office.RegencyCode);
    }
}
