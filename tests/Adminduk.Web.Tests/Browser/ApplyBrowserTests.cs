using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ApplyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Citizen_fixes_a_wrong_birth_date_submits_and_looks_the_status_up_with_and_without_javascript()
    {
        var register = await TestRegister.CreateAsync(browser.App);
        foreach (var (javaScript, phone) in new[] { (true, "+6281299900001"), (false, "+6281299900002") })
        {
            var citizen = await TestRegister.CitizenAsync(browser.App, register.Father, phone);
            await using var context = await browser.NewPhoneContextAsync(javaScript);
            await context.AddCookiesAsync((await browser.App.SignInCookiesAsync(citizen)).Select(c => new Microsoft.Playwright.Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Url = browser.App.BaseAddress.ToString(),
            }));
            var page = await context.NewPageAsync();
            var suffix = javaScript ? "" : "-nojs";

            await page.GotoAsync("/Applications/Services");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new("Perubahan data Kartu Keluarga") }).ClickAsync();
            await page.Locator("#f-nik").FillAsync(register.Father.Nik);
            await page.Locator("#f-kkNumber").FillAsync(register.Family.KkNumber);
            await page.Locator("#f-birthDate").FillAsync("10-03-1985");
            await page.Locator("#f-newOccupation").FillAsync("Wiraswasta");
            await page.Locator("#f-reason").FillAsync("Membuka usaha sendiri");
            await page.Locator("#a-kk-lama").SetInputFilesAsync(new FilePayload { Name = "kk.pdf", MimeType = "application/pdf", Buffer = ApiClient.Pdf });
            await page.Locator("#a-dok-pekerjaan").SetInputFilesAsync(new FilePayload { Name = "surat-kerja.jpg", MimeType = "image/jpeg", Buffer = ApiClient.Jpeg });
            await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();

            // The message sits on the birth-date field; everything else, files included, was kept.
            var dateError = page.Locator("#f-birthDate-error");
            (await dateError.InnerTextAsync()).ShouldContain("Tanggal lahir tidak sama dengan data kependudukan");
            (await page.Locator("#f-newOccupation").InputValueAsync()).ShouldBe("Wiraswasta");
            (await page.Locator("main").InnerTextAsync()).ShouldContain("Sudah dilampirkan: kk.pdf");
            (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
            await BrowserFixture.ScreenshotAsync(page, "apply-birthdate-error-360" + suffix);

            await page.Locator("#f-birthDate").FillAsync("09-03-1985");
            await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();
            await page.WaitForURLAsync("**/Applications/Detail/**");
            var receipt = await page.Locator("#receipt").InnerTextAsync();
            receipt.ShouldMatch("^BPN-20261123-[0-9A-Z]{8}$");
            (await page.Locator("main").InnerTextAsync()).ShouldContain("Dalam antrean");
            (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
            await BrowserFixture.ScreenshotAsync(page, "apply-receipt-360" + suffix);

            await using var anonymous = await browser.NewPhoneContextAsync(javaScript);
            var lookup = await anonymous.NewPageAsync();
            await lookup.GotoAsync("/Applications/Status");
            await lookup.GetByLabel("Nomor tanda terima").FillAsync(receipt.ToLowerInvariant());
            await lookup.GetByLabel("Tanggal lahir pemohon").FillAsync("09-03-1985");
            await lookup.GetByRole(AriaRole.Button, new() { Name = "Cek status" }).ClickAsync();
            (await lookup.Locator("[role=status]").InnerTextAsync()).ShouldContain("Dalam antrean");
            await BrowserFixture.ScreenshotAsync(lookup, "status-lookup-360" + suffix);
        }
    }
}
