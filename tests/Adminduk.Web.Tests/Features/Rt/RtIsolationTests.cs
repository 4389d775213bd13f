using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Features.Rt;

/// <summary>
/// Walks every RT route the app maps (pages under /Rt with each of their handlers, and /api/rt/...) with RT B's id and
/// RT B's resident in every parameter and query value, as RT A's head, a citizen and an anonymous caller: nobody gets
/// anything of RT B.
/// </summary>
public sealed partial class RtIsolationTests
{
    [Theory, BothDatabases]
    public async Task Every_rt_route_refuses_another_rts_data(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var city = await RtTestCity.CreateAsync(app);
        var citizen = await app.CreateUserAsync(Roles.Citizen);
        var foreignRt = city.RtB.Id.ToString(CultureInfo.InvariantCulture);
        var foreignResident = city.Foreign.Id.ToString(CultureInfo.InvariantCulture);
        string[] secrets = [RtTestCity.ForeignName, city.Foreign.Nik, Domain.Numbers.Nik.Mask(city.Foreign.Nik), "Gunung Samarinda Baru", "Jl. Asing", "Nelayan"];

        var requests = await RtRequestsAsync(app.Services, foreignRt, foreignResident);
        requests.Count.ShouldBeGreaterThanOrEqualTo(8);
        requests.ShouldContain(r => r.StartsWith("/api/rt/" + foreignRt + "/residents/" + foreignResident, StringComparison.Ordinal));
        requests.ShouldContain(r => r.StartsWith("/Rt/Resident/" + foreignResident, StringComparison.Ordinal));
        requests.ShouldContain(r => r.Contains("handler=Xlsx", StringComparison.Ordinal));

        var failures = new List<string>();
        var callers = new (string Name, HttpClient Client)[]
        {
            ("rt-head of RT A", await app.CreateClientAsync(city.HeadA)),
            ("citizen", await app.CreateClientAsync(citizen)),
            ("anonymous", app.CreateClient(cookies: null)),
        };
        foreach (var (name, client) in callers)
        {
            foreach (var path in requests)
            {
                using var response = await client.GetAsync(path);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var location = response.Headers.Location?.ToString() ?? "";
                var refused = status is 401 or 403 or 404
                    || (status == 302 && (location.Contains(AccountPaths.SignIn, StringComparison.Ordinal) || location.Contains(AccountPaths.AccessDenied, StringComparison.Ordinal)));
                if (name != "rt-head of RT A" && !refused)
                {
                    failures.Add($"{name} {path}: {status}, expected a refusal");
                }
                else if (status >= 500)
                {
                    failures.Add($"{name} {path}: {status}");
                }
                else if (secrets.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal)) is { } leaked)
                {
                    failures.Add($"{name} {path}: {status} shows \"{leaked}\"");
                }
            }

            client.Dispose();
        }

        failures.ShouldBeEmpty();

        // The same head does see their own resident through the same routes, so the walk's refusals are not an accident.
        using var own = await app.CreateClientAsync(city.HeadA);
        (await own.GetAsync($"/api/rt/{city.RtA.Id}/residents/{city.ResidentsA[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.GetStringAsync($"/Rt/Resident/{city.ResidentsA[0].Id}")).ShouldContain("Budi Santoso");
        // And RT B's own head sees what RT A's head was refused.
        using var headB = await app.CreateClientAsync(city.HeadB);
        (await headB.GetStringAsync($"/Rt/Resident/{foreignResident}")).ShouldContain(RtTestCity.ForeignName);
    }

    /// <summary>
    /// One GET per RT route and page handler, parameters filled with the foreign ids, plus the foreign ids as query values
    /// (rt, rtUnitId, id, residentId) so a page that took them from the query would show itself.
    /// </summary>
    private static async Task<IReadOnlyList<string>> RtRequestsAsync(IServiceProvider services, string rt, string resident)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        // No search text: the page echoes it back (searching for another RT's name is covered by the dashboard tests).
        var query = $"rt={rt}&rtUnitId={rt}&id={resident}&residentId={resident}&status=all";
        var requests = new List<string>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (!route.StartsWith("/Rt", StringComparison.Ordinal) && !route.StartsWith("/api/rt/", StringComparison.Ordinal))
            {
                continue;
            }

            var path = Parameter().Replace(route, m => m.Groups[1].Value switch
            {
                "rt" => rt,
                "id" => resident,
                var other => throw new InvalidOperationException($"Unknown RT route parameter {other} in {route}: teach this walk about it."),
            });
            var handlers = new List<string?> { null };
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                handlers = [.. compiled.HandlerMethods.Where(h => h.HttpMethod == "Get").Select(h => h.Name).Distinct()];
            }

            foreach (var handler in handlers)
            {
                requests.Add(path + "?" + query + (handler is null ? "" : "&handler=" + handler));
            }
        }

        return requests.Distinct().ToList();
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
