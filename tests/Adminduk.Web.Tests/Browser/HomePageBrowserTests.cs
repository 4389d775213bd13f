using Adminduk.Domain.Population;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class HomePageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_fits_a_360px_phone()
    {
        await using var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        var response = await page.GotoAsync("/");

        response!.Status.ShouldBe(200);
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Urus dokumen kependudukan dari rumah");
        (await page.GetByText("24 jam sehari").IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Ketua RT" }).IsVisibleAsync()).ShouldBeTrue();
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"))
            .ShouldBe("rgb(11, 93, 140)", "the stylesheet loaded under the content security policy");
        consoleErrors.ShouldBeEmpty();
        File.Exists(await BrowserFixture.ScreenshotAsync(page, "home-360")).ShouldBeTrue();
    }

    [Fact]
    public async Task Home_page_and_staff_sign_in_work_without_javascript()
    {
        var office = await browser.App.CreateOfficeAsync();
        await browser.App.CreateUserAsync(Roles.Supervisor, "dewi.supervisor", u =>
        {
            u.FullName = "Dewi Lestari";
            u.OfficeId = office.Id;
        });
        await using var context = await browser.NewPhoneContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        (await page.GetByText("nomor tanda terima").First.IsVisibleAsync()).ShouldBeTrue();
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Apply for population documents from home");
        await page.GetByRole(AriaRole.Link, new() { Name = "Civil-registry staff" }).ClickAsync();
        await page.GetByLabel("User name").FillAsync("dewi.supervisor");
        await page.GetByLabel("Password").FillAsync(AppFactory.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync("**/Staff");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Staff home");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Dewi Lestari");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Disdukcapil Kota Balikpapan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(browser.App.BaseAddress.ToString());
        (await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task Api_browser_renders_under_its_content_security_policy()
    {
        await using var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };

        await page.GotoAsync("/scalar/v1");
        await page.GetByText("Adminduk API").First.WaitForAsync();

        blocked.ShouldBeEmpty();
    }
}
