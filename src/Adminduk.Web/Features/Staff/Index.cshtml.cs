using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Staff;

/// <summary>Staff start page: who is signed in, in which role and office.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(UserManager<AppUser> users, AdmindukDbContext db) : PageModel
{
    public string FullName { get; private set; } = "";

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    /// <summary>Null for administrators, who work across offices.</summary>
    public string? OfficeName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        FullName = user.FullName.Length > 0 ? user.FullName : user.UserName ?? "";
        var roles = await users.GetRolesAsync(user);
        RoleNames = [.. Roles.All.Where(roles.Contains)];
        if (user.OfficeId is int officeId)
        {
            OfficeName = await db.Offices.Where(o => o.Id == officeId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        }

        return Page();
    }
}
