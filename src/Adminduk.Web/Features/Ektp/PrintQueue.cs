using System.Globalization;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Documents;
using Adminduk.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Ektp;

public enum PrintOutcome
{
    Printed = 1,

    /// <summary>Nothing waits in the queue.</summary>
    Empty = 2,

    /// <summary>No blank cards left: the card keeps its place (its holder has a suket).</summary>
    NoBlanks = 3,

    Spoiled = 4,
}

public sealed record PrintResult(PrintOutcome Outcome, CardPrintJob? Job = null, string? Receipt = null);

/// <summary>A waiting card as the print page lists it.</summary>
public sealed record PrintQueueEntry(long JobId, long ApplicationId, string Receipt, string ServiceCode, DateTimeOffset ReadyAt, string? SuketNumber, int Spoiled);

/// <summary>
/// The e-KTP print queue: a card joins once its application is approved and (when the service needs it) recorded,
/// FIFO by that moment. Printing takes the oldest waiting card (PostgreSQL: FOR UPDATE SKIP LOCKED, so two printers never
/// take the same card) and one blank from the ledger in the same transaction. A card that becomes ready while the blanks
/// left are all spoken for by cards ahead of it yields a suket, and keeps its place.
/// </summary>
public sealed class PrintQueue(TimeProvider time, AuditLog audit, Outbox outbox, StockLedger ledger, ISuketIssuer suketIssuer)
{
    /// <summary>Adds the application's card to the queue when it is approved, recorded if needed, and not queued yet.</summary>
    public async Task<CardPrintJob?> EnqueueIfReadyAsync(AdmindukDbContext db, Application application, DateTimeOffset at, AuditActor by, CancellationToken ct)
    {
        if (application.Status != ApplicationStatus.Approved
            || ServiceCatalog.Default.Find(application.ServiceCode) is not { } service
            || !Visits.YieldsCard(service))
        {
            return null;
        }

        if (service.InPersonStep == InPersonStep.Recording
            && !await db.Appointments.AnyAsync(a => a.ApplicationId == application.Id && a.Kind == VisitKind.Recording && a.Status == AppointmentStatus.Done, ct))
        {
            return null;
        }

        if (await db.CardPrintJobs.AnyAsync(j => j.ApplicationId == application.Id, ct))
        {
            return null;
        }

        var job = new CardPrintJob { OfficeId = application.OfficeId, ApplicationId = application.Id, ReadyAt = at };
        db.CardPrintJobs.Add(job);
        AddHistory(db, application, at, EktpText.Stored("History.PrintQueued"));
        audit.Add("card.queued", "application", AppointmentBook.Id(application), null, by);

        // Only an office that keeps its blank stock in the ledger knows it has run out; elsewhere nothing is promised.
        var stock = await db.StockBalances.AsNoTracking().Where(b => b.OfficeId == application.OfficeId).Select(b => (int?)b.Balance).FirstOrDefaultAsync(ct);
        var ahead = await db.CardPrintJobs.CountAsync(j => j.OfficeId == application.OfficeId && j.Status == PrintJobStatus.Waiting, ct);
        if (stock is not { } balance || balance - ahead > 0)
        {
            return job;
        }

        var receipt = application.ReceiptNumber ?? AppointmentBook.Id(application);
        var suket = await suketIssuer.IssueAsync(new SuketRequest(db, application, job, at, by), ct);
        if (suket.Number is null)
        {
            // The card still queues; the office hands out a suket at the counter once the register data is right.
            AddHistory(db, application, at, EktpText.Stored("History.SuketNotIssued", suket.Problem ?? ""));
            audit.Add("suket.not-issued", "application", AppointmentBook.Id(application), suket.Problem, by);
            return job;
        }

        job.SuketNumber = suket.Number;
        job.SuketIssuedAt = at;
        AddHistory(db, application, at, EktpText.Stored("History.SuketIssued", suket.Number));
        audit.Add("suket.issue", "application", AppointmentBook.Id(application), suket.Number, by);
        if (await EktpNotifications.RecipientAsync(db, application, ct) is { } recipient)
        {
            outbox.Add(recipient, "suket-issued", new Dictionary<string, string> { ["receipt"] = receipt, ["suket"] = suket.Number }, application.Id);
        }

        return job;
    }

    public static Task<List<PrintQueueEntry>> WaitingAsync(AdmindukDbContext db, int officeId, int take, CancellationToken ct) =>
        db.CardPrintJobs.AsNoTracking()
            .Where(j => j.OfficeId == officeId && j.Status == PrintJobStatus.Waiting)
            .OrderBy(j => j.ReadyAt).ThenBy(j => j.Id)
            .Take(take)
            .Join(db.Applications, j => j.ApplicationId, a => a.Id,
                (j, a) => new PrintQueueEntry(j.Id, a.Id, a.ReceiptNumber ?? "", a.ServiceCode, j.ReadyAt, j.SuketNumber, j.SpoiledCount))
            .ToListAsync(ct);

    /// <summary>Prints the oldest waiting card, using one blank.</summary>
    public Task<PrintResult> PrintNextAsync(AdmindukDbContext db, StaffMember staff, int officeId, CancellationToken ct) =>
        TakeHeadAsync(db, staff, officeId, spoiled: false, ct);

    /// <summary>The blank for the oldest waiting card was spoiled: one blank used, the card keeps its place.</summary>
    public Task<PrintResult> SpoilNextAsync(AdmindukDbContext db, StaffMember staff, int officeId, CancellationToken ct) =>
        TakeHeadAsync(db, staff, officeId, spoiled: true, ct);

    private async Task<PrintResult> TakeHeadAsync(AdmindukDbContext db, StaffMember staff, int officeId, bool spoiled, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var job = await HeadAsync(db, officeId, ct);
        if (job is null)
        {
            return new PrintResult(PrintOutcome.Empty);
        }

        var application = await db.Applications.FirstAsync(a => a.Id == job.ApplicationId, ct);
        var receipt = application.ReceiptNumber ?? AppointmentBook.Id(application);
        var kind = spoiled ? StockMovementKind.Spoiled : StockMovementKind.Printed;
        if (await ledger.MoveAsync(db, officeId, kind, -1, spoiled ? receipt : null, staff.Actor, job.Id, ct) is null)
        {
            return new PrintResult(PrintOutcome.NoBlanks, job, receipt);
        }

        if (spoiled)
        {
            job.SpoiledCount++;
        }
        else
        {
            job.Status = PrintJobStatus.Printed;
            job.PrintedAt = now;
            job.PrintedByUserId = staff.UserId;
            AddHistory(db, application, now, EktpText.Stored("History.Printed"), staff);
            audit.Add("card.print", "application", AppointmentBook.Id(application), job.SuketNumber, staff.Actor);
            if (await EktpNotifications.RecipientAsync(db, application, ct) is { } recipient)
            {
                outbox.Add(recipient, job.SuketNumber is null ? "card-printed" : "card-printed-after-suket",
                    new Dictionary<string, string> { ["receipt"] = receipt, ["suket"] = job.SuketNumber ?? "" }, application.Id);
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PrintResult(spoiled ? PrintOutcome.Spoiled : PrintOutcome.Printed, job, receipt);
    }

    private static async Task<CardPrintJob?> HeadAsync(AdmindukDbContext db, int officeId, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            var waiting = (int)PrintJobStatus.Waiting;
            var rows = await db.CardPrintJobs.FromSql($"""
                SELECT * FROM "CardPrintJobs"
                WHERE "OfficeId" = {officeId} AND "Status" = {waiting}
                ORDER BY "ReadyAt", "Id"
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            return rows.SingleOrDefault();
        }

        return await db.CardPrintJobs
            .Where(j => j.OfficeId == officeId && j.Status == PrintJobStatus.Waiting)
            .OrderBy(j => j.ReadyAt).ThenBy(j => j.Id)
            .FirstOrDefaultAsync(ct);
    }

    private static void AddHistory(AdmindukDbContext db, Application application, DateTimeOffset at, string note, StaffMember? staff = null) =>
        db.ApplicationHistory.Add(new ApplicationHistoryEntry
        {
            ApplicationId = application.Id,
            At = at,
            FromStatus = application.Status,
            ToStatus = application.Status,
            ActorUserId = staff?.UserId,
            ActorName = staff?.DisplayName ?? "system",
            Note = note,
        });
}

/// <summary>Puts an approved card in the print queue inside the approval's transaction (when it needs no recording still to come).</summary>
public sealed class CardQueueStep(PrintQueue queue) : IApprovalStep
{
    public async Task HandOverAsync(ApprovalHandover handover, CancellationToken ct) =>
        await queue.EnqueueIfReadyAsync(handover.Db, handover.Application, handover.At, new AuditActor(handover.Operator.UserId, handover.Operator.DisplayName), ct);
}

/// <summary>What a suket is issued for, and by whom (the officer named on it).</summary>
public sealed record SuketRequest(AdmindukDbContext Db, Application Application, CardPrintJob Job, DateTimeOffset At, AuditActor By);

/// <summary>The suket's number, or why none could be issued (the register lacks the person's data).</summary>
public sealed record SuketResult(string? Number, string? Problem = null);

/// <summary>
/// Issues the temporary certificate (suket) for a card that cannot be printed yet, inside the caller's transaction. A seam
/// so the queue does not depend on how documents are made.
/// </summary>
public interface ISuketIssuer
{
    Task<SuketResult> IssueAsync(SuketRequest request, CancellationToken ct);
}

/// <summary>The suket as the documents feature issues it: a numbered PDF with a QR code, listed on the application page.</summary>
public sealed class DocumentSuketIssuer(DocumentIssuer issuer) : ISuketIssuer
{
    public async Task<SuketResult> IssueAsync(SuketRequest request, CancellationToken ct)
    {
        try
        {
            var document = await issuer.IssueSuketAsync(request.Db, request.Application, new DocumentOfficer(request.By.Id, request.By.Name), ct);
            return new SuketResult(document.Number);
        }
        catch (DocumentDataException e)
        {
            // Refused before anything was written: an approval must not fail because a suket cannot be made.
            return new SuketResult(null, e.Message);
        }
    }
}
