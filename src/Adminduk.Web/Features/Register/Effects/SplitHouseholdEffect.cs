using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// Pisah KK: the leaving members get a new household with a newly allocated KK number at the new address; the new head
/// becomes its head and the others' relationships are restated towards them. The old household keeps its number.
/// </summary>
public sealed class SplitHouseholdEffect(INumberAllocator numbers) : IRegisterEffect
{
    public string ServiceCode => "kk-pisah";

    public async Task ApplyAsync(RegisterEffectContext context, CancellationToken ct)
    {
        var db = context.Db;
        var old = await context.HouseholdAsync(context.Required("kkNumber"), ct);
        var niks = context.Required("memberNiks").Split(',');
        var living = old.Members.Where(m => m.Status == ResidentStatus.Alive).ToList();
        var leaving = living.Where(m => niks.Contains(m.Nik)).ToList();
        if (leaving.Count != niks.Length)
        {
            throw EffectForm.Conflict(context, $"not every leaving member is still on KK {old.KkNumber}");
        }

        if (leaving.Any(m => m.RelationshipToHead == RelationshipToHead.KepalaKeluarga) || leaving.Count == living.Count)
        {
            throw EffectForm.Conflict(context, $"KK {old.KkNumber} would lose its head or every member");
        }

        var head = leaving.Single(m => m.Nik == context.Required("newHeadNik"));
        var village = context.Required("kelurahan");
        var rw = int.Parse(context.Required("rw"), System.Globalization.CultureInfo.InvariantCulture);
        var rt = int.Parse(context.Required("rt"), System.Globalization.CultureInfo.InvariantCulture);
        var unit = await db.RtUnits.SingleOrDefaultAsync(u => u.VillageCode == village && u.Rw == rw && u.Rt == rt, ct)
            ?? throw EffectForm.Conflict(context, $"RT {rt} / RW {rw} of {village} does not exist");

        // Kelurahan "64.71.05.1002" -> district digits "647105", the first six digits of the new KK number.
        var district = village.Replace(".", "", StringComparison.Ordinal)[..6];
        var household = new Household
        {
            KkNumber = await numbers.NextKkNumberAsync(db, district, context.Today, ct),
            RtUnitId = unit.Id,
            Address = context.Required("address"),
            IssuedOn = context.Today,
        };
        db.Households.Add(household);

        var relations = leaving.ToDictionary(
            m => m.Id,
            m => m.Id == head.Id ? RelationshipToHead.KepalaKeluarga : HouseholdRelations.RelativeToNewHead(head.RelationshipToHead, head.Sex, m.RelationshipToHead, m.Sex));
        foreach (var member in leaving)
        {
            context.RecordEvent(PopulationEventKind.HouseholdChange, member, context.Today, EffectDetails.Get("Event.SplitLeft", old.KkNumber, household.KkNumber));
        }

        // The new household needs its id before events can point at it; still inside the approval's transaction.
        await db.SaveChangesAsync(ct);
        foreach (var member in leaving)
        {
            member.Household = household;
            member.HouseholdId = household.Id;
            member.RtUnitId = unit.Id;
            member.RelationshipToHead = relations[member.Id];
            member.UpdatedAt = context.At;
            context.RecordEvent(PopulationEventKind.HouseholdChange, member, context.Today, EffectDetails.Get("Event.SplitJoined", household.KkNumber, EffectDetails.Relationship(member.RelationshipToHead)));
        }
    }
}
