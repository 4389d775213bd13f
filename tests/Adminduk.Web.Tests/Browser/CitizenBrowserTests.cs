using System.Text.RegularExpressions;
using Adminduk.Domain.Population;
using Adminduk.Web.Tests.Features.CitizenAccount;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CitizenBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_citizen_signs_in_with_a_code_and_links_the_register_identity_on_a_phone(bool javaScript)
    {
        // With JavaScript: the register phone is the one signed in with, so the link is immediate.
        // Without: the register has no phone, so the link is provisional and asks for a selfie.
        var phone = javaScript ? "+6281100001111" : "+6281100002222";
        var typed = javaScript ? "0811-0000-1111" : "0811 0000 2222";
        var resident = await RegisterBuilder.AddResidentAsync(browser.App, new DateOnly(1985, 8, 17), javaScript ? "Siti Aminah" : "Nur Aini", phone: javaScript ? phone : null);
        var suffix = javaScript ? "" : "-nojs";
        await using var context = await browser.NewPhoneContextAsync(javaScriptEnabled: javaScript);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Warga") }).ClickAsync();
        await page.GetByLabel("Nomor HP").FillAsync(typed);
        await BrowserFixture.ScreenshotAsync(page, "citizen-sign-in-360" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim kode" }).ClickAsync();
        await page.WaitForURLAsync("**/CitizenAccount/Code?**");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("+62811*****" + phone[^3..]);
        await page.GetByLabel("Kode", new() { Exact = true }).FillAsync(await CitizenTestData.LatestCodeAsync(browser.App, phone));
        await BrowserFixture.ScreenshotAsync(page, "citizen-code-360" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**/CitizenAccount");
        (await page.GetByText("Masuk sebagai " + phone).IsVisibleAsync()).ShouldBeTrue();
        await page.GetByRole(AriaRole.Link, new() { Name = "Hubungkan data kependudukan" }).ClickAsync();
        await page.GetByLabel("NIK", new() { Exact = true }).FillAsync(resident.Nik);
        await page.GetByLabel("Nomor KK", new() { Exact = true }).FillAsync(resident.KkNumber);
        await page.GetByLabel("Tanggal lahir", new() { Exact = true }).FillAsync("1985-08-17");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "citizen-link-360" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Hubungkan", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(javaScript ? "**/CitizenAccount?Done=linked" : "**/CitizenAccount");
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain(resident.FullName);
        main.ShouldContain(Domain.Numbers.Nik.Mask(resident.Nik));
        if (javaScript)
        {
            main.ShouldContain("Akun Anda sudah terhubung dengan data kependudukan.");
        }
        else
        {
            main.ShouldContain("Terhubung sementara");
            main.ShouldContain("swafoto sambil memegang KTP atau KK");
        }

        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        File.Exists(await BrowserFixture.ScreenshotAsync(page, "citizen-linked-360" + suffix)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_reads_a_code_on_the_message_log_on_a_phone()
    {
        const string phone = "+6281100003333";
        await browser.App.CreateUserAsync(Roles.Administrator, "admin.log", u => u.FullName = "Admin Log");
        await using (var citizen = await browser.NewPhoneContextAsync(javaScriptEnabled: false))
        {
            var page = await citizen.NewPageAsync();
            await page.GotoAsync("/CitizenAccount/SignIn");
            await page.GetByLabel("Nomor HP").FillAsync(phone);
            await page.GetByRole(AriaRole.Button, new() { Name = "Kirim kode" }).ClickAsync();
            await page.WaitForURLAsync("**/CitizenAccount/Code?**");
        }

        await using var context = await browser.NewPhoneContextAsync();
        var admin = await context.NewPageAsync();
        await admin.GotoAsync("/Account/SignInStaff?ReturnUrl=%2FMessages");
        await admin.GetByLabel("Nama pengguna").FillAsync("admin.log");
        await admin.GetByLabel("Kata sandi").FillAsync(AppFactory.DefaultPassword);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync("**/Messages");
        await admin.GetByLabel("Penerima").FillAsync(phone);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await admin.WaitForURLAsync("**/Messages?**");

        (await admin.Locator("main").InnerTextAsync()).ShouldContain($"Kode masuk Adminduk Anda: {await CitizenTestData.LatestCodeAsync(browser.App, phone)}.");
        (await BrowserFixture.ScrollWidthAsync(admin)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        File.Exists(await BrowserFixture.ScreenshotAsync(admin, "message-log-360")).ShouldBeTrue();
    }
}
