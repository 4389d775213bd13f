using System.Security.Claims;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Delivery;

/// <summary>
/// The citizen's page for an approved application's documents: choose pickup at the zone's service point or courier
/// delivery (with the office's fee, if any), then follow it: pickup code and QR, or the courier's status.
/// </summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class ChooseModel(DeliveryService deliveries, IStringLocalizer<NotificationPages> text) : PageModel
{
    [BindProperty]
    public DeliveryMethod Method { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    public DeliveryView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string receipt, CancellationToken ct)
    {
        if (await deliveries.ForCitizenAsync(UserId(), receipt, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Address = view.SuggestedAddress;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string receipt, CancellationToken ct)
    {
        var outcome = await deliveries.ChooseAsync(UserId(), receipt, Method, Address, ct);
        if (outcome == ChoiceOutcome.NotFound || await deliveries.ForCitizenAsync(UserId(), receipt, ct) is not { } view)
        {
            return NotFound();
        }

        if (outcome == ChoiceOutcome.Done)
        {
            return RedirectToPage(new { receipt });
        }

        View = view;
        ModelState.AddModelError(outcome == ChoiceOutcome.AddressRequired ? nameof(Address) : nameof(Method), text["Delivery.Choice." + outcome]);
        return Page();
    }

    private Guid UserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
