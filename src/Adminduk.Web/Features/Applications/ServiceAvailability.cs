using System.Security.Claims;
using Adminduk.Domain.Population;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Applications;

public enum AvailabilityOutcome
{
    Done = 1,
    NotFound = 2,
    Forbidden = 3,
    MessageRequired = 4,
}

/// <summary>A supervisor suspends a service at their office with a message for citizens, or reopens it; audited.</summary>
public sealed class ServiceAvailability(AdmindukDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>Every catalogue service with its setting at the office (null: never changed, so open).</summary>
    public static async Task<IReadOnlyList<(ServiceDefinition Service, ServiceSetting? Setting)>> AtOfficeAsync(
        AdmindukDbContext db, Office? office, CancellationToken ct)
    {
        var settings = office is null
            ? []
            : await db.ServiceSettings.AsNoTracking().Where(s => s.OfficeId == office.Id).ToListAsync(ct);
        return [.. ServiceCatalog.Default.Services.Select(s => (s, settings.FirstOrDefault(x => x.ServiceCode == s.Code)))];
    }

    public async Task<AvailabilityOutcome> SetAsync(
        ClaimsPrincipal user, string officeCode, string serviceCode, bool open, string? message, string? messageEn, CancellationToken ct)
    {
        var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == officeCode, ct);
        if (office is null || ServiceCatalog.Default.Find(serviceCode) is null)
        {
            return AvailabilityOutcome.NotFound;
        }

        var actor = await db.Users.AsNoTracking().SingleAsync(u => u.Id == ApplicationApi.UserId(user), ct);
        if (!user.IsInRole(Roles.Administrator) && actor.OfficeId != office.Id)
        {
            return AvailabilityOutcome.Forbidden;
        }

        if (!open && string.IsNullOrWhiteSpace(message))
        {
            return AvailabilityOutcome.MessageRequired;
        }

        var setting = await db.ServiceSettings.FirstOrDefaultAsync(s => s.OfficeId == office.Id && s.ServiceCode == serviceCode, ct);
        if (setting is null)
        {
            setting = new ServiceSetting { OfficeId = office.Id, ServiceCode = serviceCode };
            db.ServiceSettings.Add(setting);
        }

        setting.IsOpen = open;
        setting.SuspensionMessage = open ? null : Limit(message, 500);
        setting.SuspensionMessageEn = open ? null : Limit(messageEn, 500);
        setting.UpdatedAt = time.GetUtcNow();
        setting.UpdatedByUserId = actor.Id;
        audit.Add(open ? "service.reopen" : "service.suspend", "service", $"{officeCode}/{serviceCode}", setting.SuspensionMessage);
        await db.SaveChangesAsync(ct);
        return AvailabilityOutcome.Done;
    }

    private static string? Limit(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : (s.Length <= max ? s : s[..max]).Trim();
}
