using Adminduk.Domain.Numbers;

namespace Adminduk.Domain.Tests.Numbers;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("0812.3456.7890", "+6281234567890")]
    [InlineData("(0812) 3456-7890", "+6281234567890")]
    [InlineData("  0812 3456 7890  ", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("62 812 3456 7890", "+6281234567890")]
    [InlineData("+6281234567890", "+6281234567890")]
    [InlineData("+62 812-3456-7890", "+6281234567890")]
    [InlineData("+62 (812) 3456 7890", "+6281234567890")]
    [InlineData("0062 812 3456 7890", "+6281234567890")]
    [InlineData("0811234567", "+62811234567")] // 10 digits as 08...: shortest
    [InlineData("0881234567890", "+62881234567890")] // 13 digits: longest
    [InlineData("0821-5555-1234", "+6282155551234")]
    [InlineData("0838 1234 5678", "+6283812345678")]
    [InlineData("0857 1234 5678", "+6285712345678")]
    [InlineData("0877-1234-5678", "+6287712345678")]
    [InlineData("0896 1234 5678", "+6289612345678")]
    public void Indonesian_mobile_numbers_normalise_to_e164(string input, string e164)
    {
        var r = PhoneNumber.Parse(input);
        r.Errors.ShouldBeEmpty();
        r.Warnings.ShouldBeEmpty();
        r.Valid.ShouldBeTrue();
        r.E164.ShouldBe(e164);
        r.IsIndonesian.ShouldBeTrue();
    }

    [Theory]
    [InlineData("+60 12-345 6789", "+60123456789")]
    [InlineData("+65 8123 4567", "+6581234567")]
    [InlineData("+1 (202) 555-0143", "+12025550143")]
    [InlineData("0044 20 7946 0958", "+442079460958")]
    [InlineData("+86 138 0013 8000", "+8613800138000")]
    [InlineData("+683 4002", "+6834002")] // 7 digits: shortest allowed
    [InlineData("+670 7723 4567", "+67077234567")]
    [InlineData("+123456789012345", "+123456789012345")] // 15 digits: longest allowed
    public void Numbers_of_other_countries_are_kept_in_international_form(string input, string e164)
    {
        var r = PhoneNumber.Parse(input);
        r.Errors.ShouldBeEmpty();
        r.Valid.ShouldBeTrue();
        r.E164.ShouldBe(e164);
        r.IsIndonesian.ShouldBeFalse();
    }

    [Theory]
    [InlineData("+62 0812 3456 7890")]
    [InlineData("+62 (0) 812-3456-7890")]
    [InlineData("620812 3456 7890")]
    [InlineData("00620812 3456 7890")]
    public void A_national_zero_after_62_is_dropped_with_a_warning(string input)
    {
        var r = PhoneNumber.Parse(input);
        r.Valid.ShouldBeTrue();
        r.E164.ShouldBe("+6281234567890");
        r.Warnings.ShouldHaveSingleItem().Code.ShouldBe(NumberIssueCodes.PhoneTrunkZeroRemoved);
    }

    [Theory]
    [InlineData("", NumberIssueCodes.PhoneEmpty)]
    [InlineData("   ", NumberIssueCodes.PhoneEmpty)]
    [InlineData(null, NumberIssueCodes.PhoneEmpty)]
    [InlineData("( ) - .", NumberIssueCodes.PhoneEmpty)]
    [InlineData("+", NumberIssueCodes.PhoneEmpty)]
    [InlineData("0812a3456789", NumberIssueCodes.PhoneInvalidCharacter, "5", "a")]
    [InlineData("0812/3456/789", NumberIssueCodes.PhoneInvalidCharacter, "5", "/")]
    [InlineData("0812_3456_789", NumberIssueCodes.PhoneInvalidCharacter, "5", "_")]
    [InlineData("0812\t3456789", NumberIssueCodes.PhoneInvalidCharacter, "5", "U+0009")]
    [InlineData("tel:081234567890", NumberIssueCodes.PhoneInvalidCharacter, "1", "t")]
    [InlineData("0812+3456789", NumberIssueCodes.PhonePlusPosition, "5")]
    [InlineData("++6281234567890", NumberIssueCodes.PhonePlusPosition, "2")]
    [InlineData("812 3456 7890", NumberIssueCodes.PhoneMissingPrefix)]
    [InlineData("12025550143", NumberIssueCodes.PhoneMissingPrefix)]
    [InlineData("021-555-1234", NumberIssueCodes.PhoneIdNotMobile, "+62215551234")]
    [InlineData("+62 21 555 1234", NumberIssueCodes.PhoneIdNotMobile, "+62215551234")]
    [InlineData("0542 123456", NumberIssueCodes.PhoneIdNotMobile, "+62542123456")]
    [InlineData("0800 1234 567", NumberIssueCodes.PhoneIdNotMobile, "+628001234567")]
    [InlineData("0841 2345 6789", NumberIssueCodes.PhoneIdNotMobile, "+6284123456789")]
    [InlineData("0", NumberIssueCodes.PhoneIdNotMobile, "+62")]
    [InlineData("+62", NumberIssueCodes.PhoneIdNotMobile, "+62")]
    [InlineData("+628", NumberIssueCodes.PhoneIdNotMobile, "+628")]
    [InlineData("08123456", NumberIssueCodes.PhoneIdLength, "8")]
    [InlineData("081234567", NumberIssueCodes.PhoneIdLength, "9")]
    [InlineData("08123456789012", NumberIssueCodes.PhoneIdLength, "14")]
    [InlineData("+62 812 3456 7890 12", NumberIssueCodes.PhoneIdLength, "14")]
    [InlineData("+0812 3456 7890", NumberIssueCodes.PhoneCountryCodeZero)]
    [InlineData("000 123 4567", NumberIssueCodes.PhoneCountryCodeZero)]
    [InlineData("00", NumberIssueCodes.PhoneCountryCodeZero)]
    [InlineData("+123456", NumberIssueCodes.PhoneInternationalLength, "6")]
    [InlineData("+1234567890123456", NumberIssueCodes.PhoneInternationalLength, "16")]
    [InlineData("0060 12", NumberIssueCodes.PhoneInternationalLength, "4")]
    public void Each_rule_has_its_error(string? input, string code, params string[] arguments)
    {
        var r = PhoneNumber.Parse(input);
        r.Valid.ShouldBeFalse();
        r.E164.ShouldBeNull();
        r.IsIndonesian.ShouldBeFalse();
        var error = r.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(code);
        error.Arguments.ShouldBe(arguments);
    }

    [Fact]
    public void Messages_explain_the_fix()
    {
        var error = PhoneNumber.Parse("021-555-1234").Errors.Single();
        error.Message.ShouldBe("+62215551234 bukan nomor seluler Indonesia; nomor seluler diawali 08 atau +628.");
        error.MessageEnglish.ShouldBe("+62215551234 is not an Indonesian mobile number; mobile numbers start with 08 or +628.");
        PhoneNumber.Parse("08123456").Errors.Single().Message
            .ShouldBe("Nomor seluler Indonesia memiliki 10-13 angka bila ditulis 08...; nomor ini 8 angka.");
    }
}
