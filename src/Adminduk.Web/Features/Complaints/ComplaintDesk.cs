using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Complaints;

public enum FileOutcome
{
    Done = 1,
    TextRequired = 2,
    UnknownApplication = 3,
    NoOffice = 4,
}

/// <summary>
/// The online complaints desk (loket pengaduan). Citizens file tickets about an application or their own data; staff take
/// the oldest open ticket first (a claim, so two staff never answer the same one), answer and close it. The citizen is
/// told when a ticket is received and when it is answered.
/// </summary>
public sealed class ComplaintDesk(AdmindukDbContext db, TimeProvider time, Outbox outbox, AuditLog audit)
{
    public const int MaxTextLength = 2000;
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(30);

    public static string TicketNumber(long id) => "ADU-" + id.ToString("D6", CultureInfo.InvariantCulture);

    public async Task<(FileOutcome Outcome, Complaint? Complaint)> FileAsync(Guid userId, ComplaintTopic topic, string? receipt, string? text, CancellationToken ct)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxTextLength || !Enum.IsDefined(topic))
        {
            return (FileOutcome.TextRequired, null);
        }

        int? officeId;
        long? applicationId = null;
        if (topic == ComplaintTopic.Application)
        {
            var application = await db.Applications.AsNoTracking()
                .Where(a => a.ReceiptNumber == receipt && a.ApplicantUserId == userId)
                .Select(a => new { a.Id, a.OfficeId }).FirstOrDefaultAsync(ct);
            if (application is null)
            {
                return (FileOutcome.UnknownApplication, null);
            }

            applicationId = application.Id;
            officeId = application.OfficeId;
        }
        else
        {
            officeId = await OfficeOfResidentAsync(userId, ct);
        }

        if (officeId is null)
        {
            return (FileOutcome.NoOffice, null);
        }

        // The ticket and its "received" message commit together; the message needs the ticket's number.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var complaint = new Complaint
        {
            OfficeId = officeId.Value,
            UserId = userId,
            Topic = topic,
            ApplicationId = applicationId,
            Text = trimmed,
            CreatedAt = time.GetUtcNow(),
        };
        db.Set<Complaint>().Add(complaint);
        await db.SaveChangesAsync(ct);
        if (await Recipients.ForUserAsync(db, userId, ct) is { } recipient)
        {
            outbox.Add(recipient, "complaint-received", new Dictionary<string, string> { ["ticket"] = TicketNumber(complaint.Id) }, applicationId);
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return (FileOutcome.Done, complaint);
    }

    /// <summary>The citizen's office for data questions: the office serving the regency of the linked resident's kelurahan, else the only office.</summary>
    private async Task<int?> OfficeOfResidentAsync(Guid userId, CancellationToken ct)
    {
        var village = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.ResidentId != null)
            .Select(u => db.Residents.Where(r => r.Id == u.ResidentId).Select(r => r.RtUnit!.VillageCode).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
        if (village is { Length: >= 5 })
        {
            var regency = village[..5];
            return await db.Offices.Where(o => o.RegencyCode == regency).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        }

        var offices = await db.Offices.Select(o => o.Id).Take(2).ToListAsync(ct);
        return offices.Count == 1 ? offices[0] : null;
    }

    public Task<List<Complaint>> MineAsync(Guid userId, CancellationToken ct) =>
        db.Set<Complaint>().AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.Id).Take(100).ToListAsync(ct);

    /// <summary>Open tickets of the office, oldest first.</summary>
    public Task<List<Complaint>> OpenAsync(int officeId, CancellationToken ct) =>
        db.Set<Complaint>().AsNoTracking().Where(c => c.OfficeId == officeId && c.Status == ComplaintStatus.Open)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(200).ToListAsync(ct);

    /// <summary>The caller's current claim, or else the oldest open ticket nobody holds, claimed with a conditional update.</summary>
    public async Task<Complaint?> TakeNextAsync(StaffMember who, int officeId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var mine = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(
            c => c.OfficeId == officeId && c.Status == ComplaintStatus.Open && c.ClaimedByUserId == who.UserId && c.ClaimExpiresAt > now, ct);
        if (mine is not null)
        {
            return mine;
        }

        for (var tries = 0; tries < 5; tries++)
        {
            var next = await db.Set<Complaint>().AsNoTracking()
                .Where(c => c.OfficeId == officeId && c.Status == ComplaintStatus.Open && (c.ClaimExpiresAt == null || c.ClaimExpiresAt <= now))
                .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                .Select(c => c.Id).FirstOrDefaultAsync(ct);
            if (next == 0)
            {
                return null;
            }

            var until = now + ClaimDuration;
            var claimed = await db.Set<Complaint>()
                .Where(c => c.Id == next && c.Status == ComplaintStatus.Open && (c.ClaimExpiresAt == null || c.ClaimExpiresAt <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ClaimedByUserId, who.UserId).SetProperty(c => c.ClaimExpiresAt, until), ct);
            if (claimed == 1)
            {
                return await db.Set<Complaint>().AsNoTracking().FirstAsync(c => c.Id == next, ct);
            }
        }

        return null;
    }

    /// <summary>Answers and closes the caller's claimed ticket. False when it is not (or no longer) their claim.</summary>
    public async Task<bool> AnswerAsync(StaffMember who, long complaintId, string? answer, CancellationToken ct)
    {
        var text = answer?.Trim();
        var now = time.GetUtcNow();
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            return false;
        }

        var complaint = await db.Set<Complaint>().FirstOrDefaultAsync(
            c => c.Id == complaintId && c.OfficeId == who.OfficeId && c.Status == ComplaintStatus.Open && c.ClaimedByUserId == who.UserId && c.ClaimExpiresAt > now, ct);
        if (complaint is null)
        {
            return false;
        }

        complaint.Status = ComplaintStatus.Closed;
        complaint.Answer = text;
        complaint.ClosedAt = now;
        complaint.ClosedByUserId = who.UserId;
        complaint.ClaimExpiresAt = null;
        audit.Add("complaint.answer", "complaint", complaint.Id.ToString(CultureInfo.InvariantCulture), null, who.Actor);
        if (await Recipients.ForUserAsync(db, complaint.UserId, ct) is { } recipient)
        {
            outbox.Add(recipient, "complaint-answered", new Dictionary<string, string> { ["ticket"] = TicketNumber(complaint.Id), ["answer"] = text.Length > 1500 ? text[..1500] + "…" : text }, complaint.ApplicationId);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
