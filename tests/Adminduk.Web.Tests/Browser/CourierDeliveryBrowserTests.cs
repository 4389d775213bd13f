using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Features.Delivery;
using Adminduk.Web.Tests.Features.Notifications;
using Adminduk.Web.Tests.Features.Notifications.Loopback;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CourierDeliveryBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Operator_approves_the_citizen_picks_courier_and_a_signed_callback_shows_delivered()
    {
        await using var courier = await ProviderStandIn.StartAsync();
        courier.Reply = _ => Task.FromResult(new StandInReply(201, """{"trackingId":"GS-BR-0001"}"""));
        // Its own app: the courier is configured for it (the shared browser app has none).
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite, DeliveryTestData.Settings(courier), kestrel: true);
        var zoned = await ZoneTestData.CreateZonedCitizenAsync(app, "+6281234567071");
        await app.SeedAsync(db =>
        {
            db.Set<DeliverySetting>().Add(new DeliverySetting { OfficeId = zoned.Office.Id, CourierFee = 12000 });
            return Task.CompletedTask;
        });
        var application = await ZoneTestData.QueueApplicationAsync(app, zoned.Office, zoned.Citizen.Id);
        var receipt = application.ReceiptNumber!;
        var operatorUser = await app.CreateStaffAsync(zoned.Office, name: "Rina Operator");

        // The operator takes the application and approves it.
        await using var staffContext = await NewContextAsync(app);
        var staff = await staffContext.NewPageAsync();
        staff.SetDefaultTimeout(180_000);
        await staff.GotoAsync("/Account/SignInStaff?ReturnUrl=%2FBackOffice");
        await staff.GetByLabel("Nama pengguna").FillAsync(operatorUser.UserName!);
        await staff.GetByLabel("Kata sandi").FillAsync(AppFactory.DefaultPassword);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await staff.WaitForURLAsync("**/BackOffice");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Ambil permohonan berikutnya" }).ClickAsync();
        await staff.WaitForURLAsync("**/BackOffice/Review");
        (await staff.Locator("main").InnerTextAsync()).ShouldContain(receipt);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Setujui dan teruskan" }).ClickAsync();
        await staff.WaitForURLAsync("**/BackOffice");

        // The citizen opens the application, goes to the documents page and picks the courier.
        await using var citizenContext = await NewContextAsync(app);
        await citizenContext.AddCookiesAsync((await app.SignInCookiesAsync(zoned.Citizen)).Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = app.BaseAddress.ToString(),
        }));
        var page = await citizenContext.NewPageAsync();
        page.SetDefaultTimeout(180_000);
        await page.GotoAsync($"/Applications/Detail/{receipt}");
        await page.Locator("#delivery-link").ClickAsync();
        await page.WaitForURLAsync($"**/Delivery/Choose/{receipt}");
        var choice = await page.Locator("main").InnerTextAsync();
        choice.ShouldContain("UPTD Bukit Kecil");
        choice.ShouldContain("Rp12.000");
        await page.GetByLabel("Kirim dengan kurir ke alamat saya").CheckAsync();
        await page.GetByLabel("Alamat pengiriman").FillAsync("Jl. Talang Semut Lr. Mawar No. 12, RT 012, Bukit Kecil");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "delivery-choice-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi pilihan" }).ClickAsync();
        await page.Locator("#delivery-status", new() { HasText = "Kurir dipesan" }).WaitForAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("GS-BR-0001");

        // The courier reports delivery with a signed callback over real HTTP.
        using var courierClient = new HttpClient { BaseAddress = app.BaseAddress };
        var answer = await DeliveryTestData.CallbackAsync(courierClient, DeliveryTestData.Status("GS-BR-0001", "delivered"), app.Time.GetUtcNow());
        answer.IsSuccessStatusCode.ShouldBeTrue(await answer.Content.ReadAsStringAsync());

        await page.ReloadAsync();
        (await page.Locator("#delivery-status").InnerTextAsync()).ShouldBe("Sudah diterima");
        await BrowserFixture.ScreenshotAsync(page, "delivery-delivered-360");
        await page.GotoAsync($"/Applications/Detail/{receipt}");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Selesai");

        await using var db = app.Database.NewContext();
        (await db.Applications.SingleAsync()).Status.ShouldBe(ApplicationStatus.Completed);
        (await db.Set<DocumentDelivery>().SingleAsync()).Status.ShouldBe(DeliveryStatus.Delivered);
    }

    private Task<IBrowserContext> NewContextAsync(AppFactory app) =>
        browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = BrowserFixture.PhoneWidth, Height = BrowserFixture.PhoneHeight },
            IsMobile = true,
            HasTouch = true,
            Locale = "id-ID",
        });
}
