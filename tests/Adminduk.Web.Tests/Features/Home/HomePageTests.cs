using System.Net;
using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Features.Home;

public sealed class HomePageTests(HomePageTests.App fixture) : IClassFixture<HomePageTests.App>
{
    [Fact]
    public async Task Home_page_is_Indonesian_by_default_and_explains_the_service()
    {
        using var client = fixture.Factory.CreateClient(cookies: null);

        var html = await client.GetStringAsync("/");

        html.ShouldContain("<html lang=\"id\">");
        html.ShouldContain("24 jam sehari");
        html.ShouldContain("nomor tanda terima");
        html.ShouldContain("Kartu Keluarga");
        html.ShouldContain("akta kelahiran");
        html.ShouldContain("href=\"/Account/SignInRt\"");
        html.ShouldContain("href=\"/Account/SignInStaff\"");
        html.ShouldContain("href=\"/?culture=en\"");
        html.ShouldNotContain("<script");
    }

    [Fact]
    public async Task Choosing_English_switches_the_language_and_is_remembered()
    {
        using var client = fixture.Factory.CreateClient(cookies: null);

        using var english = await client.GetAsync("/?culture=en");
        var remembered = await client.GetStringAsync("/Account/SignInStaff");
        var back = await client.GetStringAsync("/Account/SignInStaff?culture=id");
        var afterBack = await client.GetStringAsync("/");

        var html = await english.Content.ReadAsStringAsync();
        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("24 hours a day");
        html.ShouldContain("href=\"/?culture=id\"");
        english.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den", StringComparison.Ordinal));
        remembered.ShouldContain("Staff sign-in");
        remembered.ShouldContain("User name");
        back.ShouldContain("Masuk petugas");
        afterBack.ShouldContain("<html lang=\"id\">");
    }

    [Fact]
    public async Task Language_link_keeps_the_rest_of_the_query()
    {
        using var client = fixture.Factory.CreateClient(cookies: null);

        var html = await client.GetStringAsync("/Account/SignIn?ReturnUrl=%2FRt");

        html.ShouldContain("href=\"/Account/SignIn?ReturnUrl=%2FRt&amp;culture=en\"");
    }

    [Fact]
    public async Task Browser_language_alone_does_not_switch_to_English()
    {
        using var client = fixture.Factory.CreateClient(cookies: null);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var html = await client.GetStringAsync("/");

        html.ShouldContain("<html lang=\"id\">");
    }

    [Fact]
    public async Task Validation_messages_are_localized()
    {
        using var client = fixture.Factory.CreateClient(cookies: null);

        using var indonesian = await client.PostFormAsync("/Account/SignInStaff", new Dictionary<string, string>());
        using var english = await client.PostFormAsync("/Account/SignInStaff?culture=en", new Dictionary<string, string>());

        indonesian.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await indonesian.Content.ReadAsStringAsync()).ShouldContain("Nama pengguna wajib diisi.");
        (await english.Content.ReadAsStringAsync()).ShouldContain("User name is required.");
    }

    public sealed class App : IAsyncLifetime
    {
        public AppFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync() => Factory = await AppFactory.CreateAsync();

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
