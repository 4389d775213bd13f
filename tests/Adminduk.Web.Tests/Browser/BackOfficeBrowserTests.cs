using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BackOfficeBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Operator_signs_in_takes_next_and_sends_back_for_correction_on_a_phone()
    {
        var app = browser.App;
        var office = await app.AddOfficeAsync("BROWSER");
        var citizen = await app.CreateCitizenAsync("+6281234567099");
        var form = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["nik"] = "6471050101900001",
            ["kkNumber"] = "6471051203150001",
            ["birthDate"] = "1990-01-02",
            ["reason"] = "hilang",
            ["policeReportNumber"] = "LP/77/XI/2026",
        });
        var queued = await app.QueueAsync(office, app.Time.GetUtcNow().AddMinutes(-20), applicant: citizen.Id, formJson: form);
        await app.CreateUserAsync(Domain.Population.Roles.Operator, "rina.operator", u =>
        {
            u.FullName = "Rina Operator";
            u.OfficeId = office.Id;
        });
        await using var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/SignInStaff?ReturnUrl=%2FBackOffice");
        await page.GetByLabel("Nama pengguna").FillAsync("rina.operator");
        await page.GetByLabel("Kata sandi").FillAsync(AppFactory.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync("**/BackOffice");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("1 permohonan menunggu");
        await BrowserFixture.ScreenshotAsync(page, "backoffice-queue-360");

        await page.GetByRole(AriaRole.Button, new() { Name = "Ambil permohonan berikutnya" }).ClickAsync();
        await page.WaitForURLAsync("**/BackOffice/Review");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Penggantian KTP-el");
        (await page.Locator("main").InnerTextAsync()).ShouldContain(queued.ReceiptNumber!);
        await page.Locator("summary", new() { HasText = "Tanggal lahir" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Tidak sesuai dengan data kependudukan" }).First.CheckAsync();
        await page.Locator("summary", new() { HasText = "Nomor surat keterangan kehilangan dari kepolisian" }).ClickAsync();
        await page.Locator("#other-policeReportNumber").FillAsync("Nomor laporan tidak terbaca");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        File.Exists(await BrowserFixture.ScreenshotAsync(page, "backoffice-review-360")).ShouldBeTrue();

        await page.GetByRole(AriaRole.Button, new() { Name = "Kembalikan untuk perbaikan", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/BackOffice");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldBe("Permohonan dikembalikan kepada pemohon untuk diperbaiki.");
        await BrowserFixture.ScreenshotAsync(page, "backoffice-sent-back-360");

        var sent = await app.ReloadAsync(queued.Id);
        sent.Status.ShouldBe(ApplicationStatus.NeedsCorrection);
        sent.CorrectionJson.ShouldBe("""{"birthDate":["Tidak sesuai dengan data kependudukan"],"policeReportNumber":["Nomor laporan tidak terbaca"]}""");
    }
}
