using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Ektp;

/// <summary>Staff pages of the e-KTP feature work on the member's own office (administrators pick one with ?office=CODE).</summary>
public abstract class EktpStaffPage(AdmindukDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    public Office CurrentOffice { get; private set; } = null!;

    /// <summary>False when no handler loaded the office (an unknown handler name): the view then renders nothing.</summary>
    public bool Loaded { get; private set; }

    public StaffMember Staff { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    protected AdmindukDbContext Db => db;

    /// <summary>False when the caller has no office to work on (the page answers 404).</summary>
    protected async Task<bool> LoadOfficeAsync(CancellationToken ct)
    {
        if (await StaffMember.ForAsync(User, db, ct) is not { } staff || await staff.OfficeAsync(db, Office, ct) is not { } office)
        {
            return false;
        }

        Staff = staff;
        CurrentOffice = office;
        Loaded = true;
        ViewData["OfficeCode"] = staff.OfficeId is null ? office.Code : null;
        Office = staff.OfficeId is null ? office.Code : null;
        return true;
    }

    /// <summary>Staff who act on an office's data must belong to it: an administrator picking an office acts as that office.</summary>
    protected StaffMember Acting => Staff with { OfficeId = CurrentOffice.Id };
}
