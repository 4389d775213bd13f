using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.BackOffice.RtHeads;

public enum RtSplitOutcome
{
    Done = 1,
    SourceUnknown = 2,
    NumberInvalid = 3,
    AlreadyExists = 4,
    NoHouseholds = 5,
}

/// <summary>A household of the RT being split, as the office picks them.</summary>
public sealed record SplitHousehold(int Id, string KkNumber, string Address, string? HeadName, int Members);

/// <summary>
/// A new RT (a split, pemekaran RT) created by the office in the same kelurahan, with the chosen households and their
/// members moved to it in one transaction. Not a population event: nobody moved house, the boundary did. Each moved
/// resident's history records the new RT.
/// </summary>
public sealed class RtSplit(AdmindukDbContext db, AuditLog audit)
{
    public async Task<RtUnit?> SourceAsync(Office office, string? code, CancellationToken ct)
    {
        if (RtCode.Parse(code) is not { } rt || !rt.VillageCode.StartsWith(office.RegencyCode + ".", StringComparison.Ordinal))
        {
            return null;
        }

        return await db.RtUnits.AsNoTracking().FirstOrDefaultAsync(u => u.VillageCode == rt.VillageCode && u.Rw == rt.Rw && u.Rt == rt.Rt, ct);
    }

    public async Task<IReadOnlyList<SplitHousehold>> HouseholdsAsync(int rtUnitId, CancellationToken ct) =>
        await db.Households.AsNoTracking()
            .Where(h => h.RtUnitId == rtUnitId)
            .OrderBy(h => h.Address).ThenBy(h => h.Id)
            .Select(h => new SplitHousehold(
                h.Id,
                h.KkNumber,
                h.Address,
                h.Members.Where(m => m.RelationshipToHead == Domain.Population.RelationshipToHead.KepalaKeluarga).Select(m => m.FullName).FirstOrDefault(),
                h.Members.Count(m => m.Status == Domain.Population.ResidentStatus.Alive)))
            .ToListAsync(ct);

    public async Task<(RtSplitOutcome Outcome, RtUnit? Created, int Residents)> SplitAsync(
        Office office, string? sourceCode, int rw, int rt, IReadOnlyCollection<int> householdIds, AuditActor actor, CancellationToken ct)
    {
        var source = await SourceAsync(office, sourceCode, ct);
        if (source is null)
        {
            return (RtSplitOutcome.SourceUnknown, null, 0);
        }

        if (rw is < 1 or > 999 || rt is < 1 or > 999)
        {
            return (RtSplitOutcome.NumberInvalid, null, 0);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.RtUnits.AnyAsync(u => u.VillageCode == source.VillageCode && u.Rw == rw && u.Rt == rt, ct))
        {
            return (RtSplitOutcome.AlreadyExists, null, 0);
        }

        var households = await db.Households.Where(h => h.RtUnitId == source.Id && householdIds.Contains(h.Id)).ToListAsync(ct);
        if (households.Count == 0)
        {
            return (RtSplitOutcome.NoHouseholds, null, 0);
        }

        var created = new RtUnit { VillageCode = source.VillageCode, Rw = rw, Rt = rt };
        db.RtUnits.Add(created);
        var ids = households.Select(h => h.Id).ToList();
        var residents = await db.Residents.Where(r => r.HouseholdId != null && ids.Contains(r.HouseholdId.Value) && r.RtUnitId == source.Id).ToListAsync(ct);
        foreach (var h in households)
        {
            h.RtUnit = created;
        }

        foreach (var r in residents)
        {
            r.RtUnit = created;
        }

        audit.Add("rt.split", "rt", RtCode.Format(source.VillageCode, source.Rw, source.Rt),
            string.Create(CultureInfo.InvariantCulture, $"new RT {RtCode.Format(created.VillageCode, rw, rt)}: {households.Count} households, {residents.Count} residents"), actor);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (RtSplitOutcome.Done, created, residents.Count);
    }
}
