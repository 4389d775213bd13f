namespace Adminduk.Domain.Population;

/// <summary>
/// How members stand to a new head of household, when a head dies or part of a household splits off. The KK records
/// each member's relationship to its head only, so the new one is derived from both people's relationships to the old
/// head. Where the old relationships cannot tell (a grandchild may be the new head's child or a nephew), the common
/// case is taken: a son- or daughter-in-law of the other sex is the new head's spouse, a grandchild their child. The
/// operator reviews the reissued KK, and "Famili lain" is what Dukcapil records for relatives with no closer category.
/// </summary>
public static class HouseholdRelations
{
    public static RelationshipToHead RelativeToNewHead(RelationshipToHead newHeadWas, Sex newHeadSex, RelationshipToHead memberWas, Sex memberSex)
    {
        if (memberWas is RelationshipToHead.Pembantu or RelationshipToHead.Lainnya)
        {
            return memberWas;
        }

        var spouse = memberSex == Sex.Female ? RelationshipToHead.Istri : RelationshipToHead.Suami;
        var otherSex = memberSex != newHeadSex;
        return newHeadWas switch
        {
            RelationshipToHead.Istri or RelationshipToHead.Suami => memberWas switch
            {
                RelationshipToHead.KepalaKeluarga => spouse,
                RelationshipToHead.Anak or RelationshipToHead.Menantu or RelationshipToHead.Cucu => memberWas,
                RelationshipToHead.OrangTua => RelationshipToHead.Mertua,
                RelationshipToHead.Mertua => RelationshipToHead.OrangTua,
                _ => RelationshipToHead.FamiliLain,
            },
            RelationshipToHead.Anak => memberWas switch
            {
                RelationshipToHead.KepalaKeluarga or RelationshipToHead.Istri or RelationshipToHead.Suami => RelationshipToHead.OrangTua,
                RelationshipToHead.Menantu when otherSex => spouse,
                RelationshipToHead.Cucu => RelationshipToHead.Anak,
                _ => RelationshipToHead.FamiliLain,
            },
            RelationshipToHead.Menantu => memberWas switch
            {
                RelationshipToHead.KepalaKeluarga or RelationshipToHead.Istri or RelationshipToHead.Suami => RelationshipToHead.Mertua,
                RelationshipToHead.Anak when otherSex => spouse,
                RelationshipToHead.Cucu => RelationshipToHead.Anak,
                _ => RelationshipToHead.FamiliLain,
            },
            RelationshipToHead.OrangTua => memberWas switch
            {
                RelationshipToHead.KepalaKeluarga => RelationshipToHead.Anak,
                RelationshipToHead.OrangTua when otherSex => spouse,
                RelationshipToHead.Istri or RelationshipToHead.Suami => RelationshipToHead.Menantu,
                RelationshipToHead.Anak => RelationshipToHead.Cucu,
                _ => RelationshipToHead.FamiliLain,
            },
            _ => RelationshipToHead.FamiliLain,
        };
    }
}
