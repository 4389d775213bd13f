using Adminduk.Domain.Matching;

namespace Adminduk.Domain.Tests.Matching;

public class AddressAndNumberTests
{
    [Theory]
    [InlineData("Jl. Jenderal Sudirman No. 12 RT 005", "jenderal sudirman 12 rt5")]
    [InlineData("JL. JENDERAL SUDIRMAN NO.12 RT.05", "jenderal sudirman 12 rt5")]
    [InlineData("Jalan Jenderal Sudirman No 12 Rt 5", "jenderal sudirman 12 rt5")]
    [InlineData("Jenderal Sudirman 12, RT 05", "jenderal sudirman 12 rt5")]
    [InlineData("Gg. Melati No.3 RT 01 RW 02 Kel. Klandasan", "melati 3 rt1 rw2 klandasan")]
    [InlineData("Komplek Graha Indah Blok B12", "graha indah b 12")]
    [InlineData("No12", "12")]
    [InlineData("RT", "rt")]
    [InlineData("Jl. Damai 000", "damai 0")]
    public void Addresses_fold_to_comparable_tokens(string written, string tokens) =>
        string.Join(' ', AddressFolding.Fold(written)).ShouldBe(tokens);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Jl. No.")]
    public void Empty_addresses_give_no_tokens(string? written) => AddressFolding.Fold(written).ShouldBeEmpty();

    [Theory]
    [InlineData("6471050903850012", "6471050903850012")]
    [InlineData(" 6471 0509 0385 0012 ", "6471050903850012")]
    [InlineData("6471.0509.0385.0012", "6471050903850012")]
    [InlineData("6471-050903-850012", "6471050903850012")]
    [InlineData("'6471050903850012", "6471050903850012")]
    [InlineData("6471O5O9O385OO12", "6471050903850012")]
    [InlineData("647I050903850012", "6471050903850012")]
    [InlineData("1234", null)]
    [InlineData("-", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("tidak ada", null)]
    [InlineData("6471x50903850012", null)]
    public void Numbers_are_read_leniently_for_matching(string? written, string? digits) =>
        MatchRecord.CleanNumber(written).ShouldBe(digits);

    [Fact]
    public void A_record_prepares_every_field()
    {
        var r = MatchRecord.From(new PersonRecord("x")
        {
            Name = "H. Moh. Rizki",
            Nik = "6471 0509 0385 0012",
            KkNumber = "6471051204150001",
            BirthDate = new DateOnly(1985, 3, 9),
            Address = "Jl. Damai No. 5 RT 3",
            RegionCode = "64.71.05.1001",
        });
        r.Name.ToString().ShouldBe("muhamat rizki");
        r.IdDigits.ShouldBe("6471050903850012");
        r.KkDigits.ShouldBe("6471051204150001");
        r.Address.ShouldBe(["damai", "5", "rt3"]);
        r.Region.ShouldBe("6471051001");
        r.SortKey.ShouldStartWith("muhamat rizki|");
        r.Keys.ShouldNotBeEmpty();
        r.ToString().ShouldBe("x: muhamat rizki 1985-03-09 6471050903850012");
    }
}
