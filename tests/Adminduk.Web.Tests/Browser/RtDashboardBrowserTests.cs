using Adminduk.Web.Features.Seeding;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class RtDashboardBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Demo_rt_head_signs_in_with_08_and_sees_the_dashboard_with_charts_at_360_px()
    {
        // Its own app with a small demo city: the demo RT head and their RT come from the seed, as in the README.
        await using var app = await AppFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Seed:OnStartup"] = "true",
            ["Seed:Residents"] = "3000",
        }, kestrel: true);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = BrowserFixture.PhoneWidth, Height = BrowserFixture.PhoneHeight },
            IsMobile = true,
            HasTouch = true,
            Locale = "id-ID",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/SignInRt");
        // +6281200000001 typed the way people write it.
        await page.GetByLabel("Nomor HP").FillAsync("0812-0000-0001");
        await page.GetByLabel("Kata sandi").FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        await page.WaitForURLAsync("**/Rt");
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("RT 001 / RW 001");
        main.ShouldContain("Damai Baru");
        int.Parse(await page.Locator("[data-figure=residents]").InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("id-ID"))
            .ShouldBeGreaterThan(0);
        foreach (var name in new[] { "Piramida penduduk (umur dan jenis kelamin)", "Pekerjaan", "Pendidikan", "Agama" })
        {
            var chart = page.GetByRole(AriaRole.Img, new() { Name = name, Exact = false }).First;
            (await chart.IsVisibleAsync()).ShouldBeTrue(name);
            var box = (await chart.BoundingBoxAsync()).ShouldNotBeNull();
            box.Width.ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
            box.Height.ShouldBeGreaterThan(20);
        }

        (await page.Locator("svg.chart rect").CountAsync()).ShouldBeGreaterThan(20);
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        File.Exists(await BrowserFixture.ScreenshotAsync(page, "rt-dashboard-360")).ShouldBeTrue();

        await page.GetByRole(AriaRole.Link, new() { Name = "Daftar warga" }).First.ClickAsync();
        await page.WaitForURLAsync("**/Rt/Residents");
        (await page.Locator("#residents tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("#residents").InnerTextAsync()).ShouldContain("******");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        File.Exists(await BrowserFixture.ScreenshotAsync(page, "rt-residents-360")).ShouldBeTrue();
    }
}
