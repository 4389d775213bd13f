using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>The citizen's account: the phone signed in with and the register identity linked (or not yet).</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class IndexModel(UserManager<AppUser> users, IdentityLink link) : PageModel
{
    /// <summary>What just happened, from the redirect: linked, provisional, phone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

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
}
