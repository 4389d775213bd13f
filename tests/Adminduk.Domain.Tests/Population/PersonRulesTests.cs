using Adminduk.Domain.Population;

namespace Adminduk.Domain.Tests.Population;

public class PersonRulesTests
{
    [Theory]
    [InlineData("2009-11-23", "2026-11-23", 17)]
    [InlineData("2009-11-24", "2026-11-23", 16)]
    [InlineData("2008-02-29", "2026-02-28", 17)]
    [InlineData("2008-02-29", "2026-03-01", 18)]
    [InlineData("2026-11-23", "2026-11-23", 0)]
    public void Age_counts_completed_years(string born, string on, int age) =>
        PersonRules.AgeOn(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(age);

    [Theory]
    [InlineData(17, MaritalStatus.BelumKawin, true)]
    [InlineData(16, MaritalStatus.BelumKawin, false)]
    [InlineData(16, MaritalStatus.Kawin, true)]
    [InlineData(16, MaritalStatus.CeraiHidup, true)]
    [InlineData(16, MaritalStatus.CeraiMati, true)]
    public void Ktp_needs_17_years_or_marriage(int age, MaritalStatus status, bool may)
    {
        var today = new DateOnly(2026, 11, 23);
        PersonRules.MayHoldKtp(today.AddYears(-age), status, today).ShouldBe(may);
    }

    [Theory]
    [InlineData(25, Sex.Female, true)]
    [InlineData(14, Sex.Female, false)]
    [InlineData(61, Sex.Female, false)]
    [InlineData(61, Sex.Male, true)]
    [InlineData(15, Sex.Male, true)]
    public void Parents_must_be_old_enough(int ageAtBirth, Sex sex, bool plausible)
    {
        var child = new DateOnly(2026, 10, 1);
        PersonRules.IsPlausibleParent(child.AddYears(-ageAtBirth), child, sex).ShouldBe(plausible);
    }
}
