using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Account;

/// <summary>Sign-out is a POST (with the antiforgery token); GET only shows the button. Harmless when signed out.</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AppUser> signInManager, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var actor = AuditLog.ActorOf(User);
            await audit.WriteAsync(AccountAuditActions.SignedOut, "user", actor.Id?.ToString(), cancellationToken: cancellationToken);
            await signInManager.SignOutAsync();
        }

        return LocalRedirect("/");
    }
}
