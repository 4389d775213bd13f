using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Confirms an identity link with the code sent to the phone on record.</summary>
[Authorize(Policy = Policies.Citizen)]
[EnableRateLimiting(SignInRateLimit.PolicyName)]
public sealed class LinkCodeModel(UserManager<AppUser> users, IdentityLink link, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public CodeInputModel Input { get; set; } = new();

    /// <summary>The register phone the code went to, masked; null when no code is waiting.</summary>
    public string? MaskedPhone { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        MaskedPhone = await link.PendingLinkPhoneAsync(user, cancellationToken);
        return MaskedPhone is null ? RedirectToPage(CitizenPaths.Link) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        MaskedPhone = await link.PendingLinkPhoneAsync(user, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = CodeInput.Normalize(Input.Code);
        if (!OneTimeCodes.IsWellFormed(code))
        {
            ModelState.AddModelError("Input.Code", CodeMessages.Malformed(localizer));
            return Page();
        }

        var check = await link.ConfirmLinkAsync(user, code, cancellationToken);
        if (check.Valid)
        {
            return RedirectToPage(CitizenPaths.HomePage, new { Done = "linked" });
        }

        ModelState.AddModelError("Input.Code", CodeMessages.Refused(localizer, check));
        MaskedPhone = await link.PendingLinkPhoneAsync(user, cancellationToken);
        return Page();
    }
}
