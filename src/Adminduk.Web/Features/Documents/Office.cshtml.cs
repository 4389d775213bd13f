using Adminduk.Domain.Documents;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Documents;

public sealed record IssuedDocumentRow(
    long Id, DocumentKind Kind, string Number, string SubjectName, string? Receipt, string OfficeCode, DateOnly IssuedOn, string IssuedBy, DateTimeOffset? SupersededAt);

/// <summary>
/// The documents the staff member's office issued, newest first, searchable by application receipt or document
/// number; administrators see every office's. Downloads go through the audited download endpoint.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OfficeModel(AdmindukDbContext db) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<IssuedDocumentRow> Documents { get; private set; } = [];

    public bool AllOffices { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        if (who is null)
        {
            return Challenge();
        }

        var documents = db.Documents.AsNoTracking();
        if (who.OfficeId is int office)
        {
            documents = documents.Where(d => d.OfficeId == office);
        }
        else if (!who.IsAdministrator)
        {
            return Forbid();
        }

        AllOffices = who.OfficeId is null;
        var q = Query?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(q))
        {
            documents = documents.Where(d => d.Number == q || db.Applications.Any(a => a.Id == d.ApplicationId && a.ReceiptNumber == q));
        }

        Documents = await documents
            .OrderByDescending(d => d.Id)
            .Take(PageSize)
            .Select(d => new IssuedDocumentRow(d.Id, d.Kind, d.Number, d.SubjectName,
                db.Applications.Where(a => a.Id == d.ApplicationId).Select(a => a.ReceiptNumber).FirstOrDefault(),
                d.Office!.Code, d.IssuedOn, d.IssuedByName, d.SupersededAt))
            .ToListAsync(ct);
        return Page();
    }
}
