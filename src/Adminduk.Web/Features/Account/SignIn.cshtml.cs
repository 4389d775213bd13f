using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Account;

/// <summary>Where the sign-in redirect lands: choose how to sign in.</summary>
[AllowAnonymous]
public sealed class SignInModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }
}
