using System.ComponentModel.DataAnnotations;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Changes the phone on record (the register's, not the sign-in number): a code goes to the new phone first.</summary>
[Authorize(Policy = Policies.Citizen)]
[EnableRateLimiting(SignInRateLimit.PolicyName)]
public sealed class PhoneModel(UserManager<AppUser> users, IdentityLink link) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public LinkStatus Status { get; private set; } = null!;

    public bool CanChange => Status.Linked && !Status.Provisional;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Status = await link.StatusAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        Status = await link.StatusAsync(user, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await link.RequestPhoneChangeAsync(user, Input.Phone, CitizenAccountSetup.ClientIp(HttpContext), cancellationToken);
        if (result.Outcome == LinkOutcome.CodeSent)
        {
            return RedirectToPage(CitizenPaths.PhoneCode);
        }

        foreach (var message in result.Errors.SelectMany(e => e.Value))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Phone)}", message);
        }

        if (result.Message is not null)
        {
            ModelState.AddModelError(string.Empty, result.Message);
        }

        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.NewPhone")]
        [StringLength(32, ErrorMessage = "Validation.TooLong")]
        public string Phone { get; set; } = "";
    }
}
