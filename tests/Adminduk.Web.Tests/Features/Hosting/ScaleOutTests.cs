using System.Net;
using System.Net.Http.Json;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.Hosting;

/// <summary>Two instances of the app on one database, as behind the proxy: nothing a client relies on stays in one process.</summary>
public sealed class ScaleOutTests
{
    private static readonly object UnknownReceipt = new { receipt = "BPN-20261123-AAAAAAAA", birthDate = "09-03-1985" };

    [Theory, BothDatabases]
    public async Task A_form_from_one_instance_posted_to_the_other_signs_in_and_the_cookie_works_on_both(DatabaseProvider provider)
    {
        await using var first = await AppFactory.CreateAsync(provider);
        var office = await first.CreateOfficeAsync();
        await first.CreateUserAsync(Roles.Operator, "siti.operator", u => u.OfficeId = office.Id);
        await using var second = first.CreatePeer();
        var jar = new CookieContainer();
        using var viaFirst = first.CreateDefaultClient(new CookieContainerHandler(jar));
        using var viaSecond = second.CreateDefaultClient(new CookieContainerHandler(jar));

        // The antiforgery token and cookie come from the first instance, the post goes to the second.
        var token = await viaFirst.GetAntiforgeryTokenAsync(AccountPaths.SignInStaff);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "siti.operator",
            ["Input.Password"] = AppFactory.DefaultPassword,
            ["__RequestVerificationToken"] = token,
        });
        using var signIn = await viaSecond.PostAsync(AccountPaths.SignInStaff, form);
        using var onFirst = await viaFirst.GetAsync("/Staff");
        using var onSecond = await viaSecond.GetAsync("/Staff");

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        onFirst.StatusCode.ShouldBe(HttpStatusCode.OK);
        onSecond.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = first.Database.NewContext();
        (await db.DataProtectionKeys.CountAsync()).ShouldBe(1, "both instances use the one key ring in the database");
    }

    [Theory, BothDatabases]
    public async Task Two_instances_share_one_rate_limit_allowance(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?> { ["RateLimiting:StatusLookup:PermitLimit"] = "4" };
        await using var first = await AppFactory.CreateAsync(provider, settings);
        await using var second = first.CreatePeer();
        using var a = first.CreateClient(cookies: null);
        using var b = second.CreateClient(cookies: null);

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { a, b, a, b, a, b })
        {
            using var response = await client.PostAsJsonAsync("/api/status-lookup", UnknownReceipt);
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([
            HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests,
        ]);

        // A new window gives a new allowance, on either instance.
        first.Time.Advance(TimeSpan.FromMinutes(2));
        second.Time.Advance(TimeSpan.FromMinutes(2));
        using var later = await b.PostAsJsonAsync("/api/status-lookup", UnknownReceipt);
        later.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_client_address_is_taken_from_the_proxy_header_only_when_the_proxy_is_trusted()
    {
        var trusted = new Dictionary<string, string?>
        {
            ["RateLimiting:StatusLookup:PermitLimit"] = "2",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        };
        await using var behindProxy = await AppFactory.CreateAsync(DatabaseProvider.Sqlite, trusted, kestrel: true);
        using var proxy = new HttpClient { BaseAddress = behindProxy.BaseAddress };

        (await LookupAsync(proxy, "203.0.113.9")).ShouldBe(HttpStatusCode.NotFound);
        (await LookupAsync(proxy, "203.0.113.9")).ShouldBe(HttpStatusCode.NotFound);
        (await LookupAsync(proxy, "203.0.113.9")).ShouldBe(HttpStatusCode.TooManyRequests);
        (await LookupAsync(proxy, "198.51.100.7")).ShouldBe(HttpStatusCode.NotFound, "another client behind the proxy has its own allowance");

        // A proxy is configured, but these requests come from elsewhere (loopback, not 10.0.0.1).
        var untrusted = new Dictionary<string, string?>
        {
            ["RateLimiting:StatusLookup:PermitLimit"] = "2",
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1",
        };
        await using var direct = await AppFactory.CreateAsync(DatabaseProvider.Sqlite, untrusted, kestrel: true);
        using var client = new HttpClient { BaseAddress = direct.BaseAddress };

        (await LookupAsync(client, "203.0.113.1")).ShouldBe(HttpStatusCode.NotFound);
        (await LookupAsync(client, "203.0.113.2")).ShouldBe(HttpStatusCode.NotFound);
        (await LookupAsync(client, "203.0.113.3")).ShouldBe(HttpStatusCode.TooManyRequests, "a forged header from an untrusted peer does not buy a new allowance");
    }

    private static async Task<HttpStatusCode> LookupAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/status-lookup") { Content = JsonContent.Create(UnknownReceipt) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
