using System.Globalization;
using Adminduk.Domain.Population;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// Moving within the city: the household gets the new RT and address, its living members follow; NIKs and the KK
/// number stay. One MoveWithinCity event per member, counted for the new RT, saying where they came from.
/// </summary>
public sealed class MoveWithinCityEffect : IRegisterEffect
{
    public string ServiceCode => "pindah-dalam-kota";

    public async Task ApplyAsync(RegisterEffectContext context, CancellationToken ct)
    {
        var household = await context.HouseholdAsync(ct);
        var village = context.Value("kelurahan");
        var rw = int.Parse(context.Value("rw"), CultureInfo.InvariantCulture);
        var rt = int.Parse(context.Value("rt"), CultureInfo.InvariantCulture);
        var unit = await context.Db.RtUnits.SingleOrDefaultAsync(u => u.VillageCode == village && u.Rw == rw && u.Rt == rt, ct)
            ?? throw new InvalidOperationException($"{ServiceCode}: RT {rt}/RW {rw} of {village} is not in the register.");
        var from = household.RtUnit is { } old
            ? string.Create(CultureInfo.InvariantCulture, $"Dari {household.Address}, RT {old.Rt:000}/RW {old.Rw:000}, {old.VillageCode}")
            : $"Dari {household.Address}";

        household.RtUnitId = unit.Id;
        household.Address = context.Value("address");
        var members = await context.Db.Residents
            .Where(r => r.HouseholdId == household.Id && r.Status == ResidentStatus.Alive)
            .ToListAsync(ct);
        foreach (var person in members)
        {
            person.RtUnitId = unit.Id;
            person.UpdatedAt = context.At;
            context.RecordEvent(PopulationEventKind.MoveWithinCity, person, context.Today, from);
        }
    }
}
