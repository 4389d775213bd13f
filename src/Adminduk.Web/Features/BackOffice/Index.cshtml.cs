using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Board;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.BackOffice;

/// <summary>
/// The operator's start page: today's batch of their office, their skills and one button, "take next". There is no
/// list to pick from: take-next is the only way to an application.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AdmindukDbContext db, ClaimQueue queue, TimeProvider clock) : PageModel
{
    public const string MessageKey = "BackOffice.Message";

    public Office? Office { get; private set; }

    public BoardSnapshot? Board { get; private set; }

    public Application? CurrentClaim { get; private set; }

    public int WaitingForMe { get; private set; }

    public IReadOnlyList<ServiceDefinition> Skills { get; private set; } = [];

    public IReadOnlyList<Office> Offices { get; private set; } = [];

    /// <summary>Staff of the office take from its queue; an administrator looking in from outside does not.</summary>
    public bool CanTake { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? office, CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        if (who is null)
        {
            return Challenge();
        }

        Office = await who.OfficeAsync(db, office, ct);
        if (Office is null)
        {
            if (who.OfficeId is not null)
            {
                return NotFound();
            }

            // An administrator without an office chooses one to look at.
            Offices = await db.Offices.AsNoTracking().OrderBy(o => o.Code).ToListAsync(ct);
            return Page();
        }

        ViewData["OfficeCode"] = who.OfficeId is null ? Office.Code : null;
        Board = await BoardQuery.ForAsync(db, Office.Code, clock.GetUtcNow(), ct);
        CanTake = who.OfficeId is not null;
        if (CanTake)
        {
            CurrentClaim = await queue.CurrentClaimAsync(who, ct);
            var skillCodes = await db.OperatorSkills.AsNoTracking().Where(s => s.UserId == who.UserId).Select(s => s.ServiceCode).ToListAsync(ct);
            Skills = [.. skillCodes.Select(ServiceCatalog.Default.Find).OfType<ServiceDefinition>()];
            var waiting = db.Applications.Where(a => a.OfficeId == Office.Id && a.Status == ApplicationStatus.Queued);
            if (skillCodes.Count > 0)
            {
                waiting = waiting.Where(a => skillCodes.Contains(a.ServiceCode));
            }

            WaitingForMe = await waiting.CountAsync(ct);
        }

        return Page();
    }

    /// <summary>A post without a handler name (nothing this page's forms send) goes back to the page.</summary>
    public IActionResult OnPost() => RedirectToPage();

    /// <summary>Take next: the caller's unfinished claim again, or the oldest application they may take.</summary>
    public async Task<IActionResult> OnPostTakeNextAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        if (who is null)
        {
            return Challenge();
        }

        if (who.OfficeId is null)
        {
            TempData[MessageKey] = "BackOffice.NoOffice";
            return RedirectToPage();
        }

        var taken = await queue.TakeNextAsync(who, ct);
        if (taken.Application is null)
        {
            TempData[MessageKey] = "BackOffice.QueueEmpty";
            return RedirectToPage();
        }

        if (taken.Resumed)
        {
            TempData[MessageKey] = "BackOffice.Resumed";
        }

        return RedirectToPage("/BackOffice/Review/Index");
    }
}
