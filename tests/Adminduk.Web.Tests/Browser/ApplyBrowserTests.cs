using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Features.CitizenAccount;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ApplyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Citizen_signs_in_with_a_code_links_fixes_a_wrong_birth_date_submits_and_looks_the_status_up()
    {
        var register = await TestRegister.CreateAsync(browser.App);
        // The register knows both parents' phones, so linking is immediate after the sign-in code.
        await browser.App.SeedAsync(async db =>
        {
            (await db.Residents.SingleAsync(x => x.Id == register.Father.Id)).Phone = "+6281299900001";
            (await db.Residents.SingleAsync(x => x.Id == register.Mother.Id)).Phone = "+6281299900002";
        });
        foreach (var (javaScript, phone, typed, person) in new[]
        {
            (true, "+6281299900001", "0812-9990-0001", register.Father),
            (false, "+6281299900002", "0812 9990 0002", register.Mother),
        })
        {
            await using var context = await browser.NewPhoneContextAsync(javaScript);
            var page = await context.NewPageAsync();
            var suffix = javaScript ? "" : "-nojs";
            var born = person.BirthDate.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var wrong = person.BirthDate.AddDays(1).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

            // Sign in with a one-time code, then link the register identity.
            await page.GotoAsync("/CitizenAccount/SignIn");
            await page.GetByLabel("Nomor HP").FillAsync(typed);
            await page.GetByRole(AriaRole.Button, new() { Name = "Kirim kode" }).ClickAsync();
            await page.WaitForURLAsync("**/CitizenAccount/Code?**");
            await page.GetByLabel("Kode", new() { Exact = true }).FillAsync(await CitizenTestData.LatestCodeAsync(browser.App, phone));
            await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/CitizenAccount");
            await page.GetByRole(AriaRole.Link, new() { Name = "Hubungkan data kependudukan" }).ClickAsync();
            await page.GetByLabel("NIK", new() { Exact = true }).FillAsync(person.Nik);
            await page.GetByLabel("Nomor KK", new() { Exact = true }).FillAsync(register.Family.KkNumber);
            await page.GetByLabel("Tanggal lahir", new() { Exact = true }).FillAsync(person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Hubungkan", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/CitizenAccount?Done=linked");

            await page.GotoAsync("/Applications/Services");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Pembaruan data penduduk") }).ClickAsync();
            await page.Locator("#f-nik").FillAsync(person.Nik);
            await page.Locator("#f-kkNumber").FillAsync(register.Family.KkNumber);
            await page.Locator("#f-birthDate").FillAsync(wrong);
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

            await page.Locator("#f-birthDate").FillAsync(born);
            await page.GetByRole(AriaRole.Button, new() { Name = "Kirim permohonan" }).ClickAsync();
            await page.WaitForURLAsync("**/Applications/Detail/**");
            var receipt = await page.Locator("#receipt").InnerTextAsync();
            receipt.ShouldMatch("^[A-Z][A-Z0-9]{1,7}-20261123-[0-9A-Z]{8}$");
            (await page.Locator("main").InnerTextAsync()).ShouldContain("Dalam antrean");
            (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
            await BrowserFixture.ScreenshotAsync(page, "apply-receipt-360" + suffix);

            await using var anonymous = await browser.NewPhoneContextAsync(javaScript);
            var lookup = await anonymous.NewPageAsync();
            await lookup.GotoAsync("/Applications/Status");
            await lookup.GetByLabel("Nomor tanda terima").FillAsync(receipt.ToLowerInvariant());
            await lookup.GetByLabel("Tanggal lahir pemohon").FillAsync(born);
            await lookup.GetByRole(AriaRole.Button, new() { Name = "Cek status" }).ClickAsync();
            (await lookup.Locator("[role=status]").InnerTextAsync()).ShouldContain("Dalam antrean");
            await BrowserFixture.ScreenshotAsync(lookup, "status-lookup-360" + suffix);
        }
    }
}
