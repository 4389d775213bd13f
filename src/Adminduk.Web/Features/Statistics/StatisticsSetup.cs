using Adminduk.Web.Data;
using Adminduk.Web.Features.Rt;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Adminduk.Web.Features.Statistics;

public static class StatisticsSetup
{
    /// <summary>The read-only database for dashboards and statistics, the public statistics cache.</summary>
    public static IServiceCollection AddAdmindukStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ReadOnlyDatabase.From(configuration));
        services.AddMemoryCache();
        services.AddSingleton<PublicStatisticsSource>();
        return services;
    }

    /// <summary>GET /api/offices/{office}/statistics and the RT heads' API.</summary>
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        // Anonymous on purpose: other agencies read it without accounts. It carries aggregates only (kecamatan and
        // kelurahan, never RT or person), every count under 5 is hidden, and it is cached so callers cannot load the database.
        app.MapGet("/api/offices/{office}/statistics", GetPublicAsync)
            .AllowAnonymous()
            .WithTags("Statistics")
            .WithName("GetOfficeStatistics")
            .WithSummary("Population by kecamatan and kelurahan, growth, applications and documents per month; counts under 5 shown as \"<5\".");
        app.MapRtApi();
        return app;
    }

    private static async Task<Results<Ok<PublicStatistics>, NotFound>> GetPublicAsync(string office, PublicStatisticsSource source, CancellationToken ct) =>
        await source.ForAsync(office, ct) is { } statistics ? TypedResults.Ok(statistics) : TypedResults.NotFound();
}
