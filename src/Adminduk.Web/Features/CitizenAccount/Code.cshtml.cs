using Adminduk.Domain.Numbers;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Citizen sign-in, step 2: the code sent to the phone. A new code can be requested here.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.PolicyName)]
public sealed class CodeModel(CitizenSignIn signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Phone { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public CodeInputModel Input { get; set; } = new();

    public string MaskedPhone { get; private set; } = "";

    public bool Resent { get; private set; }

    public IActionResult OnGet() => Normalized() is null ? RedirectToPage(CitizenPaths.SignIn, new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Normalized() is not { } phone)
        {
            return RedirectToPage(CitizenPaths.SignIn, new { ReturnUrl });
        }

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

        var result = await signIn.SignInAsync(phone, code, cancellationToken);
        switch (result.Outcome)
        {
            case CitizenSignInOutcome.SignedIn:
                return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : CitizenPaths.Home);
            case CitizenSignInOutcome.PasswordAccount:
                ModelState.AddModelError(string.Empty, localizer["CitizenSignIn.PasswordAccount"]);
                return Page();
            case CitizenSignInOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, localizer["CitizenSignIn.LockedOut"]);
                return Page();
            default:
                ModelState.AddModelError("Input.Code", CodeMessages.Refused(localizer, result.Check));
                return Page();
        }
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Normalized() is not { } phone)
        {
            return RedirectToPage(CitizenPaths.SignIn, new { ReturnUrl });
        }

        var sent = await signIn.SendCodeAsync(phone, CitizenAccountSetup.ClientIp(HttpContext), cancellationToken);
        if (sent.Sent)
        {
            Resent = true;
        }
        else
        {
            ModelState.AddModelError(string.Empty, CodeMessages.SendRefused(localizer, sent));
        }

        return Page();
    }

    /// <summary>The phone from the query or form as E.164, also setting <see cref="MaskedPhone"/>; null when unusable.</summary>
    private string? Normalized()
    {
        var parsed = PhoneNumber.Parse(Phone);
        if (!parsed.Valid)
        {
            return null;
        }

        Phone = parsed.E164;
        MaskedPhone = ContactMask.Mask(parsed.E164!);
        return parsed.E164;
    }
}
