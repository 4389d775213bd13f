using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.BackOffice;

public sealed class BackOfficeOptions
{
    /// <summary>How long an operator holds a claimed application before it returns to the queue.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(30);

    public bool SweepEnabled { get; set; } = true;

    /// <summary>How often the background sweep returns expired claims.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>What take-next gave: nothing (queue empty), the caller's unfinished claim again, or a new claim.</summary>
public sealed record TakeResult(Application? Application, bool Resumed);

/// <summary>
/// The office's one FIFO queue. Take-next is the only way to claim an application: it gives the caller's unfinished
/// claim back, or the oldest eligible queued application (ORDER BY QueuedAt, Id) within the caller's skills.
/// PostgreSQL: row locks (FOR UPDATE SKIP LOCKED) in a transaction, so concurrent claimers on any number of app
/// instances never take the same row and never wait on each other. SQLite: the transaction starts with BEGIN
/// IMMEDIATE (Microsoft.Data.Sqlite's default), which makes it the only writer until it commits.
/// A release or an expired claim puts the application back with its QueuedAt unchanged: its original position.
/// </summary>
public sealed class ClaimQueue(AdmindukDbContext db, TimeProvider time, AuditLog audit, IOptions<BackOfficeOptions> options)
{
    private static readonly AuditActor SystemActor = new(null, "system");

    /// <summary>The caller's claim that has not expired, if any.</summary>
    public Task<Application?> CurrentClaimAsync(StaffMember who, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Applications
            .Where(a => a.OfficeId == who.OfficeId && a.Status == ApplicationStatus.InReview
                && a.ClaimedByUserId == who.UserId && a.ClaimExpiresAt > now)
            .OrderBy(a => a.ClaimedAt)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<TakeResult> TakeNextAsync(StaffMember who, CancellationToken ct)
    {
        if (who.OfficeId is not int officeId)
        {
            throw new InvalidOperationException("Only staff of an office take applications from its queue.");
        }

        // Everything on one connection in one transaction (SQLite: BEGIN IMMEDIATE, the only writer until commit).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // One take-next per operator at a time (double clicks, two tabs): they queue on the account row.
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "AspNetUsers" WHERE "Id" = {who.UserId} FOR UPDATE""", ct);
        }

        var skills = await db.OperatorSkills.AsNoTracking()
            .Where(s => s.UserId == who.UserId)
            .Select(s => s.ServiceCode)
            .ToArrayAsync(ct);

        var now = time.GetUtcNow();
        if (await CurrentClaimAsync(who, ct) is { } current)
        {
            await tx.CommitAsync(ct);
            return new TakeResult(current, Resumed: true);
        }

        if (await ReturnExpiredInTransactionAsync(officeId, now, ct) > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        var next = await OldestEligibleAsync(officeId, skills, ct);
        if (next is null)
        {
            await tx.CommitAsync(ct);
            return new TakeResult(null, Resumed: false);
        }

        var from = next.Status;
        next.Status = ApplicationStateMachine.Apply(from, ApplicationAction.Claim);
        next.ClaimedByUserId = who.UserId;
        next.ClaimedAt = now;
        next.ClaimExpiresAt = now + options.Value.ClaimDuration;
        Touch(next, now);
        AddHistory(next, from, ApplicationAction.Claim, now, who.UserId, who.DisplayName, null);
        audit.Add("application.claim", "application", Id(next), next.ReceiptNumber, who.Actor);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new TakeResult(next, Resumed: false);
    }

    /// <summary>The caller gives their claim back; it returns to its original position. False when it is not their current claim.</summary>
    public async Task<bool> ReleaseAsync(StaffMember who, long applicationId, CancellationToken ct)
    {
        var claim = await CurrentClaimAsync(who, ct);
        if (claim is null || claim.Id != applicationId)
        {
            return false;
        }

        var now = time.GetUtcNow();
        ReturnToQueue(claim, now, who.UserId, who.DisplayName, StoredText.Get("History.Released"));
        audit.Add("application.release", "application", Id(claim), claim.ReceiptNumber, who.Actor);
        return await TrySaveAsync(ct);
    }

    /// <summary>A supervisor returns a claim of their office to the queue (an operator left), at its original position.</summary>
    public async Task<bool> ReturnClaimAsync(StaffMember supervisor, int officeId, long applicationId, CancellationToken ct)
    {
        var claim = await db.Applications.FirstOrDefaultAsync(
            a => a.Id == applicationId && a.OfficeId == officeId && a.Status == ApplicationStatus.InReview, ct);
        if (claim is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var holder = claim.ClaimedByUserId;
        ReturnToQueue(claim, now, supervisor.UserId, supervisor.DisplayName, StoredText.Get("History.ReturnedBySupervisor"));
        audit.Add("application.claim-returned", "application", Id(claim), $"{claim.ReceiptNumber}; holder {holder}", supervisor.Actor);
        return await TrySaveAsync(ct);
    }

    /// <summary>
    /// Returns every expired claim of an office to the queue. Safe on several instances at once: PostgreSQL skips
    /// rows another instance is returning; SQLite has one writer.
    /// </summary>
    public async Task<int> ReturnExpiredAsync(int officeId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // Cheap look without a transaction first: almost always nothing is expired.
        var any = await db.Applications.AnyAsync(
            a => a.OfficeId == officeId && a.Status == ApplicationStatus.InReview && a.ClaimExpiresAt <= now, ct);
        if (!any)
        {
            return 0;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var count = await ReturnExpiredInTransactionAsync(officeId, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return count;
    }

    private async Task<int> ReturnExpiredInTransactionAsync(int officeId, DateTimeOffset now, CancellationToken ct)
    {
        var inReview = (int)ApplicationStatus.InReview;
        var expired = db.Provider == DatabaseProvider.Postgres
            ? await db.Applications.FromSql($"""
                SELECT * FROM "Applications"
                WHERE "OfficeId" = {officeId} AND "Status" = {inReview} AND "ClaimExpiresAt" <= {now}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct)
            : await db.Applications
                .Where(a => a.OfficeId == officeId && a.Status == ApplicationStatus.InReview && a.ClaimExpiresAt <= now)
                .ToListAsync(ct);
        foreach (var application in expired)
        {
            var holder = application.ClaimedByUserId;
            ReturnToQueue(application, now, null, SystemActor.Name, StoredText.Get("History.ClaimExpired"));
            audit.Add("application.claim-expired", "application", Id(application), $"{application.ReceiptNumber}; holder {holder}", SystemActor);
        }

        return expired.Count;
    }

    private async Task<Application?> OldestEligibleAsync(int officeId, string[] skills, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var queued = (int)ApplicationStatus.Queued;
            var anyService = skills.Length == 0;
            var rows = await db.Applications.FromSql($"""
                SELECT * FROM "Applications"
                WHERE "OfficeId" = {officeId} AND "Status" = {queued}
                  AND ({anyService} OR "ServiceCode" = ANY({skills}))
                ORDER BY "QueuedAt", "Id"
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            return rows.SingleOrDefault();
        }

        var query = db.Applications.Where(a => a.OfficeId == officeId && a.Status == ApplicationStatus.Queued);
        if (skills.Length > 0)
        {
            query = query.Where(a => skills.Contains(a.ServiceCode));
        }

        return await query.OrderBy(a => a.QueuedAt).ThenBy(a => a.Id).FirstOrDefaultAsync(ct);
    }

    private void ReturnToQueue(Application application, DateTimeOffset now, Guid? actorId, string actorName, string note)
    {
        var from = application.Status;
        application.Status = ApplicationStateMachine.Apply(from, ApplicationAction.Release);
        // QueuedAt stays: the application is back at its original position.
        application.ClaimedByUserId = null;
        application.ClaimedAt = null;
        application.ClaimExpiresAt = null;
        Touch(application, now);
        AddHistory(application, from, ApplicationAction.Release, now, actorId, actorName, note);
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed it meanwhile (the claim expired and was returned, a decision was made).
            db.ChangeTracker.Clear();
            return false;
        }
    }

    internal static void Touch(Application application, DateTimeOffset now)
    {
        application.UpdatedAt = now;
        application.Version++;
    }

    internal void AddHistory(Application application, ApplicationStatus from, ApplicationAction? action, DateTimeOffset now, Guid? actorId, string actorName, string? note) =>
        db.ApplicationHistory.Add(new ApplicationHistoryEntry
        {
            ApplicationId = application.Id,
            At = now,
            FromStatus = from,
            ToStatus = application.Status,
            Action = action,
            ActorUserId = actorId,
            ActorName = actorName,
            Note = note,
        });

    internal static string Id(Application application) => application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
