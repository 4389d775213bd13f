using Adminduk.Domain.Population;
using Adminduk.Web.Data;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// Akta kematian: the deceased is marked deceased (never removed: their records and history stay), a surviving spouse
/// becomes "cerai mati", and when the deceased headed the household the named member becomes its head, with every
/// other member's relationship restated towards them.
/// </summary>
public sealed class DeathEffect : IRegisterEffect
{
    public string ServiceCode => "akta-kematian";

    public async Task ApplyAsync(RegisterEffectContext context, CancellationToken ct)
    {
        var deceased = await context.LivingResidentAsync(context.Required("nik"), ct);
        var diedOn = context.Date("deathDate");
        var household = deceased.HouseholdId is null ? null : await context.HouseholdAsync(context.Required("kkNumber"), ct);
        var others = household?.Members.Where(m => m.Id != deceased.Id && m.Status == ResidentStatus.Alive).ToList() ?? [];

        deceased.Status = ResidentStatus.Deceased;
        deceased.DeceasedOn = diedOn;
        deceased.UpdatedAt = context.At;
        context.RecordEvent(PopulationEventKind.Death, deceased, diedOn, EffectDetails.Get(
            "Event.Death",
            context.Required("deathPlace"),
            EffectDetails.Option(context.Service, "deathCause", context.Required("deathCause")),
            Domain.Numbers.Nik.Mask(context.Required("reporterNik")),
            EffectDetails.Option(context.Service, "reporterRelation", context.Required("reporterRelation"))));

        Widow(context, deceased, others);
        if (deceased.RelationshipToHead == RelationshipToHead.KepalaKeluarga && others.Count > 0)
        {
            InstallNewHead(context, others);
        }
    }

    /// <summary>The deceased's spouse on the same KK is now widowed, unless another living spouse remains (the head's other wife).</summary>
    private static void Widow(RegisterEffectContext context, Resident deceased, List<Resident> others)
    {
        if (deceased.MaritalStatus != MaritalStatus.Kawin)
        {
            return;
        }

        var spouses = deceased.RelationshipToHead switch
        {
            RelationshipToHead.KepalaKeluarga => others.Where(m => m.RelationshipToHead is RelationshipToHead.Istri or RelationshipToHead.Suami).ToList(),
            RelationshipToHead.Istri or RelationshipToHead.Suami when !others.Any(m => m.RelationshipToHead == deceased.RelationshipToHead)
                => others.Where(m => m.RelationshipToHead == RelationshipToHead.KepalaKeluarga).ToList(),
            _ => [],
        };
        foreach (var spouse in spouses.Where(s => s.MaritalStatus == MaritalStatus.Kawin && s.Sex != deceased.Sex))
        {
            spouse.MaritalStatus = MaritalStatus.CeraiMati;
            spouse.UpdatedAt = context.At;
            context.RecordEvent(PopulationEventKind.DataChange, spouse, context.Today, EffectDetails.Get("Event.Widowed"));
        }
    }

    private static void InstallNewHead(RegisterEffectContext context, List<Resident> others)
    {
        var headNik = context.Optional("newHeadNik") ?? throw EffectForm.Conflict(context, "the deceased headed the household and no new head is named");
        var head = others.SingleOrDefault(m => m.Nik == headNik) ?? throw EffectForm.Conflict(context, "the new head is not a living member of the KK");
        var relations = others.ToDictionary(
            m => m.Id,
            m => m.Id == head.Id ? RelationshipToHead.KepalaKeluarga : HouseholdRelations.RelativeToNewHead(head.RelationshipToHead, head.Sex, m.RelationshipToHead, m.Sex));
        foreach (var member in others)
        {
            var before = member.RelationshipToHead;
            member.RelationshipToHead = relations[member.Id];
            if (before != member.RelationshipToHead)
            {
                member.UpdatedAt = context.At;
                context.RecordEvent(PopulationEventKind.HouseholdChange, member, context.Today,
                    member.Id == head.Id
                        ? EffectDetails.Get("Event.NewHead")
                        : EffectDetails.Get("Event.RelationshipRestated", EffectDetails.Relationship(before), EffectDetails.Relationship(member.RelationshipToHead)));
            }
        }
    }
}
