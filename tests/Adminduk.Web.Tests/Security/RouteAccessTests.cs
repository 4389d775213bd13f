using System.Net;
using System.Security.Claims;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Security;

/// <summary>The app, one signed-in account per role, and their cookies, shared by the route-access tests.</summary>
public sealed class RouteAccessFixture : IAsyncLifetime
{
    public AppFactory App { get; private set; } = null!;

    public IReadOnlyDictionary<string, IReadOnlyList<Cookie>> CookiesByCaller { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppFactory.CreateAsync();
        var office = await App.CreateOfficeAsync();
        var rt = new RtUnit { VillageCode = "64.71.05.1001", Rw = 5, Rt = 3 };
        await App.SeedAsync(db =>
        {
            db.RtUnits.Add(rt);
            return Task.CompletedTask;
        });

        var cookies = new Dictionary<string, IReadOnlyList<Cookie>> { [Callers.Anonymous] = [] };
        foreach (var role in Roles.All)
        {
            var user = await App.CreateUserAsync(role, configure: u =>
            {
                u.OfficeId = role is Roles.Operator or Roles.Supervisor ? office.Id : null;
                u.RtUnitId = role == Roles.RtHead ? rt.Id : null;
            });
            cookies[role] = await App.SignInCookiesAsync(user);
        }

        CookiesByCaller = cookies;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class RouteAccessTests(RouteAccessFixture fixture) : IClassFixture<RouteAccessFixture>
{
    [Fact]
    public async Task Table_lists_exactly_the_routes_the_app_maps()
    {
        var mapped = (await AppRoutes.ListAsync(fixture.App.Services)).Select(r => r.Key).ToHashSet();
        var rows = RouteAccessTable.Load();

        rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("rows listed twice");
        var missing = mapped.Except(rows.Select(r => r.Key)).Order(StringComparer.Ordinal).ToList();
        var stale = rows.Select(r => r.Key).Except(mapped).Order(StringComparer.Ordinal).ToList();
        missing.ShouldBeEmpty($"routes the app maps but {RouteAccessTable.FileName} does not list (add a row each)");
        stale.ShouldBeEmpty($"rows in {RouteAccessTable.FileName} for routes the app no longer maps");
    }

    [Fact]
    public async Task Every_route_declares_a_policy_or_anonymous_access()
    {
        var routes = await AppRoutes.ListAsync(fixture.App.Services);

        routes.Count.ShouldBeGreaterThan(10);
        routes.Where(r => !r.DeclaresAuthorization).Select(r => r.Key).ShouldBeEmpty();
    }

    [Fact]
    public async Task Fallback_policy_refuses_everyone_even_an_administrator()
    {
        var provider = fixture.App.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorization = fixture.App.Services.GetRequiredService<IAuthorizationService>();
        var fallback = await provider.GetFallbackPolicyAsync();
        var administrator = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

        fallback.ShouldNotBeNull();
        (await authorization.AuthorizeAsync(administrator, fallback)).Succeeded.ShouldBeFalse();
        (await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity()), fallback)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Every_caller_gets_what_the_table_says_over_real_http()
    {
        var rows = RouteAccessTable.Load();
        var mismatches = new List<string>();

        foreach (var row in rows)
        {
            foreach (var caller in Callers.All)
            {
                var outcome = await CallAsync(row, caller);
                var expected = row.Allowed[caller];
                if (expected && (outcome.Denied || outcome.Status >= 500))
                {
                    mismatches.Add($"{row.Key} as {caller}: table says allow, got {outcome}");
                }
                else if (!expected && !outcome.Denied)
                {
                    mismatches.Add($"{row.Key} as {caller}: table says deny, got {outcome}");
                }
            }
        }

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_paths_answer_404_rather_than_a_sign_in_redirect()
    {
        using var client = fixture.App.CreateClient(fixture.CookiesByCaller[Callers.Anonymous]);
        using var page = await client.GetAsync("/no-such-page");
        using var api = await client.GetAsync("/api/no-such-endpoint");

        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldBe("Halaman tidak ditemukan.");
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<CallOutcome> CallAsync(RouteAccessRow row, string caller)
    {
        using var client = fixture.App.CreateClient(fixture.CookiesByCaller[caller]);
        HttpResponseMessage response;
        if (row.Method == "POST" && row.Path.StartsWith("/api/", StringComparison.Ordinal))
        {
            // APIs take JSON; a form body would be routed to the framework's 415 endpoint, which has no policy of its own.
            using var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            response = await client.PostAsync(row.Path, json);
        }
        else if (row.Method == "POST")
        {
            // A valid token for this caller, so an allowed POST reaches its handler instead of failing antiforgery.
            var token = await client.GetAntiforgeryTokenAsync(AccountPaths.SignInStaff);
            using var form = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]);
            response = await client.PostAsync(row.Path, form);
        }
        else
        {
            var method = row.Method == AppRoutes.AnyMethod ? HttpMethod.Get : new HttpMethod(row.Method);
            using var request = new HttpRequestMessage(method, row.Path);
            response = await client.SendAsync(request);
        }

        using (response)
        {
            var location = response.Headers.Location is { } l ? new Uri(fixture.App.BaseAddress, l).AbsolutePath : null;
            return new CallOutcome((int)response.StatusCode, location);
        }
    }

    private sealed record CallOutcome(int Status, string? Location)
    {
        /// <summary>401/403, or for pages a redirect to the sign-in or access-denied page.</summary>
        public bool Denied =>
            Status is 401 or 403
            || (Status is >= 300 and < 400 && Location is AccountPaths.SignIn or AccountPaths.AccessDenied);

        public override string ToString() => Location is null ? Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Status} -> {Location}";
    }
}
