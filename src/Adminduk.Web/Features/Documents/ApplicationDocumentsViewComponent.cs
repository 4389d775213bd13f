using Adminduk.Domain.Documents;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Documents;

public sealed record DocumentLink(long Id, DocumentKind Kind, string Number, DateOnly IssuedOn, DateTimeOffset? SupersededAt);

/// <summary>The documents issued for the signed-in citizen's application, with download links (on the application page).</summary>
public sealed class ApplicationDocumentsViewComponent(AdmindukDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string receipt)
    {
        var userId = ApplicationApi.UserId(UserClaimsPrincipal);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => db.Applications.Any(a => a.Id == d.ApplicationId && a.ReceiptNumber == receipt && a.ApplicantUserId == userId))
            .OrderBy(d => d.Id)
            .Select(d => new DocumentLink(d.Id, d.Kind, d.Number, d.IssuedOn, d.SupersededAt))
            .ToListAsync(HttpContext.RequestAborted);
        return View("/Features/Documents/_ApplicationDocuments.cshtml", documents);
    }
}
