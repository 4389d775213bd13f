using System.Text;
using Adminduk.Domain.Population;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Adminduk.Web.Tests.Features.ListVerification.ListVerificationTestData;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ListVerificationBrowserTests(BrowserFixture browser)
{
    private const float Generous = 120_000;

    [Fact]
    public async Task Operator_uploads_two_lists_reviews_a_pair_and_downloads_the_report_on_a_phone()
    {
        var app = browser.App;
        await app.SeedAsync(db => SeedRegisterAsync(db, app.Time.GetUtcNow()));
        await app.CreateUserAsync(Roles.Operator, "lina.operator", u => u.FullName = "Lina Operator");
        await using var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Generous);

        await page.GotoAsync("/Account/SignInStaff?ReturnUrl=%2FListVerification");
        await page.GetByLabel("Nama pengguna").FillAsync("lina.operator");
        await page.GetByLabel("Kata sandi").FillAsync(AppFactory.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync("**/ListVerification");

        await page.GetByLabel("Judul verifikasi (boleh kosong)").FillAsync("Bansos November");
        await page.GetByLabel("Berkas daftar").SetInputFilesAsync(
        [
            new FilePayload { Name = "pkh.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Pkh) },
            new FilePayload { Name = "pbi.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Pbi) },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah dan atur kolom" }).ClickAsync();
        await page.WaitForURLAsync("**/ListVerification/Mapping/*");

        // The per-person list calls its NIK column "No Induk": the mapping step is where staff say so.
        await page.Locator("#map-2-Nik").SelectOptionAsync("No Induk");
        await page.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "list-verification-mapping-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mulai verifikasi" }).ClickAsync();
        await page.WaitForURLAsync("**/ListVerification/Run/*");

        // The page refreshes itself until the background worker is done.
        await page.Locator("#count-rows").WaitForAsync(new() { Timeout = Generous });
        (await page.Locator("#count-rows").InnerTextAsync()).ShouldBe("10");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Meninggal");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "list-verification-summary-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tinjau pasangan (2 terbuka dari 2)" }).ClickAsync();
        await page.Locator("ul.records a").First.ClickAsync();
        await page.WaitForURLAsync("**/ListVerification/Review/*/*");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Skor");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "list-verification-review-360");
        await page.GetByLabel("Bukan orang yang sama").CheckAsync();
        await page.GetByLabel("Alasan").FillAsync("Alamat dan tanggal lahir berbeda");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan keputusan" }).ClickAsync();
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Keputusan disimpan.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Bansos November", Exact = false }).First.ClickAsync();
        await page.WaitForURLAsync("**/ListVerification/Run/*");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Unduh laporan CSV" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".csv");
        var report = await File.ReadAllTextAsync((await download.PathAsync())!);
        report.ShouldContain("Daftar,Baris,Nama,NIK");
        report.ShouldContain("register.deceased");
        report.ShouldContain("Petugas memastikan");
    }
}
