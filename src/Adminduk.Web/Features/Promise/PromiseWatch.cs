using System.Globalization;
using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Features.Zones;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Promise;

/// <summary>An undecided application near or past its office's promise.</summary>
public sealed record EscalationRow(long ApplicationId, string Receipt, string ServiceCode, ApplicationStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset Deadline, bool Overdue, bool CitizenTold);

/// <summary>
/// The office's promise: a decision (approval or rejection; nothing else counts) within <see cref="Office.PromiseDays"/>
/// calendar days of submission. Supervisors see the applications close to or past it (visibility only: the queue
/// order never changes) and each citizen whose promise passed is told once.
/// </summary>
public sealed class PromiseWatch(AdmindukDbContext db, TimeProvider time, Outbox outbox)
{
    /// <summary>Listed this long before the deadline.</summary>
    public static readonly TimeSpan Warning = TimeSpan.FromDays(1);

    private static readonly ApplicationStatus[] Undecided = [ApplicationStatus.Queued, ApplicationStatus.InReview, ApplicationStatus.NeedsCorrection];

    public static DateTimeOffset DeadlineOf(DateTimeOffset submittedAt, int promiseDays) => submittedAt.AddDays(promiseDays);

    public async Task<IReadOnlyList<EscalationRow>> EscalationsAsync(Office office, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var listedFrom = now - TimeSpan.FromDays(office.PromiseDays) + Warning;
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.OfficeId == office.Id && Undecided.Contains(a.Status) && a.SubmittedAt != null && a.SubmittedAt <= listedFrom)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.ReceiptNumber,
                a.ServiceCode,
                a.Status,
                SubmittedAt = a.SubmittedAt!.Value,
                Told = db.Set<PromiseNotice>().Any(n => n.ApplicationId == a.Id),
            })
            .Take(500)
            .ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var deadline = DeadlineOf(r.SubmittedAt, office.PromiseDays);
            return new EscalationRow(r.Id, r.ReceiptNumber ?? "", r.ServiceCode, r.Status, r.SubmittedAt, deadline, deadline <= now, r.Told);
        })];
    }

    /// <summary>Tells each citizen whose promise passed, once (the notice's key is the application). Returns how many were told.</summary>
    public async Task<int> NotifyOverdueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var told = 0;
        foreach (var office in await db.Offices.AsNoTracking().Select(o => new { o.Id, o.PromiseDays }).ToListAsync(ct))
        {
            var submittedBefore = now - TimeSpan.FromDays(office.PromiseDays);
            var overdue = await db.Applications.AsNoTracking()
                .Where(a => a.OfficeId == office.Id && Undecided.Contains(a.Status) && a.SubmittedAt != null && a.SubmittedAt <= submittedBefore
                    && !db.Set<PromiseNotice>().Any(n => n.ApplicationId == a.Id))
                .OrderBy(a => a.SubmittedAt)
                .Take(200)
                .ToListAsync(ct);
            foreach (var application in overdue)
            {
                told += await TellAsync(application, office.PromiseDays, now, ct) ? 1 : 0;
            }
        }

        return told;
    }

    private async Task<bool> TellAsync(Application application, int promiseDays, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Set<PromiseNotice>().Add(new PromiseNotice { ApplicationId = application.Id, NotifiedAt = now });
        var recipient = application.IsAssisted ? null : await Recipients.ForUserAsync(db, application.ApplicantUserId, ct);
        if (recipient is not null)
        {
            var resident = await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantUserId).Select(u => u.ResidentId).FirstOrDefaultAsync(ct);
            var place = await ZoneDirectory.PlaceForResidentAsync(db, application.OfficeId, resident ?? application.SubjectResidentId, ct);
            var officeName = await db.Offices.Where(o => o.Id == application.OfficeId).Select(o => o.Name).FirstAsync(ct);
            outbox.Add(recipient, "promise-missed", new Dictionary<string, string>
            {
                ["receipt"] = application.ReceiptNumber ?? application.Id.ToString(CultureInfo.InvariantCulture),
                ["days"] = promiseDays.ToString(CultureInfo.InvariantCulture),
                ["point"] = place?.Name ?? officeName,
                ["address"] = place?.Address ?? officeName,
            }, application.Id);
        }

        try
        {
            // The notice and its message commit together; a second instance doing the same hits the notice's key.
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
