using Adminduk.Domain.Population;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>Tambah anggota: the member leaves their household (if any) and joins the target KK with the given relationship.</summary>
public sealed class AddMemberEffect : IRegisterEffect
{
    public string ServiceCode => "kk-tambah-anggota";

    public async Task ApplyAsync(RegisterEffectContext context, CancellationToken ct)
    {
        var target = await context.HouseholdAsync(context.Required("kkNumber"), ct);
        var member = await context.LivingResidentAsync(context.Required("memberNik"), ct);
        if (member.HouseholdId == target.Id)
        {
            throw EffectForm.Conflict(context, "the member is already on that KK");
        }

        var relationship = Enum.Parse<RelationshipToHead>(context.Required("relationship"));
        if (member.HouseholdId is not null)
        {
            // Recorded while the member is still on the old KK, so the event counts for the household and RT left.
            var left = await context.Db.Households.FindAsync([member.HouseholdId], ct);
            context.RecordEvent(PopulationEventKind.HouseholdChange, member, context.Today, EffectDetails.Get("Event.LeftKk", left?.KkNumber ?? "-", target.KkNumber));
        }

        member.HouseholdId = target.Id;
        member.Household = target;
        member.RtUnitId = target.RtUnitId;
        member.RelationshipToHead = relationship;
        member.UpdatedAt = context.At;
        context.RecordEvent(PopulationEventKind.HouseholdChange, member, context.Today, EffectDetails.Get("Event.JoinedKk", target.KkNumber, EffectDetails.Relationship(relationship)));
    }
}
