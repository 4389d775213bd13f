using Adminduk.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.BackOffice.RtHeads;

/// <summary>The office a supervisor works on (administrators choose one with ?office=CODE), shared by the RT-head pages.</summary>
public abstract class RtHeadPageBase(AdmindukDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    public Office? CurrentOffice { get; private set; }

    protected AdmindukDbContext Db => db;

    protected async Task<StaffMember?> CallerAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (CurrentOffice is null)
        {
            return null;
        }

        ViewData["OfficeCode"] = who!.OfficeId is null ? CurrentOffice.Code : null;
        return who;
    }
}
