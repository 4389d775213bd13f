using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.BackOffice.Reports;

/// <summary>Medians and percentiles of durations.</summary>
public static class Stats
{
    /// <summary>The middle value; the mean of the two middle ones for an even count. Null when empty.</summary>
    public static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Nearest-rank percentile (p in (0, 100]): the smallest value with at least p % of values at or below it.</summary>
    public static TimeSpan? Percentile(IEnumerable<TimeSpan> values, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}

public sealed record TurnaroundCell(string ServiceCode, int Count, TimeSpan? Median, TimeSpan? P90);

/// <summary>Submission to decision, for the applications decided on one local day, overall and per service.</summary>
public sealed record TurnaroundDay(DateOnly Day, int Count, TimeSpan? Median, TimeSpan? P90, IReadOnlyList<TurnaroundCell> Services);

/// <summary>One operator's day: claims taken, decisions, and the median time from claim to decision.</summary>
public sealed record WorkloadRow(DateOnly Day, Guid OperatorId, string Operator, int Taken, int Approved, int SentBack, int Rejected, TimeSpan? MedianHandling)
{
    public int Decided => Approved + SentBack + Rejected;
}

public sealed record OfficeReport(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<TurnaroundDay> Turnaround,
    IReadOnlyList<WorkloadRow> Workload,
    int DailyCapacity)
{
    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var d = From; d <= To; d = d.AddDays(1))
            {
                yield return d;
            }
        }
    }
}

/// <summary>Turnaround per service and per-operator workload of an office over the last days, from applications and their history.</summary>
public static class ReportQuery
{
    public static async Task<OfficeReport> ForAsync(AdmindukDbContext db, Office office, DateTimeOffset now, int days, CancellationToken ct)
    {
        var calendar = await OfficeCalendars.ForAsync(db, office, ct);
        var to = calendar.LocalDate(now);
        var from = to.AddDays(-(days - 1));
        var start = calendar.At(from, TimeOnly.MinValue);

        var decided = await db.Applications.AsNoTracking()
            .Where(a => a.OfficeId == office.Id && a.DecidedAt >= start
                && (a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Rejected || a.Status == ApplicationStatus.Completed))
            .Select(a => new { a.ServiceCode, a.SubmittedAt, a.QueuedAt, a.DecidedAt })
            .ToListAsync(ct);
        var turnaround = decided
            .Where(a => (a.SubmittedAt ?? a.QueuedAt) is not null)
            .Select(a => (Day: calendar.LocalDate(a.DecidedAt!.Value), a.ServiceCode, Duration: a.DecidedAt!.Value - (a.SubmittedAt ?? a.QueuedAt)!.Value))
            .GroupBy(a => a.Day)
            .OrderByDescending(g => g.Key)
            .Select(g => new TurnaroundDay(
                g.Key,
                g.Count(),
                Stats.Median(g.Select(x => x.Duration)),
                Stats.Percentile(g.Select(x => x.Duration), 90),
                [.. g.GroupBy(x => x.ServiceCode).OrderBy(s => s.Key, StringComparer.Ordinal)
                    .Select(s => new TurnaroundCell(s.Key, s.Count(), Stats.Median(s.Select(x => x.Duration)), Stats.Percentile(s.Select(x => x.Duration), 90)))]))
            .ToList();

        ApplicationAction?[] counted = [ApplicationAction.Claim, ApplicationAction.Approve, ApplicationAction.SendBack, ApplicationAction.Reject];
        var entries = await (
            from h in db.ApplicationHistory.AsNoTracking()
            join a in db.Applications on h.ApplicationId equals a.Id
            where a.OfficeId == office.Id && h.At >= start && h.ActorUserId != null && counted.Contains(h.Action)
            select new { h.ApplicationId, h.At, h.Action, h.ActorUserId, h.ActorName }).ToListAsync(ct);
        var claims = entries.Where(e => e.Action == ApplicationAction.Claim)
            .GroupBy(e => (e.ApplicationId, e.ActorUserId))
            .ToDictionary(g => g.Key, g => g.Select(e => e.At).Order().ToList());
        var workload = entries
            .GroupBy(e => (Day: calendar.LocalDate(e.At), Operator: e.ActorUserId!.Value))
            .Select(g =>
            {
                var decisions = g.Where(e => e.Action != ApplicationAction.Claim).ToList();
                var handling = decisions
                    .Select(d => claims.TryGetValue((d.ApplicationId, d.ActorUserId), out var times) && times.LastOrDefault(t => t <= d.At) is { } claimed && claimed != default
                        ? d.At - claimed
                        : (TimeSpan?)null)
                    .OfType<TimeSpan>();
                return new WorkloadRow(
                    g.Key.Day,
                    g.Key.Operator,
                    g.OrderByDescending(e => e.At).First().ActorName,
                    g.Count(e => e.Action == ApplicationAction.Claim),
                    decisions.Count(e => e.Action == ApplicationAction.Approve),
                    decisions.Count(e => e.Action == ApplicationAction.SendBack),
                    decisions.Count(e => e.Action == ApplicationAction.Reject),
                    Stats.Median(handling));
            })
            .OrderByDescending(w => w.Day)
            .ThenBy(w => w.Operator, StringComparer.CurrentCulture)
            .ToList();

        return new OfficeReport(from, to, turnaround, workload, office.OperatorCount * office.ApplicationsPerOperatorPerDay);
    }

    /// <summary>A duration as hours:minutes, e.g. "3:05"; a dash when there is none.</summary>
    public static string Format(TimeSpan? span) =>
        span is { } s ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(int)s.TotalHours}:{s.Minutes:00}") : "–";
}
