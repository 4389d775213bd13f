using System.Security.Claims;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Rt;

/// <summary>Marker for the RT pages' texts (Resources/Features/Rt/RtTexts.resx, .en.resx).</summary>
public sealed class RtTexts;

/// <summary>Audit actions of the RT pages and API: every read of an RT's data is recorded.</summary>
public static class RtAuditActions
{
    public const string DashboardRead = "rt.dashboard.read";
    public const string ResidentsRead = "rt.residents.read";
    public const string ResidentRead = "rt.resident.read";
    public const string ResidentsExport = "rt.residents.export";
    public const string SubjectRt = "RtUnit";
    public const string SubjectResident = "Resident";
}

/// <summary>
/// The RT an RT head may see: the one on their account, read from the main database on every request (not from the
/// cookie or a replica), so a head who is replaced loses access at once.
/// </summary>
public static class RtAccess
{
    public static async Task<int?> OwnRtAsync(ClaimsPrincipal user, AdmindukDbContext db, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        return await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.RtUnitId).FirstOrDefaultAsync(ct);
    }
}
