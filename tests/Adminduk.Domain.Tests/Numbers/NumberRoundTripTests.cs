using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;

namespace Adminduk.Domain.Tests.Numbers;

/// <summary>Composing a number from parts and parsing it back gives the same parts.</summary>
public class NumberRoundTripTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("647105", "1985-03-09", Sex.Male, 12)]
    [InlineData("647105", "2001-12-31", Sex.Female, 9999)]
    [InlineData("167101", "2000-02-29", Sex.Female, 1)]
    [InlineData("167101", "1928-02-29", Sex.Male, 1)]
    [InlineData("940401", "2026-11-23", Sex.Female, 5)]
    [InlineData("317101", "1927-01-01", Sex.Male, 4321)]
    [InlineData("910901", "1990-06-05", Sex.Female, 77)] // retired code: still round-trips
    public void Nik_compose_then_parse(string district, string birth, Sex sex, int serial)
    {
        var birthDate = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);
        var nik = NumberComposer.Nik(district, birthDate, sex, serial);

        var r = Nik.Parse(nik, Today);
        r.Valid.ShouldBeTrue();
        r.Region!.District!.Code.ShouldBe(RegionCode.FromDigits(district));
        r.BirthDate.ShouldBe(birthDate);
        r.Sex.ShouldBe(sex);
        r.Serial.ShouldBe(serial);
    }

    [Fact]
    public void Nik_round_trips_for_many_random_districts_dates_and_serials()
    {
        var random = new Random(20261123);
        var districts = RegionCatalog.Default.Provinces
            .SelectMany(p => RegionCatalog.Default.ChildrenOf(p.Code))
            .SelectMany(r => RegionCatalog.Default.ChildrenOf(r.Code))
            .ToList();
        var earliest = Today.AddYears(-99).DayNumber;
        for (var i = 0; i < 2000; i++)
        {
            var district = districts[random.Next(districts.Count)];
            var birthDate = DateOnly.FromDayNumber(random.Next(earliest, Today.DayNumber + 1));
            var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
            var serial = random.Next(1, 10000);

            var r = Nik.Parse(NumberComposer.Nik(district.Digits, birthDate, sex, serial), Today);

            r.Errors.ShouldBeEmpty();
            r.DistrictName.ShouldBe(district.Name);
            r.BirthDate.ShouldBe(birthDate);
            r.Sex.ShouldBe(sex);
            r.Serial.ShouldBe(serial);
        }
    }

    [Theory]
    [InlineData("647105", "2019-02-05", 1)]
    [InlineData("167101", "2020-02-29", 9999)]
    [InlineData("167101", "2026-11-23", 250)]
    [InlineData("640401", "2010-07-15", 3)] // Bulungan before Kalimantan Utara
    public void Kk_compose_then_parse(string district, string issued, int serial)
    {
        var issuedOn = DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture);
        var kk = NumberComposer.KkNumber(district, issuedOn, serial);

        var r = KkNumber.Parse(kk, Today);
        r.Valid.ShouldBeTrue();
        r.Region!.District!.Code.ShouldBe(RegionCode.FromDigits(district));
        r.IssuedOn.ShouldBe(issuedOn);
        r.Serial.ShouldBe(serial);
    }
}
