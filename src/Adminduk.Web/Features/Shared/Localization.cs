using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace Adminduk.Web.Features.Shared;

/// <summary>Indonesian first, English on request (?culture=en, remembered in a cookie).</summary>
public static class Localization
{
    public const string Indonesian = "id";
    public const string English = "en";
    public const string QueryKey = "culture";

    public static readonly IReadOnlyList<CultureInfo> SupportedCultures =
        [CultureInfo.GetCultureInfo(Indonesian), CultureInfo.GetCultureInfo(English)];

    /// <summary>Registers string localization; resource files live under Resources/ mirroring the marker type's namespace.</summary>
    public static IServiceCollection AddAdmindukLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Indonesian);
            o.SupportedCultures = [.. SupportedCultures];
            o.SupportedUICultures = [.. SupportedCultures];
            // No Accept-Language: the service is Indonesian unless the visitor picks English.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>Resolves the request culture and remembers a culture chosen through the query string.</summary>
    public static IApplicationBuilder UseAdmindukLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use(async (context, next) =>
        {
            var feature = context.Features.Get<IRequestCultureFeature>();
            if (feature?.Provider is QueryStringRequestCultureProvider)
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(feature.RequestCulture),
                    new CookieOptions
                    {
                        MaxAge = TimeSpan.FromDays(365),
                        HttpOnly = true,
                        IsEssential = true,
                        SameSite = SameSiteMode.Lax,
                        Secure = context.Request.IsHttps,
                    });
            }

            await next(context);
        });
    }

    /// <summary>The current URL with the culture switched, other query values kept.</summary>
    public static string SwitchUrl(HttpRequest request, string culture)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !q.Key.Equals(QueryKey, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create(QueryKey, (string?)culture));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
