using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Home;

/// <summary>The public front page: what the service does and where each kind of user signs in.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
