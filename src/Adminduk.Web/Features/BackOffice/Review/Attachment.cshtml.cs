using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.BackOffice.Review;

/// <summary>An attachment of the caller's current claim, as a download; every download is audited. Others: 404.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AttachmentModel(AdmindukDbContext db, ClaimQueue queue, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        if (who is null)
        {
            return Challenge();
        }

        var claim = await queue.CurrentClaimAsync(who, ct);
        if (claim is null)
        {
            return NotFound();
        }

        var attachment = await db.ApplicationAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == id && a.ApplicationId == claim.Id, ct);
        if (attachment is null)
        {
            return NotFound();
        }

        await audit.WriteAsync("attachment.download", "application", ClaimQueue.Id(claim),
            $"{claim.ReceiptNumber}; {attachment.Code}; {attachment.FileName}", cancellationToken: ct);
        // Always a download with the type the content was detected as, never rendered inline.
        return File(attachment.Content, AttachmentRules.ContentType(attachment.Kind), attachment.FileName);
    }
}
