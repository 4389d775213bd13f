using Adminduk.Domain.Regions;

namespace Adminduk.Domain.Tests.Regions;

public class HistoricalRegionsTests
{
    private static readonly RegionCatalog Catalog = RegionCatalog.Default;

    // Renamed when (or after) they moved; every other moved region kept its name.
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["73.19"] = "Kabupaten Polewali Mandar",
        ["73.25"] = "Kabupaten Pasangkayu",
    };

    public static TheoryData<string> RetiredCodes => [.. HistoricalRegions.All.Select(h => h.Code)];

    [Theory]
    [MemberData(nameof(RetiredCodes))]
    public void Every_retired_code_has_a_current_successor_with_the_same_name_and_level(string code)
    {
        var retired = HistoricalRegions.All.Single(h => h.Code == code);
        var successor = Catalog.Find(retired.SuccessorCode).ShouldNotBeNull();
        successor.Level.ShouldBe(retired.Level);
        successor.Name.ShouldBe(Renamed.GetValueOrDefault(code, retired.Name));
    }

    [Theory]
    [MemberData(nameof(RetiredCodes))]
    public void Retired_codes_are_not_reused_today_and_their_province_still_exists(string code)
    {
        Catalog.Find(code).ShouldBeNull();
        Catalog.Find(code[..2]).ShouldNotBeNull();
    }

    [Fact]
    public void Each_retired_code_appears_once()
    {
        HistoricalRegions.All.Select(h => h.Code).ShouldBeUnique();
        HistoricalRegions.All.Select(h => h.SuccessorCode).ShouldBeUnique();
    }

    [Fact]
    public void Successors_lie_in_the_provinces_each_recoding_created()
    {
        foreach (var h in HistoricalRegions.All)
        {
            h.RetiredBy.NewProvinceCodes.ShouldContain(h.SuccessorCode[..2], h.Code);
            HistoricalRegions.Recodings.ShouldContain(h.RetiredBy);
        }

        foreach (var province in HistoricalRegions.Recodings.SelectMany(r => r.NewProvinceCodes))
        {
            Catalog.Find(province).ShouldNotBeNull().Level.ShouldBe(RegionLevel.Province);
        }
    }

    [Theory]
    [InlineData("64.04", "Kabupaten Bulungan", "65.01", 2012)]
    [InlineData("64.05", "Kabupaten Nunukan", "65.03", 2012)]
    [InlineData("64.06", "Kabupaten Malinau", "65.02", 2012)]
    [InlineData("64.10", "Kabupaten Tana Tidung", "65.04", 2012)]
    [InlineData("64.73", "Kota Tarakan", "65.71", 2012)]
    [InlineData("91.01", "Kabupaten Merauke", "93.01", 2022)]
    [InlineData("91.02", "Kabupaten Jayawijaya", "95.01", 2022)]
    [InlineData("91.04", "Kabupaten Nabire", "94.01", 2022)]
    [InlineData("91.09", "Kabupaten Mimika", "94.04", 2022)]
    [InlineData("91.28", "Kabupaten Deiyai", "94.08", 2022)]
    [InlineData("92.01", "Kabupaten Sorong", "96.01", 2022)]
    [InlineData("92.71", "Kota Sorong", "96.71", 2022)]
    [InlineData("73.21", "Kabupaten Mamuju", "76.02", 2004)]
    public void Known_moves_are_in_the_table(string code, string name, string successor, int year)
    {
        var h = HistoricalRegions.All.Single(r => r.Code == code);
        h.Name.ShouldBe(name);
        h.SuccessorCode.ShouldBe(successor);
        h.RetiredBy.Year.ShouldBe(year);
    }

    [Fact]
    public void Every_regency_that_left_kalimantan_timur_and_papua_is_covered()
    {
        // Each regency of the provinces created in 2012 and 2022 came from a retired code.
        var successors = HistoricalRegions.All.Select(h => h.SuccessorCode).ToHashSet();
        foreach (var province in new[] { "65", "93", "94", "95", "96" })
        {
            foreach (var regency in Catalog.ChildrenOf(province))
            {
                successors.ShouldContain(regency.Code);
            }
        }
    }
}
