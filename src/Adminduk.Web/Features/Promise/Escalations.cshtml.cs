using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Promise;

/// <summary>
/// The supervisor's escalation list: undecided applications close to or past the office's promise. For visibility only:
/// nothing here changes the queue order.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class EscalationsModel(AdmindukDbContext db, PromiseWatch watch) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    public Office? CurrentOffice { get; private set; }

    public IReadOnlyList<EscalationRow> Rows { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (CurrentOffice is null)
        {
            return NotFound();
        }

        Zone = TimeZoneInfo.TryFindSystemTimeZoneById(CurrentOffice.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
        Rows = await watch.EscalationsAsync(CurrentOffice, ct);
        return Page();
    }
}
