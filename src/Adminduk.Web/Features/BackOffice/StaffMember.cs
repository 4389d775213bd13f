using System.Security.Claims;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.BackOffice;

/// <summary>A signed-in staff member as the back office needs them: who, which office, which role.</summary>
public sealed record StaffMember(Guid UserId, string UserName, string FullName, int? OfficeId, bool IsSupervisor, bool IsAdministrator)
{
    public AuditActor Actor => new(UserId, UserName);

    /// <summary>The name written into application history.</summary>
    public string DisplayName => FullName.Length > 0 ? FullName : UserName;

    /// <summary>Supervisors and administrators oversee an office.</summary>
    public bool Oversees => IsSupervisor || IsAdministrator;

    public static async Task<StaffMember?> ForAsync(ClaimsPrincipal principal, AdmindukDbContext db, CancellationToken ct)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.UserName, u.FullName, u.OfficeId })
            .FirstOrDefaultAsync(ct);
        return user is null
            ? null
            : new StaffMember(id, user.UserName ?? "", user.FullName, user.OfficeId,
                principal.IsInRole(Roles.Supervisor), principal.IsInRole(Roles.Administrator));
    }

    /// <summary>
    /// The office a page works on. Staff always work on their own office (another office's code finds nothing);
    /// administrators without an office pick one by code.
    /// </summary>
    public async Task<Office?> OfficeAsync(AdmindukDbContext db, string? requestedCode, CancellationToken ct)
    {
        if (OfficeId is int own)
        {
            var office = await db.Offices.FirstOrDefaultAsync(o => o.Id == own, ct);
            return office is not null && (string.IsNullOrEmpty(requestedCode) || office.Code == requestedCode) ? office : null;
        }

        return IsAdministrator && !string.IsNullOrEmpty(requestedCode)
            ? await db.Offices.FirstOrDefaultAsync(o => o.Code == requestedCode, ct)
            : null;
    }
}
