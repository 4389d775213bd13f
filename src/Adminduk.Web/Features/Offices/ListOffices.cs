using System.Globalization;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Offices;

/// <summary>`GET /api/offices`: each office's calendar settings and the batch a submission made now would join.</summary>
public static class ListOffices
{
    public sealed record OfficeSummary(
        string Code,
        string Name,
        string RegencyCode,
        string TimeZone,
        string DailyCutoff,
        string ServiceOpens,
        string ServiceCloses,
        string LocalDate,
        bool IsWorkingDay,
        string BatchDayForSubmissionNow,
        string WalkInPolicy,
        int DailyCapacity);

    public static IEndpointRouteBuilder MapListOffices(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/offices", HandleAsync)
            .AllowAnonymous()
            .WithName("ListOffices")
            .WithTags("Offices")
            .WithSummary("Offices with their time zone, cut-off, service hours and today's batch day.");
        return app;
    }

    public static async Task<IReadOnlyList<OfficeSummary>> HandleAsync(AdmindukDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.Code).ToListAsync(ct);
        var result = new List<OfficeSummary>(offices.Count);
        foreach (var office in offices)
        {
            var calendar = await OfficeCalendars.ForAsync(db, office, ct);
            var today = calendar.LocalDate(now);
            result.Add(new OfficeSummary(
                office.Code,
                office.Name,
                office.RegencyCode,
                office.TimeZoneId,
                Time(office.DailyCutoff),
                Time(office.ServiceOpens),
                Time(office.ServiceCloses),
                Date(today),
                calendar.IsWorkingDay(today),
                Date(calendar.BatchDay(now)),
                office.WalkInPolicy.ToString(),
                office.OperatorCount * office.ApplicationsPerOperatorPerDay));
        }

        return result;
    }

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
