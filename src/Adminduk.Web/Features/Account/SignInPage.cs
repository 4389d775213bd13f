using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Account;

/// <summary>What the sign-in pages do with a <see cref="PasswordSignInResult"/>.</summary>
internal static class SignInPage
{
    public static IActionResult Complete(PageModel page, PasswordSignInResult result, string? returnUrl, string failedMessage, string lockedOutMessage)
    {
        var localReturnUrl = !string.IsNullOrEmpty(returnUrl) && page.Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        switch (result.Outcome)
        {
            case PasswordSignInOutcome.SignedIn:
                return page.LocalRedirect(localReturnUrl ?? result.Landing);
            case PasswordSignInOutcome.MustChangePassword:
                return page.RedirectToPage("/Account/ChangePassword", new { ReturnUrl = localReturnUrl });
            case PasswordSignInOutcome.LockedOut:
                page.ModelState.AddModelError(string.Empty, lockedOutMessage);
                return page.Page();
            default:
                page.ModelState.AddModelError(string.Empty, failedMessage);
                return page.Page();
        }
    }
}
