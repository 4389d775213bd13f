using System.ComponentModel.DataAnnotations;
using Adminduk.Domain.Population;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Account;

/// <summary>Operators, supervisors and administrators sign in with user name and password.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInRateLimit.PolicyName)]
public sealed class SignInStaffModel(PasswordSignIn signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly string[] StaffRoles = [Roles.Operator, Roles.Supervisor, Roles.Administrator];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.SignInAsync(Input.UserName.Trim(), Input.Password, StaffRoles, cancellationToken);
        return SignInPage.Complete(this, result, ReturnUrl,
            localizer["SignInStaff.Failed"],
            localizer["SignIn.LockedOut", (int)AccountSetup.LockoutDuration.TotalMinutes]);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.UserName")]
        [StringLength(256, ErrorMessage = "Validation.TooLong")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Password")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
