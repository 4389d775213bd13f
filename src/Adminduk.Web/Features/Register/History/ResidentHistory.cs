using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register.History;

/// <summary>What the register said about a resident at a moment, from the versions or the current row.</summary>
public static class ResidentHistory
{
    /// <summary>
    /// The resident's data as the register held it at <paramref name="at"/>, or null when the register did not know
    /// them yet. A resident never changed since being written in bulk has no version: the current row counts as valid
    /// since <see cref="Resident.CreatedAt"/>.
    /// </summary>
    public static async Task<ResidentVersion?> AsOfAsync(AdmindukDbContext db, int residentId, DateTimeOffset at, CancellationToken ct = default)
    {
        var utc = at.ToUniversalTime();
        var versions = db.Set<ResidentVersion>().AsNoTracking().Where(v => v.ResidentId == residentId);
        var version = await versions
            .Where(v => v.ValidFrom <= utc && (v.ValidTo == null || v.ValidTo > utc))
            .OrderByDescending(v => v.ValidFrom)
            .ThenByDescending(v => v.Id)
            .FirstOrDefaultAsync(ct);
        if (version is not null || await versions.AnyAsync(ct))
        {
            return version;
        }

        var current = await CurrentAsync(db, residentId, ct);
        return current is not null && current.ValidFrom <= utc ? current : null;
    }

    /// <summary>Every version of the resident, oldest first (the current row alone when none was written).</summary>
    public static async Task<IReadOnlyList<ResidentVersion>> TimelineAsync(AdmindukDbContext db, int residentId, CancellationToken ct = default)
    {
        var versions = await db.Set<ResidentVersion>().AsNoTracking()
            .Where(v => v.ResidentId == residentId)
            .OrderBy(v => v.ValidFrom)
            .ThenBy(v => v.Id)
            .ToListAsync(ct);
        if (versions.Count > 0)
        {
            return versions;
        }

        return await CurrentAsync(db, residentId, ct) is { } current ? [current] : [];
    }

    private static async Task<ResidentVersion?> CurrentAsync(AdmindukDbContext db, int residentId, CancellationToken ct)
    {
        var row = await db.Residents.AsNoTracking()
            .Where(r => r.Id == residentId)
            .Select(r => new { Resident = r, Household = r.Household == null ? null : new { r.Household.KkNumber, r.Household.Address } })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var r = row.Resident;
        return new ResidentVersion
        {
            ResidentId = r.Id,
            ValidFrom = r.CreatedAt.ToUniversalTime(),
            Nik = r.Nik,
            FullName = r.FullName,
            Sex = r.Sex,
            BirthPlace = r.BirthPlace,
            BirthDate = r.BirthDate,
            Religion = r.Religion,
            MaritalStatus = r.MaritalStatus,
            Education = r.Education,
            Occupation = r.Occupation,
            Citizenship = r.Citizenship,
            Status = r.Status,
            DeceasedOn = r.DeceasedOn,
            MovedOutOn = r.MovedOutOn,
            MovedToRegionCode = r.MovedToRegionCode,
            HouseholdId = r.HouseholdId,
            KkNumber = row.Household?.KkNumber,
            Address = row.Household?.Address,
            RelationshipToHead = r.RelationshipToHead,
            RtUnitId = r.RtUnitId,
        };
    }
}
