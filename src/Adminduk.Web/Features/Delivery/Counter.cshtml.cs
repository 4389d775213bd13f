using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Delivery;

/// <summary>
/// The pickup counter: staff type the citizen's pickup code or scan its QR code (a scanner types the QR text), check
/// the application and the masked name, and mark the documents handed over. Only the staff member's own office.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CounterModel(AdmindukDbContext db, DeliveryService deliveries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public Office? CurrentOffice { get; private set; }

    public CounterLookup? Found { get; private set; }

    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is null)
        {
            return NotFound();
        }

        if (!string.IsNullOrWhiteSpace(Code))
        {
            Searched = true;
            Found = await deliveries.FindByCodeAsync(CurrentOffice!.Id, Code, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var outcome = await deliveries.HandOverAsync(who, CurrentOffice!.Id, Code, ct);
        TempData["Counter.Outcome"] = outcome.ToString();
        return RedirectToPage(new { office = Office, code = outcome == HandOverOutcome.Done ? PickupCodes.Normalize(Code) : Code });
    }

    private async Task<StaffMember?> CallerAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        return CurrentOffice is null ? null : who;
    }
}
