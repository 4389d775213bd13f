using System.Security.Claims;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Documents;

/// <summary>Who may download a document: the citizen who applied for it, staff of the issuing office, administrators.</summary>
public static class DocumentAccess
{
    /// <summary>Citizens and staff; each download is then checked against the document (<see cref="MayDownloadAsync"/>).</summary>
    public const string DownloadPolicy = "DocumentDownload";

    public static async Task<bool> MayDownloadAsync(AdmindukDbContext db, ClaimsPrincipal user, int officeId, long? applicationId, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        if (user.IsInRole(Roles.Administrator))
        {
            return true;
        }

        if (user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Supervisor))
        {
            return await db.Users.AnyAsync(u => u.Id == userId && u.OfficeId == officeId, ct);
        }

        return user.IsInRole(Roles.Citizen) && applicationId is { } id
            && await db.Applications.AnyAsync(a => a.Id == id && a.ApplicantUserId == userId, ct);
    }
}
