using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Complaints;

/// <summary>
/// The complaints desk for staff: open tickets oldest first; "take next" gives the oldest one nobody holds (never a
/// chosen one), which the staff member answers and closes.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DeskModel(AdmindukDbContext db, ComplaintDesk desk, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty]
    public long ComplaintId { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public Office? CurrentOffice { get; private set; }

    public IReadOnlyList<Complaint> Open { get; private set; } = [];

    /// <summary>The ticket the caller holds, with its context.</summary>
    public Complaint? Current { get; private set; }

    public string? CurrentReceipt { get; private set; }

    public string? CurrentName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        await LoadAsync(who, takeNext: false, ct);
        return Page();
    }

    /// <summary>A post without a handler name (nothing this page's forms send) goes back to the page.</summary>
    public IActionResult OnPost() => RedirectToPage(new { office = Office });

    public async Task<IActionResult> OnPostTakeAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        await LoadAsync(who, takeNext: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var done = await desk.AnswerAsync(who with { OfficeId = CurrentOffice!.Id }, ComplaintId, Answer, ct);
        TempData["Desk.Outcome"] = done ? "Answered" : "NotAnswered";
        return RedirectToPage(new { office = Office });
    }

    private async Task LoadAsync(StaffMember who, bool takeNext, CancellationToken ct)
    {
        var office = CurrentOffice!;
        Open = await desk.OpenAsync(office.Id, ct);
        var now = time.GetUtcNow();
        Current = takeNext
            ? await desk.TakeNextAsync(who, office.Id, ct)
            : Open.FirstOrDefault(c => c.ClaimedByUserId == who.UserId && c.ClaimExpiresAt is not null && c.ClaimExpiresAt > now);
        if (takeNext)
        {
            Open = await desk.OpenAsync(office.Id, ct);
        }

        if (Current is not null)
        {
            CurrentReceipt = Current.ApplicationId is long id
                ? await db.Applications.Where(a => a.Id == id).Select(a => a.ReceiptNumber).FirstOrDefaultAsync(ct)
                : null;
            var name = await db.Users.Where(u => u.Id == Current.UserId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
            CurrentName = name is null ? null : Delivery.DeliveryService.MaskName(name);
        }
    }

    private async Task<StaffMember?> CallerAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        return CurrentOffice is null ? null : who;
    }
}
