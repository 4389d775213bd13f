using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Security;

public class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/SignInStaff")]
    [InlineData("/Staff")]
    [InlineData("/no-such-page")]
    [InlineData("/css/site.css")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        await using var app = await AppFactory.CreateAsync();
        using var client = app.CreateClient(cookies: null);

        using var response = await client.GetAsync(path);

        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("same-origin");
        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldStartWith("default-src 'self';");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("script-src");
    }

    [Fact]
    public async Task Only_the_api_browser_may_run_its_inline_configuration_script()
    {
        await using var app = await AppFactory.CreateAsync();
        using var client = app.CreateClient(cookies: null);

        using var response = await client.GetAsync("/scalar/v1");

        Header(response, "Content-Security-Policy").ShouldContain("script-src 'self' 'unsafe-inline'");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style()
    {
        await using var app = await AppFactory.CreateAsync();
        using var client = app.CreateClient(cookies: null);

        foreach (var path in new[] { "/", "/Account/SignIn", "/Account/SignInStaff", "/Account/SignInRt", "/Account/SignOut", "/Account/AccessDenied" })
        {
            var html = await client.GetStringAsync(path);
            html.ShouldNotContain("<script", customMessage: path);
            html.ShouldNotContain("<style", customMessage: path);
            html.ShouldNotContain(" style=\"", customMessage: path);
            html.ShouldNotContain("http://", customMessage: path);
            html.ShouldNotContain("https://", customMessage: path);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"{name} missing on {response.RequestMessage?.RequestUri}");
}
