using System.ComponentModel.DataAnnotations;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Account;

/// <summary>
/// Any signed-in account changes its password here, including one that must do so before anything else
/// (hence <see cref="Policies.AccountOwner"/>, the one policy that lets such an account in).
/// </summary>
[Authorize(Policy = Policies.AccountOwner)]
public sealed class ChangePasswordModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    AuditLog audit,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Required => User.HasClaim(c => c.Type == AdmindukClaimTypes.MustChangePassword);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.ConfirmPassword)}", localizer["ChangePassword.Mismatch"]);
        }

        if (ModelState.IsValid && Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.NewPassword)}", localizer["ChangePassword.SameAsOld"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            // The account was removed while its cookie lived on.
            await signInManager.SignOutAsync();
            return RedirectToPage("/Account/SignIn");
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return Page();
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }

        await signInManager.RefreshSignInAsync(user);
        await audit.WriteAsync(AccountAuditActions.PasswordChanged, "user", user.Id.ToString(), cancellationToken: cancellationToken);

        var landing = AccountPaths.HomeFor(await users.GetRolesAsync(user));
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : landing);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.CurrentPassword")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.NewPassword")]
        [DataType(DataType.Password)]
        [StringLength(128, ErrorMessage = "Validation.TooLong")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.ConfirmPassword")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
