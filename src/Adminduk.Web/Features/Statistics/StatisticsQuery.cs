using System.Linq.Expressions;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Rt;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Statistics;

/// <summary>Living residents and households (KK with a living member) of an area: a kecamatan, kelurahan or RT.</summary>
public sealed record AreaCount(string Code, string Name, int Residents, int Men, int Women, int Households);

/// <summary>One service's count per month of the statistics window.</summary>
public sealed record ServiceMonths(string ServiceCode, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>Where the "documents issued" figures come from.</summary>
public enum DocumentSource
{
    /// <summary>No documents table yet: approved (and completed) applications, counted by the month of the decision.</summary>
    ApprovedApplications = 1,
}

public sealed record OfficeStatistics(
    Office Office,
    DateOnly Today,
    IReadOnlyList<DateOnly> Months,
    IReadOnlyList<AreaCount> Districts,
    IReadOnlyList<AreaCount> Villages,
    IReadOnlyList<AreaCount> Rts,
    IReadOnlyList<MonthEvents> Growth,
    IReadOnlyList<ServiceMonths> Applications,
    IReadOnlyList<ServiceMonths> DocumentsIssued,
    DocumentSource DocumentSource)
{
    public int Residents => Districts.Sum(d => d.Residents);

    public int Households => Districts.Sum(d => d.Households);
}

/// <summary>
/// An office's population and workload statistics, grouped by the database: residents per RT (rolled up to kelurahan and
/// kecamatan here), events, applications and decisions per month of the office's time zone.
/// </summary>
public static class StatisticsQuery
{
    public const int MonthsShown = 12;

    public static async Task<OfficeStatistics> ForAsync(AdmindukDbContext db, Office office, DateTimeOffset now, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(office.TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(MonthsShown - 1));
        var months = Enumerable.Range(0, MonthsShown).Select(first.AddMonths).ToList();
        // In UTC: SQLite stores DateTimeOffset as ticks of its own offset, so only same-offset values compare correctly.
        var monthStarts = months.Select(m => (DateTimeOffset?)LocalMidnight(m, zone).ToUniversalTime()).ToList();
        var prefix = office.RegencyCode + ".";

        var units = await db.RtUnits.AsNoTracking().Where(u => u.VillageCode.StartsWith(prefix))
            .Select(u => new { u.Id, u.VillageCode, u.Rw, u.Rt })
            .ToListAsync(ct);

        var bySex = await (
                from r in db.Residents.AsNoTracking()
                join u in db.RtUnits on r.RtUnitId equals u.Id
                where r.Status == ResidentStatus.Alive && u.VillageCode.StartsWith(prefix)
                group r by new { u.Id, r.Sex } into g
                select new { g.Key.Id, g.Key.Sex, Count = g.Count() })
            .ToListAsync(ct);

        var households = await (
                from r in db.Residents.AsNoTracking()
                join u in db.RtUnits on r.RtUnitId equals u.Id
                where r.Status == ResidentStatus.Alive && u.VillageCode.StartsWith(prefix)
                group r.HouseholdId by u.Id into g
                select new { Id = g.Key, Count = g.Distinct().Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);

        var codes = units.Select(u => u.VillageCode).Distinct().ToList();
        var districtCodes = codes.Select(c => RegionCode.ParentOf(c) ?? c).Distinct().ToList();
        var names = await db.Regions.AsNoTracking()
            .Where(r => codes.Contains(r.Code) || districtCodes.Contains(r.Code))
            .Select(r => new { r.Code, r.Name })
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);

        int Sexed(int id, Sex sex) => bySex.Where(x => x.Id == id && x.Sex == sex).Sum(x => x.Count);
        var rts = units
            .Select(u => (Unit: u, Count: new AreaCount(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{u.VillageCode}/{u.Rw:D3}/{u.Rt:D3}"),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"RT {u.Rt:D3} / RW {u.Rw:D3}"),
                Sexed(u.Id, Sex.Male) + Sexed(u.Id, Sex.Female),
                Sexed(u.Id, Sex.Male),
                Sexed(u.Id, Sex.Female),
                households.GetValueOrDefault(u.Id))))
            .OrderBy(x => x.Unit.VillageCode, StringComparer.Ordinal).ThenBy(x => x.Unit.Rw).ThenBy(x => x.Unit.Rt)
            .ToList();
        var villages = Roll(rts.Select(x => (x.Unit.VillageCode, x.Count)), names);
        var districts = Roll(villages.Select(v => (RegionCode.ParentOf(v.Code) ?? v.Code, v)), names);

        PopulationEventKind[] counted = [PopulationEventKind.Birth, PopulationEventKind.Death, PopulationEventKind.Arrival, PopulationEventKind.Departure];
        var events = await (
                from e in db.PopulationEvents.AsNoTracking()
                join u in db.RtUnits on e.RtUnitId equals u.Id
                where u.VillageCode.StartsWith(prefix) && e.OccurredOn >= first && e.OccurredOn <= today && counted.Contains(e.Kind)
                group e by new { e.Kind, e.OccurredOn.Year, e.OccurredOn.Month } into g
                select new { g.Key.Kind, g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        var growth = months.Select(m =>
        {
            int Of(PopulationEventKind kind) => events.Where(e => e.Kind == kind && e.Year == m.Year && e.Month == m.Month).Sum(e => e.Count);
            return new MonthEvents(m.Year, m.Month, Of(PopulationEventKind.Birth), Of(PopulationEventKind.Death),
                Of(PopulationEventKind.Arrival), Of(PopulationEventKind.Departure));
        }).ToList();

        var start = monthStarts[0];
        var submitted = await db.Applications.AsNoTracking()
            .Where(a => a.OfficeId == office.Id && a.SubmittedAt >= start)
            .Select(KeyAndMonth<Application>(a => a.ServiceCode, a => a.SubmittedAt, monthStarts))
            .GroupBy(x => new { x.Key, x.Month })
            .Select(g => new KeyMonthCount(g.Key.Key, g.Key.Month, g.Count()))
            .ToListAsync(ct);

        var approved = await db.Applications.AsNoTracking()
            .Where(a => a.OfficeId == office.Id && a.DecidedAt >= start
                && (a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Completed))
            .Select(KeyAndMonth<Application>(a => a.ServiceCode, a => a.DecidedAt, monthStarts))
            .GroupBy(x => new { x.Key, x.Month })
            .Select(g => new KeyMonthCount(g.Key.Key, g.Key.Month, g.Count()))
            .ToListAsync(ct);

        return new OfficeStatistics(office, today, months, districts, villages, [.. rts.Select(x => x.Count)], growth,
            PerService(submitted), PerService(approved), DocumentSource.ApprovedApplications);
    }

    /// <summary>Midnight of the first of a month in the office's zone, as an instant.</summary>
    public static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static List<AreaCount> Roll(IEnumerable<(string Code, AreaCount Count)> parts, IReadOnlyDictionary<string, string> names) =>
        [.. parts.GroupBy(p => p.Code)
            .Select(g => new AreaCount(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Sum(p => p.Count.Residents), g.Sum(p => p.Count.Men),
                g.Sum(p => p.Count.Women), g.Sum(p => p.Count.Households)))
            .OrderBy(a => a.Code, StringComparer.Ordinal)];

    private static List<ServiceMonths> PerService(IEnumerable<KeyMonthCount> rows) =>
        [.. rows.Where(r => r.Month >= 0).GroupBy(r => r.Key)
            .Select(g => new ServiceMonths(g.Key, [.. Enumerable.Range(0, MonthsShown).Select(m => g.Where(r => r.Month == m).Sum(r => r.Count))]))
            .OrderBy(s => Array.FindIndex([.. Domain.Services.ServiceCatalog.Default.Services], d => d.Code == s.ServiceCode) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(s => s.ServiceCode, StringComparer.Ordinal)];

    /// <summary>
    /// A key and the index of the month an instant falls in, as one SQL CASE over the instant against the months' starts
    /// (office-local midnights), so grouping by a local month needs no time-zone functions in either database. -1 before the first.
    /// </summary>
    internal static Expression<Func<T, KeyMonth>> KeyAndMonth<T>(
        Expression<Func<T, string>> key, Expression<Func<T, DateTimeOffset?>> instant, IReadOnlyList<DateTimeOffset?> starts)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var keyBody = new Rebind(key.Parameters[0], parameter).Visit(key.Body);
        var at = new Rebind(instant.Parameters[0], parameter).Visit(instant.Body);
        Expression month = Expression.Constant(-1);
        for (var i = 0; i < starts.Count; i++)
        {
            month = Expression.Condition(Expression.GreaterThanOrEqual(at, Expression.Constant(starts[i], typeof(DateTimeOffset?))), Expression.Constant(i), month);
        }

        var body = Expression.MemberInit(
            Expression.New(typeof(KeyMonth)),
            Expression.Bind(typeof(KeyMonth).GetProperty(nameof(KeyMonth.Key))!, keyBody),
            Expression.Bind(typeof(KeyMonth).GetProperty(nameof(KeyMonth.Month))!, month));
        return Expression.Lambda<Func<T, KeyMonth>>(body, parameter);
    }

    internal sealed class KeyMonth
    {
        public string Key { get; init; } = "";

        public int Month { get; init; }
    }

    private sealed record KeyMonthCount(string Key, int Month, int Count);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
