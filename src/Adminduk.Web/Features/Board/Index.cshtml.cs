using Adminduk.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Board;

/// <summary>The public board of one office (for the screen in the waiting room and for citizens): no sign-in.</summary>
[AllowAnonymous]
public sealed class IndexModel(AdmindukDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Seconds between reloads (meta refresh: works without JavaScript).</summary>
    public const int RefreshSeconds = 30;

    public BoardSnapshot Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string officeCode, CancellationToken ct)
    {
        if (await BoardQuery.ForAsync(db, officeCode.ToUpperInvariant(), clock.GetUtcNow(), ct) is not { } board)
        {
            return NotFound();
        }

        Board = board;
        return Page();
    }
}
