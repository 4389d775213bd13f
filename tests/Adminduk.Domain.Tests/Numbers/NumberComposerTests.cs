using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;

namespace Adminduk.Domain.Tests.Numbers;

public class NumberComposerTests
{
    [Fact]
    public void Nik_of_a_man_keeps_the_day() =>
        NumberComposer.Nik("647105", new DateOnly(1985, 3, 9), Sex.Male, 12).ShouldBe("6471050903850012");

    [Fact]
    public void Nik_of_a_woman_adds_40_to_the_day() =>
        NumberComposer.Nik("647105", new DateOnly(2001, 12, 31), Sex.Female, 9999).ShouldBe("6471057112019999");

    [Fact]
    public void Kk_number_never_adds_40() =>
        NumberComposer.KkNumber("167101", new DateOnly(2019, 2, 5), 1).ShouldBe("1671010502190001");

    [Theory]
    [InlineData("64710", 1)]
    [InlineData("64710a", 1)]
    [InlineData("647101", 0)]
    [InlineData("647101", 10000)]
    public void Bad_parts_are_refused(string district, int serial) =>
        Should.Throw<ArgumentException>(() => NumberComposer.Nik(district, new DateOnly(2000, 1, 1), Sex.Male, serial));
}
