using System.Net;
using System.Net.Http.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CorrectionRoundTripBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Operator_sends_back_the_citizen_corrects_and_the_operator_approves_it_in_its_turn()
    {
        var app = browser.App;
        var register = await TestRegister.CreateAsync(app, variant: 7);
        var citizen = await TestRegister.CitizenAsync(app, register.Father, "+6281299977701");
        var api = await app.CreateClientAsync(citizen);
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
        await app.CreateUserAsync(Roles.Operator, "dewi.operator7", u =>
        {
            u.FullName = "Dewi Operator";
            u.OfficeId = register.Office.Id;
        });

        // The operator takes the next application (the only way in) and sends it back.
        await using var staffContext = await browser.NewPhoneContextAsync();
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync("/Account/SignInStaff?ReturnUrl=%2FBackOffice");
        await staff.GetByLabel("Nama pengguna").FillAsync("dewi.operator7");
        await staff.GetByLabel("Kata sandi").FillAsync(AppFactory.DefaultPassword);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await staff.WaitForURLAsync("**/BackOffice");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Ambil permohonan berikutnya" }).ClickAsync();
        await staff.WaitForURLAsync("**/BackOffice/Review");
        (await staff.Locator("main").InnerTextAsync()).ShouldContain(receipt);
        await staff.Locator("summary", new() { HasText = "Pekerjaan baru" }).First.ClickAsync();
        await staff.Locator("#other-newOccupation").FillAsync("Tulis pekerjaan sesuai surat keterangan kerja.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Kembalikan untuk perbaikan", Exact = true }).ClickAsync();
        await staff.WaitForURLAsync("**/BackOffice");

        // The citizen corrects only the named field on the application page; it rejoins the queue.
        await using var citizenContext = await browser.NewPhoneContextAsync();
        await citizenContext.AddCookiesAsync((await app.SignInCookiesAsync(citizen)).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = app.BaseAddress.ToString(),
        }));
        var page = await citizenContext.NewPageAsync();
        await page.GotoAsync($"/Applications/Detail/{receipt}");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Tulis pekerjaan sesuai surat keterangan kerja.");
        await page.Locator("#c-newOccupation").FillAsync("Pedagang");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "citizen-correction-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim perbaikan" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Perbaikan diterima");

        // In its turn the operator gets it again and approves.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Ambil permohonan berikutnya" }).ClickAsync();
        await staff.WaitForURLAsync("**/BackOffice/Review");
        var review = await staff.Locator("main").InnerTextAsync();
        review.ShouldContain(receipt);
        review.ShouldContain("Pedagang");
        await BrowserFixture.ScreenshotAsync(staff, "backoffice-review-corrected-360");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Setujui dan teruskan" }).ClickAsync();
        await staff.WaitForURLAsync("**/BackOffice");

        await using var db = app.Database.NewContext();
        var stored = await db.Applications.Include(a => a.History).SingleAsync(a => a.ReceiptNumber == receipt);
        stored.Status.ShouldBe(ApplicationStatus.Approved);
        stored.History.Where(h => h.Action is not null).Select(h => h.Action!.Value)
            .ShouldBe([ApplicationAction.Submit, ApplicationAction.Claim, ApplicationAction.SendBack, ApplicationAction.Resubmit, ApplicationAction.Claim, ApplicationAction.Approve], ignoreOrder: true);
    }
}
