using System.ComponentModel.DataAnnotations;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Links the signed-in citizen with a register identity by NIK, KK number and birth date.</summary>
[Authorize(Policy = Policies.Citizen)]
[EnableRateLimiting(SignInRateLimit.PolicyName)]
public sealed class LinkModel(UserManager<AppUser> users, IdentityLink link) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public LinkStatus Status { get; private set; } = null!;

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

        var result = await link.LinkAsync(user, Input.Nik, Input.KkNumber, Input.BirthDate, CitizenAccountSetup.ClientIp(HttpContext), cancellationToken);
        switch (result.Outcome)
        {
            case LinkOutcome.Linked:
                return RedirectToPage(CitizenPaths.HomePage, new { Done = "linked" });
            case LinkOutcome.Provisional:
                return RedirectToPage(CitizenPaths.HomePage);
            case LinkOutcome.CodeSent:
                return RedirectToPage(CitizenPaths.LinkCode);
        }

        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(FieldKey(field), message);
            }
        }

        if (result.Message is not null)
        {
            ModelState.AddModelError(string.Empty, result.Message);
        }

        Status = await link.StatusAsync(user, cancellationToken);
        return Page();
    }

    private static string FieldKey(string field) => field switch
    {
        LinkFields.Nik => $"{nameof(Input)}.{nameof(InputModel.Nik)}",
        LinkFields.KkNumber => $"{nameof(Input)}.{nameof(InputModel.KkNumber)}",
        LinkFields.BirthDate => $"{nameof(Input)}.{nameof(InputModel.BirthDate)}",
        _ => string.Empty,
    };

    public sealed class InputModel
    {
        [Display(Name = "Field.Nik")]
        public string? Nik { get; set; }

        [Display(Name = "Field.KkNumber")]
        public string? KkNumber { get; set; }

        [Display(Name = "Field.BirthDate")]
        public string? BirthDate { get; set; }
    }
}
