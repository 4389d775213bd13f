using Adminduk.Domain.Matching.Synthetic;
using Adminduk.Domain.Numbers;

namespace Adminduk.Domain.Tests.Matching.Synthetic;

public class PlantedVariantsTests
{
    [Theory]
    [InlineData("Yusuf", "Joesoef")]
    [InlineData("Joko", "Djoko")]
    [InlineData("Cahyo", "Tjahjo")]
    [InlineData("Khairul", "Chairoel")]
    [InlineData("Sukarno", "Soekarno")]
    [InlineData("Nyoman", "Njoman")]
    [InlineData("Syahrir", "Sjahrir")]
    [InlineData("Bima", "Bima")]
    public void Old_spelling_follows_the_spelling_before_1972(string today, string old) =>
        PlantedVariants.OldSpelling(today).ShouldBe(old);

    [Fact]
    public void A_wrong_digit_changes_exactly_one_digit()
    {
        var rng = new Random(1);
        for (var i = 0; i < 500; i++)
        {
            var wrong = PlantedVariants.WrongDigit("6471050903850012", rng);
            wrong.Length.ShouldBe(16);
            wrong.All(char.IsAsciiDigit).ShouldBeTrue();
            wrong.Zip("6471050903850012").Count(p => p.First != p.Second).ShouldBe(1);
        }
    }

    [Fact]
    public void A_malformed_nik_always_breaks_a_nik_rule()
    {
        var rng = new Random(2);
        for (var i = 0; i < 500; i++)
        {
            var bad = PlantedVariants.Malformed("6471050903850012", rng);
            Nik.Parse(bad, new DateOnly(2026, 11, 23)).Valid.ShouldBeFalse(bad);
        }
    }

    [Theory]
    [InlineData("1985-03-09", "1985-09-03")]
    [InlineData("1985-12-01", "1985-01-12")]
    [InlineData("1985-03-03", null)]
    [InlineData("1985-03-13", null)]
    public void Swapping_day_and_month_needs_a_day_that_can_be_a_month(string date, string? swapped) =>
        PlantedVariants.SwapDayMonth(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(swapped is null ? null : DateOnly.Parse(swapped, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_typo_changes_the_name_by_one_or_two_edits()
    {
        var rng = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var typo = PlantedVariants.Typo("Siti Nurhaliza", rng);
            typo.ShouldNotBe("Siti Nurhaliza");
            Math.Abs(typo.Length - "Siti Nurhaliza".Length).ShouldBeLessThanOrEqualTo(2);
        }
    }

    [Fact]
    public void Name_variants_differ_and_keep_the_name_recognisable()
    {
        var rng = new Random(4);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 300; i++)
        {
            var variant = PlantedVariants.NameVariant("Muhammad Rizki Hidayat", rng);
            variant.ShouldNotBeNull();
            variant.ShouldNotBe("Muhammad Rizki Hidayat");
            seen.Add(variant);
        }

        seen.ShouldContain("Moh. Rizki Hidayat");
        seen.ShouldContain("Rizki Hidayat Muhammad");
        seen.ShouldContain("Muhammad R. Hidayat");
        PlantedVariants.NameVariant("Bima", rng).ShouldBeNull();
    }

    [Fact]
    public void Titles_respect_sex_and_keep_the_name()
    {
        var rng = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var female = PlantedVariants.WithTitles("Siti Aminah", female: true, rng);
            female.ShouldContain("Siti Aminah");
            female.ShouldNotBe("Siti Aminah");
            female.ShouldNotStartWith("H. ");
            female.ShouldNotStartWith("Drs");
            var male = PlantedVariants.WithTitles("Budi Santoso", female: false, rng);
            male.ShouldNotStartWith("Hj");
            male.ShouldNotStartWith("Dra.");
        }
    }
}
