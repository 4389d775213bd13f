using Adminduk.Domain.Regions;

namespace Adminduk.Domain.Tests.Regions;

public class HistoricalRegionResolverTests
{
    private static readonly HistoricalRegionResolver Resolver = HistoricalRegionResolver.Default;

    private static readonly RegionRecoding TestRecoding = new("test", 2022, ["96"], DistrictSuffixesKept: true);

    [Theory]
    [InlineData("64", "Kalimantan Timur", RegionLevel.Province, null)]
    [InlineData("65", "Kalimantan Utara", RegionLevel.Province, 2012)]
    [InlineData("91", "Papua", RegionLevel.Province, null)]
    [InlineData("92", "Papua Barat", RegionLevel.Province, null)]
    [InlineData("94", "Papua Tengah", RegionLevel.Province, 2022)]
    [InlineData("96", "Papua Barat Daya", RegionLevel.Province, 2022)]
    [InlineData("76", "Sulawesi Barat", RegionLevel.Province, 2004)]
    [InlineData("6471", "Kota Balikpapan", RegionLevel.Regency, null)]
    [InlineData("64.71", "Kota Balikpapan", RegionLevel.Regency, null)]
    [InlineData("6501", "Kabupaten Bulungan", RegionLevel.Regency, 2012)]
    [InlineData("9171", "Kota Jayapura", RegionLevel.Regency, null)]
    [InlineData("9404", "Kabupaten Mimika", RegionLevel.Regency, 2022)]
    [InlineData("9671", "Kota Sorong", RegionLevel.Regency, 2022)]
    [InlineData("647105", "Balikpapan Selatan", RegionLevel.District, null)]
    [InlineData("64.71.05", "Balikpapan Selatan", RegionLevel.District, null)]
    [InlineData("940401", "Mimika Baru", RegionLevel.District, 2022)]
    [InlineData("917101", "Jayapura Utara", RegionLevel.District, null)]
    public void Current_codes_have_one_current_meaning(string code, string name, RegionLevel level, int? since)
    {
        var r = Resolver.Resolve(code);
        r.IsKnown.ShouldBeTrue();
        r.IsAmbiguous.ShouldBeFalse();
        r.Level.ShouldBe(level);
        r.Name.ShouldBe(name);
        var meaning = r.Meaning.ShouldNotBeNull();
        meaning.IsCurrent.ShouldBeTrue();
        meaning.UntilYear.ShouldBeNull();
        meaning.FromYear.ShouldBe(since);
        meaning.Current.Code.ShouldBe(r.Code);
    }

    [Theory]
    [InlineData("6404", "64.04", "Kabupaten Bulungan", 2012, "65.01")]
    [InlineData("6406", "64.06", "Kabupaten Malinau", 2012, "65.02")]
    [InlineData("6473", "64.73", "Kota Tarakan", 2012, "65.71")]
    [InlineData("9101", "91.01", "Kabupaten Merauke", 2022, "93.01")]
    [InlineData("9109", "91.09", "Kabupaten Mimika", 2022, "94.04")]
    [InlineData("9121", "91.21", "Kabupaten Mamberamo Tengah", 2022, "95.05")]
    [InlineData("92.71", "92.71", "Kota Sorong", 2022, "96.71")]
    [InlineData("7319", "73.19", "Kabupaten Polewali Mamasa", 2004, "76.04")]
    [InlineData("910901", "91.09.01", "Mimika Baru", 2022, "94.04.01")]
    [InlineData("910118", "91.01.18", "Tabonji", 2022, "93.01.18")]
    [InlineData("927101", "92.71.01", "Sorong", 2022, "96.71.01")]
    [InlineData("920101", "92.01.01", "Makbon", 2022, "96.01.01")]
    public void Retired_codes_name_the_area_and_its_current_code(string code, string dotted, string name, int until, string now)
    {
        var r = Resolver.Resolve(code);
        r.Code.ShouldBe(dotted);
        var meaning = r.Meaning.ShouldNotBeNull();
        meaning.Name.ShouldBe(name);
        meaning.IsCurrent.ShouldBeFalse();
        meaning.UntilYear.ShouldBe(until);
        meaning.Current.Code.ShouldBe(now);
        meaning.Period.ShouldBe($"–{until}");
    }

    [Theory]
    [InlineData("640401")] // Kalimantan Utara: district suffixes not established, so not named
    [InlineData("647301")]
    [InlineData("732101")] // Sulawesi Barat: same
    [InlineData("910999")] // Mimika has no district 99
    public void Districts_of_moved_regencies_are_only_named_when_the_move_kept_their_codes(string code) =>
        Resolver.Resolve(code).IsKnown.ShouldBeFalse();

    [Theory]
    [InlineData("99")]
    [InlineData("00")]
    [InlineData("10")]
    [InlineData("6499")]
    [InlineData("6400")]
    [InlineData("647199")]
    [InlineData("647100")]
    public void Unknown_codes_have_no_meaning(string code)
    {
        var r = Resolver.Resolve(code);
        r.IsKnown.ShouldBeFalse();
        r.IsAmbiguous.ShouldBeFalse();
        r.Meaning.ShouldBeNull();
        r.Name.ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("6")]
    [InlineData("647")]
    [InlineData("64710")]
    [InlineData("6471011001")]
    [InlineData("64.7")]
    [InlineData("6.471")]
    [InlineData("64..71")]
    [InlineData("9301.01")]
    [InlineData("64a1")]
    [InlineData("647 01")]
    public void Malformed_codes_are_refused(string code)
    {
        HistoricalRegionResolver.Normalize(code).ShouldBeNull();
        Should.Throw<ArgumentException>(() => Resolver.Resolve(code));
    }

    [Theory]
    [InlineData("64", "64")]
    [InlineData("6471", "64.71")]
    [InlineData("64.71", "64.71")]
    [InlineData("647101", "64.71.01")]
    [InlineData("64.71.01", "64.71.01")]
    public void Codes_normalize_to_dotted_form(string code, string expected) =>
        HistoricalRegionResolver.Normalize(code).ShouldBe(expected);

    [Fact]
    public void A_code_reused_for_another_area_is_ambiguous_and_lists_every_meaning_with_its_period()
    {
        // Suppose 91.71 had meant Kota Sorong until 2022 and Kota Jayapura since: the resolver must not pick one.
        var resolver = new HistoricalRegionResolver(RegionCatalog.Default, [new HistoricalRegion("91.71", "Kota Sorong", RegionLevel.Regency, "96.71", TestRecoding)]);

        var regency = resolver.Resolve("9171");
        regency.IsAmbiguous.ShouldBeTrue();
        regency.Name.ShouldBeNull();
        regency.Meaning.ShouldBeNull();
        regency.Meanings.Select(m => (m.Name, m.Period, m.Current.Code)).ShouldBe(
        [
            ("Kota Jayapura", "", "91.71"),
            ("Kota Sorong", "–2022", "96.71"),
        ]);

        var district = resolver.Resolve("917101");
        district.IsAmbiguous.ShouldBeTrue();
        district.Meanings.Select(m => m.Name).ShouldBe(["Jayapura Utara", "Sorong"]);
        district.Meanings[1].Current.Code.ShouldBe("96.71.01");
    }

    [Fact]
    public void Two_retired_meanings_of_one_code_are_ambiguous_too()
    {
        var older = new RegionRecoding("older", 2008, [], DistrictSuffixesKept: false);
        var resolver = new HistoricalRegionResolver(RegionCatalog.Default,
        [
            new HistoricalRegion("92.09", "Kota Sorong", RegionLevel.Regency, "96.71", older),
            new HistoricalRegion("92.09", "Kabupaten Tambrauw", RegionLevel.Regency, "96.04", TestRecoding),
        ]);

        var r = resolver.Resolve("9209");
        r.IsAmbiguous.ShouldBeTrue();
        r.Meanings.Select(m => $"{m.Name} ({m.Period})").ShouldBe(["Kota Sorong (–2008)", "Kabupaten Tambrauw (–2022)"]);

        // Only the move that kept district codes names a district.
        resolver.Resolve("920901").Meanings.Select(m => m.Current.Code).ShouldBe(["96.04.01"]);
    }

    [Fact]
    public void A_successor_that_is_not_a_current_region_of_the_same_level_is_refused()
    {
        Should.Throw<ArgumentException>(() => new HistoricalRegionResolver(RegionCatalog.Default,
            [new HistoricalRegion("91.01", "Kabupaten Merauke", RegionLevel.Regency, "93.99", TestRecoding)]));
        Should.Throw<ArgumentException>(() => new HistoricalRegionResolver(RegionCatalog.Default,
            [new HistoricalRegion("91.01", "Kabupaten Merauke", RegionLevel.Regency, "93", TestRecoding)]));
    }

    [Fact]
    public void A_meaning_known_from_both_ends_shows_both_years()
    {
        var meaning = new RegionMeaning("x", "x", RegionLevel.Regency, 2012, 2022, RegionCatalog.Default.Find("6471")!);
        meaning.Period.ShouldBe("2012–2022");
    }

    [Theory]
    [InlineData("647105", "Kalimantan Timur", "Kota Balikpapan", "Balikpapan Selatan")]
    [InlineData("910901", "Papua", "Kabupaten Mimika", "Mimika Baru")]
    [InlineData("640401", "Kalimantan Timur", "Kabupaten Bulungan", null)]
    [InlineData("649901", "Kalimantan Timur", null, null)]
    public void Prefixes_resolve_level_by_level(string prefix, string province, string? regency, string? district)
    {
        var p = Resolver.ResolvePrefix(prefix);
        p.Province.Name.ShouldBe(province);
        p.Regency.ShouldNotBeNull().Name.ShouldBe(regency);
        if (regency is null)
        {
            p.District.ShouldBeNull();
        }
        else
        {
            p.District.ShouldNotBeNull().Name.ShouldBe(district);
        }
    }

    [Fact]
    public void A_prefix_with_an_unknown_province_stops_there()
    {
        var p = Resolver.ResolvePrefix("990101");
        p.Province.IsKnown.ShouldBeFalse();
        p.Regency.ShouldBeNull();
        p.District.ShouldBeNull();
    }

    [Theory]
    [InlineData("64710")]
    [InlineData("6471050")]
    [InlineData("64.71.05")]
    [InlineData("64710a")]
    public void Prefixes_must_be_six_digits(string prefix) =>
        Should.Throw<ArgumentException>(() => Resolver.ResolvePrefix(prefix));
}
