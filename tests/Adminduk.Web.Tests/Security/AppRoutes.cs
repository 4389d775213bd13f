using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Security;

/// <summary>One method on one route of the running app, with the metadata authorization sees.</summary>
public sealed record AppRoute(string Method, string Route, EndpointMetadataCollection Metadata)
{
    public string Key => $"{Method} {Route}";

    public bool DeclaresAuthorization =>
        Metadata.GetMetadata<IAllowAnonymous>() is not null || Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
}

/// <summary>Lists every route the app maps, from its <see cref="EndpointDataSource"/>: Razor Pages, minimal APIs, health, OpenAPI, Scalar.</summary>
public static class AppRoutes
{
    /// <summary>Endpoints without method metadata answer every method (health checks); the table calls them ANY.</summary>
    public const string AnyMethod = "ANY";

    public static async Task<IReadOnlyList<AppRoute>> ListAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var pageLoader = services.GetRequiredService<PageLoader>();
        var routes = new List<AppRoute>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }

            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // Page endpoints carry the model's attributes only once compiled; handlers give the methods.
                var compiled = await pageLoader.LoadAsync(page, endpoint.Metadata);
                var metadata = compiled.Endpoint?.Metadata ?? endpoint.Metadata;
                var methods = compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
                foreach (var method in methods.Count > 0 ? methods : ["GET"])
                {
                    routes.Add(new AppRoute(method, route, metadata));
                }

                continue;
            }

            var httpMethods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in httpMethods.Count > 0 ? httpMethods : [AnyMethod])
            {
                routes.Add(new AppRoute(method, route, endpoint.Metadata));
            }
        }

        return [.. routes.DistinctBy(r => r.Key).OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }
}
