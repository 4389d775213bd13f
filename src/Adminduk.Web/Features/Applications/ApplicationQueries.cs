using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Calendar;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Applications;

public sealed record HistoryView(DateTimeOffset At, ApplicationStatus? From, ApplicationStatus To, string Actor, string? Note);

/// <summary>An application as its applicant sees it.</summary>
public sealed record ApplicationView(
    string Receipt,
    string ServiceCode,
    LocalizedText ServiceTitle,
    string OfficeCode,
    ApplicationStatus Status,
    DateTimeOffset? SubmittedAt,
    DateOnly? BatchDay,
    DateOnly? ExpectedProcessingDay,
    int? QueuePosition,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string[]> Corrections,
    string? DecisionReason,
    IReadOnlyList<(string Code, string FileName, long Size)> Attachments,
    IReadOnlyList<HistoryView> History);

/// <summary>What anyone with the receipt number and the applicant's birth date may see: the status only.</summary>
public sealed record PublicStatus(string Receipt, ApplicationStatus Status, DateOnly? BatchDay, DateOnly? ExpectedProcessingDay);

public sealed class ApplicationQueries(AdmindukDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Scoped per request: a list of applications reads each office's calendar (with its holidays) once.
    private readonly Dictionary<int, OfficeCalendar> calendars = [];

    /// <summary>The applicant's own application; null for anyone else's (no difference between "not yours" and "none").</summary>
    public async Task<ApplicationView?> ForApplicantAsync(string receipt, Guid applicantUserId, CancellationToken ct)
    {
        var app = await db.Applications.AsNoTracking()
            .Include(a => a.Office).Include(a => a.History).Include(a => a.Attachments)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.ReceiptNumber == receipt && a.ApplicantUserId == applicantUserId, ct);
        return app is null ? null : await ToViewAsync(app, ct);
    }

    public async Task<IReadOnlyList<ApplicationView>> MineAsync(Guid applicantUserId, CancellationToken ct)
    {
        var apps = await db.Applications.AsNoTracking()
            .Include(a => a.Office).Include(a => a.History).Include(a => a.Attachments)
            .AsSplitQuery()
            .Where(a => a.ApplicantUserId == applicantUserId && a.ReceiptNumber != null)
            .OrderByDescending(a => a.Id)
            .Take(100)
            .ToListAsync(ct);
        var views = new List<ApplicationView>(apps.Count);
        foreach (var a in apps)
        {
            views.Add(await ToViewAsync(a, ct));
        }

        return views;
    }

    /// <summary>Public lookup: both the receipt and the birth date must match, else nothing is revealed.</summary>
    public async Task<PublicStatus?> LookupAsync(string? receiptInput, DateOnly? birthDate, CancellationToken ct)
    {
        if (ReceiptNumber.Normalize(receiptInput) is not { } receipt || birthDate is null)
        {
            return null;
        }

        var app = await db.Applications.AsNoTracking().Include(a => a.Office)
            .FirstOrDefaultAsync(a => a.ReceiptNumber == receipt && a.LookupBirthDate == birthDate, ct);
        if (app is null)
        {
            return null;
        }

        var (expected, _) = await ExpectedAsync(app, ct);
        return new PublicStatus(receipt, app.Status, app.BatchDay, expected);
    }

    private async Task<ApplicationView> ToViewAsync(Application app, CancellationToken ct)
    {
        var service = ServiceCatalog.Default.Find(app.ServiceCode);
        var (expected, position) = await ExpectedAsync(app, ct);
        return new ApplicationView(
            app.ReceiptNumber!,
            app.ServiceCode,
            service?.Title ?? new LocalizedText(app.ServiceCode, app.ServiceCode),
            app.Office!.Code,
            app.Status,
            app.SubmittedAt,
            app.BatchDay,
            expected,
            position,
            JsonSerializer.Deserialize<Dictionary<string, string>>(app.FormJson, Json) ?? [],
            app.CorrectionJson is { } c ? JsonSerializer.Deserialize<Dictionary<string, string[]>>(c, Json) ?? [] : new Dictionary<string, string[]>(),
            app.DecisionReason,
            [.. app.Attachments.OrderBy(a => a.Id).Select(a => (a.Code, a.FileName, a.Size))],
            [.. app.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new HistoryView(h.At, h.FromStatus, h.ToStatus, h.ActorName, h.Note))]);
    }

    /// <summary>
    /// For a queued application: its place in the office's FIFO queue and the working day it is expected to be
    /// processed (the later of its batch day and the day the queue reaches it at the office's daily capacity).
    /// </summary>
    private async Task<(DateOnly? Expected, int? Position)> ExpectedAsync(Application app, CancellationToken ct)
    {
        if (app.Office is null || app.BatchDay is null)
        {
            return (null, null);
        }

        if (!calendars.TryGetValue(app.OfficeId, out var calendar))
        {
            calendar = await OfficeCalendars.ForAsync(db, app.Office, ct);
            calendars[app.OfficeId] = calendar;
        }

        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        if (app.Status == ApplicationStatus.InReview)
        {
            return (today, null);
        }

        if (app.Status != ApplicationStatus.Queued)
        {
            return (null, null);
        }

        var ahead = await db.Applications.CountAsync(
            a => a.OfficeId == app.OfficeId && a.Status == ApplicationStatus.Queued
                && (a.QueuedAt < app.QueuedAt || (a.QueuedAt == app.QueuedAt && a.Id < app.Id)),
            ct);
        var position = ahead + 1;
        // Work starts today while the office is still open, otherwise on the next working day.
        var firstDay = calendar.IsWorkingDay(today) && TimeOnly.FromDateTime(calendar.ToLocal(now)) < calendar.ServiceCloses
            ? today
            : calendar.NextWorkingDayAfter(today);
        var capacity = Math.Max(1, app.Office.OperatorCount * app.Office.ApplicationsPerOperatorPerDay);
        return (calendar.ExpectedProcessingDay(app.BatchDay.Value, firstDay, position, capacity), position);
    }
}
