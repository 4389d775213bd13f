using Adminduk.Domain.Documents;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Documents;

/// <summary>
/// Issues the approved service's documents inside the approval's transaction, after the register effects (it is
/// registered after them), and tells the citizen they are ready. If a document cannot be made, the approval fails.
/// </summary>
public sealed class DocumentApprovalStep(DocumentIssuer issuer, Outbox outbox) : IApprovalStep
{
    public async Task HandOverAsync(ApprovalHandover handover, CancellationToken ct)
    {
        var application = handover.Application;
        var service = ServiceCatalog.Default.Find(application.ServiceCode)
            ?? throw new InvalidOperationException($"Service '{application.ServiceCode}' is not in the catalogue.");
        if (service.DocumentsFor(DocumentSources.FormOf(application)).Count == 0)
        {
            return;
        }

        // The register effects' changes (new residents, moved members, events) are saved inside the approval's
        // transaction first, so the documents read the register as the approval leaves it.
        await handover.Db.SaveChangesAsync(ct);
        var officer = new DocumentOfficer(handover.Operator.UserId, handover.Operator.DisplayName);
        var issued = await issuer.IssueForApprovalAsync(handover.Db, application, officer, ct);
        foreach (var document in issued)
        {
            handover.Db.ApplicationHistory.Add(new ApplicationHistoryEntry
            {
                ApplicationId = application.Id,
                At = handover.At,
                FromStatus = application.Status,
                ToStatus = application.Status,
                ActorUserId = handover.Operator.UserId,
                ActorName = handover.Operator.DisplayName,
                Note = DocumentText.Get("History.Issued", DocumentText.KindName(document.Kind), document.Number),
            });
        }

        await NotifyAsync(handover.Db, application, issued, ct);
    }

    private async Task NotifyAsync(AdmindukDbContext db, Application application, IReadOnlyList<Document> issued, CancellationToken ct)
    {
        var applicant = await db.Users.AsNoTracking()
            .Where(u => u.Id == application.ApplicantUserId)
            .Select(u => new { u.PhoneNumber, u.Email })
            .FirstOrDefaultAsync(ct);
        // Assisted walk-ins are entered under the operator's account: they receive their documents at the counter.
        var recipient = applicant?.PhoneNumber ?? applicant?.Email;
        if (recipient is null || application.IsAssisted || issued.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", issued.Select(d => $"{DocumentText.KindName(d.Kind)} {d.Number}"));
        outbox.Add(recipient, "documents-ready", new Dictionary<string, string>
        {
            ["receipt"] = application.ReceiptNumber ?? "",
            ["documents"] = names,
        }, application.Id);
    }
}
