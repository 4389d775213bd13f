using System.Globalization;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Rt;

/// <summary>RT head start page: the RT the account is responsible for.</summary>
[Authorize(Policy = Policies.RtHead)]
public sealed class IndexModel(UserManager<AppUser> users, AdmindukDbContext db) : PageModel
{
    public string FullName { get; private set; } = "";

    public RtArea? Area { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        FullName = user.FullName.Length > 0 ? user.FullName : user.UserName ?? "";
        if (user.RtUnitId is not int unitId
            || await db.RtUnits.FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken) is not { } unit)
        {
            return Page();
        }

        var districtCode = RegionCode.ParentOf(unit.VillageCode) ?? "";
        var names = await db.Regions
            .Where(r => r.Code == unit.VillageCode || r.Code == districtCode)
            .ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        Area = new RtArea(
            Rt: unit.Rt.ToString("D3", CultureInfo.InvariantCulture),
            Rw: unit.Rw.ToString("D3", CultureInfo.InvariantCulture),
            VillageName: names.GetValueOrDefault(unit.VillageCode, unit.VillageCode),
            DistrictName: names.GetValueOrDefault(districtCode, districtCode),
            Households: await db.Households.CountAsync(h => h.RtUnitId == unitId, cancellationToken),
            Residents: await db.Residents.CountAsync(r => r.RtUnitId == unitId && r.Status == ResidentStatus.Alive, cancellationToken));
        return Page();
    }

    public sealed record RtArea(string Rt, string Rw, string VillageName, string DistrictName, int Households, int Residents);
}
