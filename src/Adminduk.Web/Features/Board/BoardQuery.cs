using System.Globalization;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Board;

/// <summary>One service's part of the batch.</summary>
public sealed record BoardServiceRow(string Code, string Title, string TitleEn, int Received, int Done, int InProgress, int Waiting);

/// <summary>
/// Today's batch of one office: what came in before the cut-off, what is done (decided or sent back for correction),
/// in progress (claimed by an operator) and waiting in the queue. The page and the API both show this record.
/// </summary>
public sealed record BoardSnapshot(
    string Office,
    string OfficeName,
    string LocalDate,
    string LocalTime,
    bool IsWorkingDay,
    string BatchDay,
    string Cutoff,
    bool IntakeOpen,
    string ServiceOpens,
    string ServiceCloses,
    int Received,
    int Done,
    int InProgress,
    int Waiting,
    int Withdrawn,
    IReadOnlyList<BoardServiceRow> Services,
    DateTimeOffset GeneratedAt)
{
    public int Left => InProgress + Waiting;
}

public static class BoardQuery
{
    /// <summary>The board of the office with this code, or null when there is none.</summary>
    public static async Task<BoardSnapshot?> ForAsync(AdmindukDbContext db, string officeCode, DateTimeOffset now, CancellationToken ct)
    {
        var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == officeCode, ct);
        if (office is null)
        {
            return null;
        }

        var calendar = await OfficeCalendars.ForAsync(db, office, ct);
        var today = calendar.LocalDate(now);
        // On a day off the board shows the batch that is collecting for the next working day.
        var batchDay = calendar.NextWorkingDayOnOrAfter(today);
        var counts = await db.Applications.AsNoTracking()
            .Where(a => a.OfficeId == office.Id && a.BatchDay == batchDay && a.Status != ApplicationStatus.Draft)
            .GroupBy(a => new { a.ServiceCode, a.Status })
            .Select(g => new { g.Key.ServiceCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);

        var services = counts.GroupBy(c => c.ServiceCode)
            .Select(g =>
            {
                int Sum(Func<ApplicationStatus, bool> match) => g.Where(c => match(c.Status)).Sum(c => c.Count);
                var definition = ServiceCatalog.Default.Find(g.Key);
                return new BoardServiceRow(
                    g.Key,
                    definition?.Title.Id ?? g.Key,
                    definition?.Title.En ?? g.Key,
                    Sum(s => s != ApplicationStatus.Withdrawn),
                    Sum(IsDone),
                    Sum(s => s == ApplicationStatus.InReview),
                    Sum(s => s == ApplicationStatus.Queued));
            })
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();

        var local = calendar.ToLocal(now);
        return new BoardSnapshot(
            office.Code,
            office.Name,
            Date(today),
            local.ToString("HH:mm", CultureInfo.InvariantCulture),
            calendar.IsWorkingDay(today),
            Date(batchDay),
            Time(office.DailyCutoff),
            now < calendar.CutoffOf(batchDay),
            Time(office.ServiceOpens),
            Time(office.ServiceCloses),
            services.Sum(s => s.Received),
            services.Sum(s => s.Done),
            services.Sum(s => s.InProgress),
            services.Sum(s => s.Waiting),
            counts.Where(c => c.Status == ApplicationStatus.Withdrawn).Sum(c => c.Count),
            services,
            now);
    }

    /// <summary>The office's part is done: decided, or sent back to the citizen with reasons.</summary>
    public static bool IsDone(ApplicationStatus status) =>
        ApplicationStateMachine.IsDecided(status) || status == ApplicationStatus.NeedsCorrection;

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
