using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class RtSignInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Rt_head_signs_in_with_a_phone_typed_08_and_lands_on_the_rt_page()
    {
        var rt = new RtUnit { VillageCode = "64.71.02.1003", Rw = 12, Rt = 31 };
        await browser.App.SeedAsync(db =>
        {
            db.Regions.AddRange(
                new RegionRecord { Code = "64.71.02", Name = "Balikpapan Timur", Level = RegionLevel.District, ParentCode = "64.71" },
                new RegionRecord { Code = "64.71.02.1003", Name = "Manggar Baru", Level = RegionLevel.Village, ParentCode = "64.71.02" });
            db.RtUnits.Add(rt);
            return Task.CompletedTask;
        });
        await browser.App.CreateUserAsync(Roles.RtHead, "+6285246813579", u =>
        {
            u.FullName = "Hj. Nurhayati";
            u.RtUnitId = rt.Id;
        });
        await using var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ketua RT" }).ClickAsync();
        await page.GetByLabel("Nomor HP").FillAsync("0852-4681-3579");
        await page.GetByLabel("Kata sandi").FillAsync(AppFactory.DefaultPassword);
        await BrowserFixture.ScreenshotAsync(page, "rt-sign-in-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();

        await page.WaitForURLAsync("**/Rt");
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("Hj. Nurhayati");
        main.ShouldContain("RT 031 / RW 012");
        main.ShouldContain("Manggar Baru");
        main.ShouldContain("Balikpapan Timur");
        (await page.GetByText("Masuk sebagai Hj. Nurhayati").IsVisibleAsync()).ShouldBeTrue();
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        File.Exists(await BrowserFixture.ScreenshotAsync(page, "rt-home-360")).ShouldBeTrue();
    }
}
