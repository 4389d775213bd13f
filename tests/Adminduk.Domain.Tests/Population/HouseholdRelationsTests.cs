using Adminduk.Domain.Population;
using static Adminduk.Domain.Population.RelationshipToHead;

namespace Adminduk.Domain.Tests.Population;

public class HouseholdRelationsTests
{
    [Theory]
    // The widow becomes head: children stay children, the late husband's parents become her parents-in-law.
    [InlineData(Istri, Sex.Female, Anak, Sex.Male, Anak)]
    [InlineData(Istri, Sex.Female, Cucu, Sex.Female, Cucu)]
    [InlineData(Istri, Sex.Female, OrangTua, Sex.Female, Mertua)]
    [InlineData(Istri, Sex.Female, Mertua, Sex.Male, OrangTua)]
    [InlineData(Istri, Sex.Female, Pembantu, Sex.Female, Pembantu)]
    // A married son splits off or takes over: his wife and child, his mother, his sister.
    [InlineData(Anak, Sex.Male, Menantu, Sex.Female, Istri)]
    [InlineData(Anak, Sex.Male, Cucu, Sex.Male, Anak)]
    [InlineData(Anak, Sex.Male, Istri, Sex.Female, OrangTua)]
    [InlineData(Anak, Sex.Male, Anak, Sex.Female, FamiliLain)]
    [InlineData(Anak, Sex.Male, Menantu, Sex.Male, FamiliLain)]
    // A daughter-in-law takes over: her husband (the old head's son), her child, her parents-in-law.
    [InlineData(Menantu, Sex.Female, Anak, Sex.Male, Suami)]
    [InlineData(Menantu, Sex.Female, Cucu, Sex.Female, Anak)]
    [InlineData(Menantu, Sex.Female, Istri, Sex.Female, Mertua)]
    // The old head's father takes over: his wife, his son's wife, his grandchildren.
    [InlineData(OrangTua, Sex.Male, OrangTua, Sex.Female, Istri)]
    [InlineData(OrangTua, Sex.Male, Istri, Sex.Female, Menantu)]
    [InlineData(OrangTua, Sex.Male, Anak, Sex.Female, Cucu)]
    [InlineData(FamiliLain, Sex.Male, Anak, Sex.Female, FamiliLain)]
    public void Members_are_restated_towards_the_new_head(RelationshipToHead headWas, Sex headSex, RelationshipToHead memberWas, Sex memberSex, RelationshipToHead expected) =>
        HouseholdRelations.RelativeToNewHead(headWas, headSex, memberWas, memberSex).ShouldBe(expected);
}
