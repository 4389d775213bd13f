using System.Text.RegularExpressions;
using Adminduk.Domain.Applications;

namespace Adminduk.Domain.Tests.Applications;

public partial class ReceiptNumberTests
{
    [GeneratedRegex("^BPN-20261123-[0-9A-HJKMNP-TV-Z]{8}$")]
    private static partial Regex Shape();

    [Fact]
    public void Generated_numbers_have_the_office_date_and_random_part()
    {
        var receipt = ReceiptNumber.Generate("BPN", new DateOnly(2026, 11, 23));
        Shape().IsMatch(receipt).ShouldBeTrue(receipt);
        ReceiptNumber.Normalize(receipt).ShouldBe(receipt);
    }

    [Fact]
    public void Generated_numbers_do_not_repeat()
    {
        var day = new DateOnly(2026, 11, 23);
        var numbers = Enumerable.Range(0, 20_000).Select(_ => ReceiptNumber.Generate("BPN", day)).ToHashSet();
        numbers.Count.ShouldBe(20_000);
    }

    [Theory]
    [InlineData(" bpn-20261123-7kq4m2xa ", "BPN-20261123-7KQ4M2XA")]
    [InlineData("BPN 20261123 7KQ4M2XA", "BPN-20261123-7KQ4M2XA")]
    [InlineData("BPN202611237OQ4M2XA", "BPN-20261123-70Q4M2XA")]
    [InlineData("PLG-20270101-IL000000", "PLG-20270101-11000000")]
    [InlineData("t1-20270101-00000000", "T1-20270101-00000000")]
    public void Typed_numbers_are_normalised(string typed, string expected) =>
        ReceiptNumber.Normalize(typed).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("BPN-20261123")]
    [InlineData("BPN-20261323-7KQ4M2XA")]
    [InlineData("B-20261123-7KQ4M2XA")]
    [InlineData("BPN-2026112A-7KQ4M2XA")]
    [InlineData("BPN-20261123-7KQ4M2X!")]
    [InlineData("BPN-20261123-7KQ4M2XAU")]
    [InlineData("' OR 1=1 --")]
    public void Other_input_is_not_a_receipt(string? typed) => ReceiptNumber.Normalize(typed).ShouldBeNull();

    [Theory]
    [InlineData("bpn")]
    [InlineData("B")]
    [InlineData("1BPN")]
    [InlineData("BPN-1")]
    public void Bad_office_codes_are_refused(string office) =>
        Should.Throw<ArgumentException>(() => ReceiptNumber.Generate(office, new DateOnly(2026, 1, 1)));
}
