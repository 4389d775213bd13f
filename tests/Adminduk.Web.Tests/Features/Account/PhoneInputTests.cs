using Adminduk.Web.Features.Account;

namespace Adminduk.Web.Tests.Features.Account;

public class PhoneInputTests
{
    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("+62 (812) 3456.7890", "+6281234567890")]
    [InlineData("0811234567", "+62811234567")]
    [InlineData("0812345678901", "+62812345678901")]
    public void Typed_mobile_numbers_become_E164(string typed, string expected) =>
        PhoneInput.ToE164(typed).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345")]
    [InlineData("0212345678")] // Jakarta landline, not a mobile
    [InlineData("08123456")] // too short
    [InlineData("08123456789012")] // too long
    [InlineData("+6181234567890")] // another country
    [InlineData("0812345678a")]
    [InlineData("+62+81234567890")]
    public void Other_input_is_refused(string? typed) =>
        PhoneInput.ToE164(typed).ShouldBeNull();
}
