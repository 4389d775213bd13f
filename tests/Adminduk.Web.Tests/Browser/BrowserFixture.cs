using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

/// <summary>
/// The app on a free loopback port (Kestrel) and Debian's Chromium driven by Playwright, shared by the tests of the
/// <see cref="BrowserCollection"/>. Never runs `playwright install`: the browser is /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const int PhoneWidth = 360;
    public const int PhoneHeight = 740;

    private IPlaywright? playwright;

    public AppFactory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>TestResults/screenshots at the repository root (next to Adminduk.slnx).</summary>
    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    public async Task InitializeAsync()
    {
        App = await AppFactory.CreateAsync(kestrel: true);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) sized like a small Android phone, pointed at the app.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync(bool javaScriptEnabled = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight },
            IsMobile = true,
            HasTouch = true,
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "id-ID",
        });

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/<paramref name="name"/>.png and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>How wide the page really is; more than the viewport means sideways scrolling on a phone.</summary>
    public static Task<int> ScrollWidthAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    private static string FindScreenshotDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Adminduk.slnx")))
        {
            dir = dir.Parent;
        }

        var root = dir?.FullName ?? AppContext.BaseDirectory;
        var path = Path.Combine(root, "TestResults", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>Browser tests share one app and one Chromium and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
