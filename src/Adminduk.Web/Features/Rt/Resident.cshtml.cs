using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Rt;

/// <summary>One resident of the RT head's own RT with their household; anyone else's id is "not found".</summary>
[Authorize(Policy = Policies.RtHead)]
public sealed class ResidentModel(AdmindukDbContext db, ReadOnlyDatabase reader, AuditLog audit, TimeProvider clock) : PageModel
{
    public RtArea Area { get; private set; } = null!;

    public ResidentDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await RtAccess.OwnRtAsync(User, db, ct) is not int unitId)
        {
            return NotFound();
        }

        await using (var read = reader.CreateContext())
        {
            if (await RtDashboardQuery.AreaAsync(read, unitId, clock.GetUtcNow(), ct) is not { } area
                || await RtResidentQuery.DetailAsync(read, unitId, id, area.Today, ct) is not { } detail)
            {
                return NotFound();
            }

            Area = area;
            Detail = detail;
        }

        await audit.WriteAsync(RtAuditActions.ResidentRead, RtAuditActions.SubjectResident, id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"rt={unitId}"), cancellationToken: ct);
        return Page();
    }
}
