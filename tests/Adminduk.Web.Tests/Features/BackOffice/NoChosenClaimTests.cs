using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.BackOffice;

/// <summary>
/// Take-next is the only way into the decision step. Every route the app maps is called by every caller with a chosen
/// application's id (and its attachment's id) in every place an id can travel: route values, query, form fields and
/// every page handler. None may claim it; no staff route except the in-person exceptions may change it at all.
/// </summary>
public partial class NoChosenClaimTests
{
    /// <summary>
    /// In-person steps act on the person standing at the counter rather than on the queue. Assisted entry creates a new
    /// application for a walk-in (it takes no id and claims nothing). Recording check-in and document handover are the
    /// other in-person steps; their routes belong in this list when the issues that add them map them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> InPersonExceptions = new Dictionary<string, string>
    {
        ["POST /BackOffice/Assisted"] = "assisted entry for a walk-in",
        ["POST /BackOffice/Assisted/Index"] = "assisted entry for a walk-in",
    };

    private static readonly string[] Skipped = ["/Account/SignOut"];

    [Fact]
    public async Task No_route_lets_any_caller_claim_a_chosen_application()
    {
        await using var app = await AppFactory.CreateAsync();
        var office = await app.AddOfficeAsync("BPN", WalkInPolicy.Serve);
        var applicant = await app.CreateCitizenAsync();
        // Older applications in front: take-next, which every staff caller may use, claims those.
        await app.QueueManyAsync(office, Enumerable.Range(0, 4).Select(i => (WitaTime(23, 7, i), KtpService)));
        var chosen = await app.QueueAsync(office, WitaTime(23, 8, 30), applicant: applicant.Id, configure: a => a.Attachments.Add(new ApplicationAttachment
        {
            Code = "surat-kehilangan",
            FileName = "surat.pdf",
            Kind = AttachmentKind.Pdf,
            Size = 9,
            Content = "%PDF-1.4\n"u8.ToArray(),
            Sha256 = "00",
            UploadedAt = WitaTime(23, 8, 30),
        }));
        var attachmentId = chosen.Attachments.Single().Id;
        var clients = new Dictionary<string, HttpClient> { [Callers.Anonymous] = app.CreateClient((IEnumerable<Cookie>?)null) };
        clients[Roles.Citizen] = await app.CreateClientAsync(applicant);
        foreach (var role in Roles.All.Where(r => r != Roles.Citizen))
        {
            clients[role] = await app.CreateClientAsync(await app.CreateStaffAsync(role is Roles.Operator or Roles.Supervisor ? office : null, role));
        }

        var routes = await RoutesAsync(app.Services);
        routes.ShouldContain(r => r.Key == "POST /BackOffice" && r.Handlers.Contains("TakeNext"));
        routes.ShouldContain(r => r.Key == "POST /BackOffice/Review" && r.Handlers.Contains("Approve"));
        foreach (var exception in InPersonExceptions.Keys)
        {
            routes.ShouldContain(r => r.Key == exception, $"in-person exception {exception} is not mapped");
        }

        var calls = 0;
        var failures = new List<string>();
        foreach (var route in routes.Where(r => !Skipped.Contains(r.Route)))
        {
            foreach (var (caller, client) in clients)
            {
                // The attachment's id matters where an id travels in the route (the download); elsewhere it is just another number.
                foreach (var id in route.Route.Contains('{', StringComparison.Ordinal) ? [chosen.Id, attachmentId] : new[] { chosen.Id })
                {
                    foreach (var handler in route.Method == "POST" ? route.Handlers.DefaultIfEmpty(null) : [null])
                    {
                        var before = await app.ReloadAsync(chosen.Id);
                        var status = await CallAsync(client, route, id, chosen, handler, office.Code);
                        calls++;
                        var after = await app.ReloadAsync(chosen.Id);
                        var what = $"{route.Key}{(handler is null ? "" : "?handler=" + handler)} as {caller} with id {id} ({status})";
                        if (after.Status == ApplicationStatus.InReview || after.ClaimedByUserId is not null)
                        {
                            failures.Add($"{what} claimed the chosen application");
                        }

                        var staff = caller is Roles.Operator or Roles.Supervisor or Roles.Administrator;
                        if (staff && after.Version != before.Version && !InPersonExceptions.ContainsKey(route.Key))
                        {
                            failures.Add($"{what} changed the chosen application");
                        }

                        if (route.Route.StartsWith("/BackOffice/Review/Attachment", StringComparison.Ordinal) && status == HttpStatusCode.OK)
                        {
                            failures.Add($"{what} downloaded an attachment of an application the caller does not hold");
                        }
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
        calls.ShouldBeGreaterThan(250);
        await using var db = app.Database.NewContext();
        (await db.ApplicationHistory.CountAsync(h => h.ApplicationId == chosen.Id && h.Action == ApplicationAction.Claim)).ShouldBe(0);
        // Take-next did run and claimed from the front of the queue.
        (await db.ApplicationHistory.CountAsync(h => h.Action == ApplicationAction.Claim)).ShouldBeGreaterThan(0);
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, RouteInfo route, long id, Application chosen, string? handler, string officeCode)
    {
        var value = id.ToString(CultureInfo.InvariantCulture);
        var path = RouteParameter().Replace(route.Route, m =>
            m.Groups[1].Value.Contains("office", StringComparison.OrdinalIgnoreCase) ? officeCode
            : m.Groups[1].Value.Contains("receipt", StringComparison.OrdinalIgnoreCase) ? chosen.ReceiptNumber!
            : m.Groups[1].Value == "documentName" ? "v1"
            : value);
        var query = $"?id={value}&applicationId={value}&receipt={Uri.EscapeDataString(chosen.ReceiptNumber!)}&office={officeCode}"
            + (handler is null ? "" : "&handler=" + handler);
        if (route.Method != "POST")
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method == "ANY" ? "GET" : route.Method), path + query));
            return response.StatusCode;
        }

        var token = await client.GetAntiforgeryTokenAsync(AccountPaths.SignInStaff);
        using var form = new FormUrlEncodedContent(
        [
            KeyValuePair.Create("__RequestVerificationToken", token),
            KeyValuePair.Create("ApplicationId", value),
            KeyValuePair.Create("Id", value),
            KeyValuePair.Create("Version", chosen.Version.ToString(CultureInfo.InvariantCulture)),
            KeyValuePair.Create("ReceiptNumber", chosen.ReceiptNumber!),
            KeyValuePair.Create("Identity", "Confirm"),
            KeyValuePair.Create("RejectReason", "dipilih"),
            KeyValuePair.Create("Reasons", "nik|incomplete"),
        ]);
        using var post = await client.PostAsync(path + query, form);
        return post.StatusCode;
    }

    private static async Task<List<RouteInfo>> RoutesAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var routes = new List<RouteInfo>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }

            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var method in compiled.HandlerMethods.GroupBy(h => h.HttpMethod.ToUpperInvariant()))
                {
                    routes.Add(new RouteInfo(method.Key, route, [.. method.Select(h => h.Name).OfType<string>()]));
                }

                if (compiled.HandlerMethods.Count == 0)
                {
                    routes.Add(new RouteInfo("GET", route, []));
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Count > 0 ? methods : ["ANY"])
            {
                routes.Add(new RouteInfo(method, route, []));
            }
        }

        return [.. routes.DistinctBy(r => r.Key)];
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    private sealed record RouteInfo(string Method, string Route, IReadOnlyList<string> Handlers)
    {
        public string Key => $"{Method} {Route}";
    }
}
