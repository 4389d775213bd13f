using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Adminduk.Domain.Numbers;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Citizens sign in with a phone number: step 1, the number; a code goes out through the outbox.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.PolicyName)]
public sealed class SignInModel(CitizenSignIn signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when this number may not get another code yet: it may still hold a valid one.</summary>
    public string? LimitedPhone { get; private set; }

    public void OnGet(string? phone)
    {
        Input.Phone = phone ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var parsed = PhoneNumber.Parse(Input.Phone);
        if (!parsed.Valid)
        {
            var culture = NumberMessages.CultureFor(CultureInfo.CurrentUICulture.Name);
            foreach (var error in parsed.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Phone)}", error.MessageIn(culture));
            }

            return Page();
        }

        var sent = await signIn.SendCodeAsync(parsed.E164!, CitizenAccountSetup.ClientIp(HttpContext), cancellationToken);
        if (!sent.Sent)
        {
            ModelState.AddModelError(string.Empty, CodeMessages.SendRefused(localizer, sent));
            LimitedPhone = sent.Outcome == CodeSendOutcome.NumberLimited ? parsed.E164 : null;
            return Page();
        }

        return RedirectToPage(CitizenPaths.Code, new { Phone = parsed.E164, ReturnUrl });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Phone")]
        [StringLength(32, ErrorMessage = "Validation.TooLong")]
        public string Phone { get; set; } = "";
    }
}
