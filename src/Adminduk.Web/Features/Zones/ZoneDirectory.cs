using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Zones;

/// <summary>A service zone (UPTD) as messages and in-person steps need it.</summary>
public sealed record ZoneInfo(
    int ZoneId, int OfficeId, string Name, string? WhatsAppNumber, string? WhatsAppPhoneNumberId, int ServicePointId, string PointName, string PointAddress);

/// <summary>The place a person is served in person: their zone's service point, else the office's main office.</summary>
public sealed record ServicePlace(int ServicePointId, string Name, string Address, int? ZoneId);

/// <summary>
/// Finds a resident's service zone from the kelurahan they live in. Other features (in-person steps, appointments)
/// use <see cref="PlaceForResidentAsync"/> to invite people to their zone's service point.
/// </summary>
public static class ZoneDirectory
{
    public static async Task<ZoneInfo?> ForResidentAsync(AdmindukDbContext db, int? officeId, int? residentId, CancellationToken ct)
    {
        if (residentId is not int id)
        {
            return null;
        }

        var village = await db.Residents.AsNoTracking().Where(r => r.Id == id).Select(r => r.RtUnit!.VillageCode).FirstOrDefaultAsync(ct);
        return village is null ? null : await ForVillageAsync(db, officeId, village, ct);
    }

    /// <summary>The zone a kelurahan belongs to, in the given office (or any office when null).</summary>
    public static Task<ZoneInfo?> ForVillageAsync(AdmindukDbContext db, int? officeId, string villageCode, CancellationToken ct) =>
        (from v in db.Set<ZoneVillage>().AsNoTracking()
         join z in db.Set<ServiceZone>() on v.ZoneId equals z.Id
         join p in db.ServicePoints on z.ServicePointId equals p.Id
         where v.VillageCode == villageCode && (officeId == null || v.OfficeId == officeId)
         orderby v.OfficeId
         select new ZoneInfo(z.Id, z.OfficeId, z.Name, z.WhatsAppNumber, z.WhatsAppPhoneNumberId, p.Id, p.Name, p.Address))
        .FirstOrDefaultAsync(ct);

    /// <summary>Where the resident is invited for in-person steps and pickup: the zone's point, else the office's main point.</summary>
    public static async Task<ServicePlace?> PlaceForResidentAsync(AdmindukDbContext db, int officeId, int? residentId, CancellationToken ct)
    {
        if (await ForResidentAsync(db, officeId, residentId, ct) is { } zone)
        {
            return new ServicePlace(zone.ServicePointId, zone.PointName, zone.PointAddress, zone.ZoneId);
        }

        return await db.ServicePoints.AsNoTracking()
            .Where(p => p.OfficeId == officeId)
            .OrderBy(p => p.Kind == ServicePointKind.MainOffice ? 0 : 1)
            .ThenBy(p => p.Id)
            .Select(p => new ServicePlace(p.Id, p.Name, p.Address, null))
            .FirstOrDefaultAsync(ct);
    }
}
