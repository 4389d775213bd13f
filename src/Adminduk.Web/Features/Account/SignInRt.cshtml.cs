using System.ComponentModel.DataAnnotations;
using Adminduk.Domain.Population;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Account;

/// <summary>RT heads sign in with their phone number (their user name, stored as E.164) and password.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.PolicyName)]
public sealed class SignInRtModel(PasswordSignIn signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly string[] RtRoles = [Roles.RtHead];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var phone = Domain.Numbers.PhoneNumber.Parse(Input.Phone) is { Valid: true, IsIndonesian: true } parsed ? parsed.E164 : null;
        if (ModelState.IsValid && phone is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Phone)}", localizer["SignInRt.InvalidPhone"]);
        }

        if (!ModelState.IsValid || phone is null)
        {
            return Page();
        }

        var result = await signIn.SignInAsync(phone, Input.Password, RtRoles, cancellationToken);
        return SignInPage.Complete(this, result, ReturnUrl,
            localizer["SignInRt.Failed"],
            localizer["SignIn.LockedOut", (int)AccountSetup.LockoutDuration.TotalMinutes]);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Phone")]
        [StringLength(32, ErrorMessage = "Validation.TooLong")]
        public string Phone { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Password")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
