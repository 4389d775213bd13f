using Adminduk.Domain.Regions;

namespace Adminduk.Domain.Tests.Regions;

public class RegionCatalogTests
{
    private static readonly RegionCatalog Catalog = RegionCatalog.Default;

    [Fact]
    public void Loads_every_level_of_the_dataset()
    {
        Catalog.Provinces.Count.ShouldBe(38);
        Catalog.Count.ShouldBe(38 + 514 + 7285 + 83762);
    }

    [Fact]
    public void Balikpapan_has_six_kecamatan_and_34_kelurahan()
    {
        Catalog.Find("64.71")!.Name.ShouldBe("Kota Balikpapan");
        var districts = Catalog.ChildrenOf("6471");
        districts.Count.ShouldBe(6);
        districts.Select(d => d.Code).ShouldContain("64.71.05");
        districts.Sum(d => Catalog.ChildrenOf(d.Code).Count).ShouldBe(34);
    }

    [Theory]
    [InlineData("16.71", "Kota Palembang", RegionLevel.Regency, "16")]
    [InlineData("647101", "Balikpapan Timur", RegionLevel.District, "64.71")]
    [InlineData("64", "Kalimantan Timur", RegionLevel.Province, null)]
    public void Finds_by_dotted_or_plain_code(string code, string name, RegionLevel level, string? parent)
    {
        var r = Catalog.Find(code).ShouldNotBeNull();
        r.Name.ShouldBe(name);
        r.Level.ShouldBe(level);
        r.ParentCode.ShouldBe(parent);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("64.99")]
    [InlineData("abc")]
    [InlineData("")]
    public void Unknown_codes_are_not_found(string code) => Catalog.Find(code).ShouldBeNull();

    [Fact]
    public void Quoted_names_with_commas_and_quotes_are_parsed()
    {
        Catalog.Find("12.07.28.1007")!.Name.ShouldBe("Lubuk Pakam I,II");
        Catalog.Find("35.29.22")!.Name.ShouldBe("Ra\"as");
    }

    [Theory]
    [InlineData("64", "64")]
    [InlineData("6471", "64.71")]
    [InlineData("647101", "64.71.01")]
    [InlineData("6471011001", "64.71.01.1001")]
    [InlineData("64710", null)]
    [InlineData("64a1", null)]
    public void Converts_digits_to_dotted_codes(string digits, string? expected) =>
        RegionCode.FromDigits(digits).ShouldBe(expected);
}
