using System.Security.Claims;
using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Complaints;

/// <summary>The citizen's complaints: file a ticket about an application or their own data, and read the answers.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class MineModel(AdmindukDbContext db, ComplaintDesk desk, IStringLocalizer<NotificationPages> text) : PageModel
{
    [BindProperty]
    public ComplaintTopic Topic { get; set; } = ComplaintTopic.Application;

    [BindProperty(SupportsGet = true)]
    public string? Receipt { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<Complaint> Complaints { get; private set; } = [];

    public IReadOnlyList<(string Receipt, ApplicationStatus Status)> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, complaint) = await desk.FileAsync(UserId(), Topic, Receipt, Text, ct);
        if (outcome == FileOutcome.Done)
        {
            TempData["Complaints.Filed"] = ComplaintDesk.TicketNumber(complaint!.Id);
            return RedirectToPage();
        }

        ModelState.AddModelError(outcome == FileOutcome.TextRequired ? nameof(Text) : nameof(Receipt), text["Complaints.Outcome." + outcome, ComplaintDesk.MaxTextLength]);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = UserId();
        Complaints = await desk.MineAsync(userId, ct);
        var apps = await db.Applications.AsNoTracking()
            .Where(a => a.ApplicantUserId == userId && a.ReceiptNumber != null)
            .OrderByDescending(a => a.Id).Take(50)
            .Select(a => new { a.ReceiptNumber, a.Status }).ToListAsync(ct);
        Applications = [.. apps.Select(a => (a.ReceiptNumber!, a.Status))];
    }

    private Guid UserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
