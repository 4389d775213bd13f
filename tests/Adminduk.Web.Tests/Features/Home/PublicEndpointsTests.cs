using System.Net;
using System.Text.Json;
using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Features.Home;

public class PublicEndpointsTests
{
    [Fact]
    public async Task Health_OpenApi_and_its_browser_answer_without_signing_in()
    {
        await using var app = await AppFactory.CreateAsync();
        using var client = app.CreateClient(cookies: null, followRedirects: true);

        var health = await client.GetStringAsync("/health");
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        using var scalar = await client.GetAsync("/scalar");
        var scalarHtml = await scalar.Content.ReadAsStringAsync();

        health.ShouldBe("Healthy");
        openApi.RootElement.GetProperty("info").GetProperty("title").GetString().ShouldBe("Adminduk API");
        scalar.StatusCode.ShouldBe(HttpStatusCode.OK);
        scalarHtml.ShouldContain("<title>Adminduk API</title>");
        scalarHtml.ShouldContain("openapi/v1.json");
        scalarHtml.ShouldNotContain("fonts.scalar.com");
    }
}
