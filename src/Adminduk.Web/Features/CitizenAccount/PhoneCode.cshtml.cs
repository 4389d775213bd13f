using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Records the new phone on the register once its code is entered.</summary>
[Authorize(Policy = Policies.Citizen)]
[EnableRateLimiting(SignInRateLimit.PolicyName)]
public sealed class PhoneCodeModel(UserManager<AppUser> users, IdentityLink link, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public CodeInputModel Input { get; set; } = new();

    public string? MaskedPhone { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        MaskedPhone = await link.PendingPhoneChangeAsync(user, cancellationToken);
        return MaskedPhone is null ? RedirectToPage(CitizenPaths.Phone) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        MaskedPhone = await link.PendingPhoneChangeAsync(user, cancellationToken);
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

        var check = await link.ConfirmPhoneChangeAsync(user, code, cancellationToken);
        if (check.Valid)
        {
            return RedirectToPage(CitizenPaths.HomePage, new { Done = "phone" });
        }

        ModelState.AddModelError("Input.Code", CodeMessages.Refused(localizer, check));
        MaskedPhone = await link.PendingPhoneChangeAsync(user, cancellationToken);
        return Page();
    }
}
