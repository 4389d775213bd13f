using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Domain.Validation;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// SKPWNI: the people moving are marked moved out with the date and the destination. Their rows, KK and RT stay as
/// the last address here (a register keeps its history; counts and KK prints take living residents only).
/// </summary>
public sealed class DepartureEffect : IRegisterEffect
{
    public string ServiceCode => "pindah-keluar";

    public async Task ApplyAsync(RegisterEffectContext context, CancellationToken ct)
    {
        var household = await context.HouseholdAsync(ct);
        var members = await context.Db.Residents
            .Where(r => r.HouseholdId == household.Id && r.Status == ResidentStatus.Alive)
            .ToListAsync(ct);
        var movers = context.Value("moveScope") == "seluruh"
            ? members
            : [.. CivilRegistryRules.MemberNiks(context.Value("memberNiks")).Select(nik =>
                members.SingleOrDefault(m => m.Nik == nik) ?? throw new InvalidOperationException($"{ServiceCode}: a member moving is no longer a living member of the KK."))];
        if (movers.Count == 0)
        {
            throw new InvalidOperationException($"{ServiceCode}: nobody left in the KK to move.");
        }

        var destination = context.Value("destinationRegency");
        var regency = RegionCatalog.Default.Find(destination)?.Name ?? destination;
        var movedOn = context.Date("moveDate");
        foreach (var person in movers)
        {
            context.RecordEvent(PopulationEventKind.Departure, person, movedOn, $"Ke {regency} ({destination}): {context.Value("destinationAddress")}");
            person.Status = ResidentStatus.MovedOut;
            person.MovedOutOn = movedOn;
            person.MovedToRegionCode = destination;
            person.UpdatedAt = context.At;
        }
    }
}
