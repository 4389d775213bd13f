using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Adminduk.Domain.Numbers;

namespace Adminduk.Domain.Tests.Numbers;

public partial class NumberMessagesTests
{
    public static TheoryData<string> Codes => [.. NumberIssueCodes.All];

    [Fact]
    public void All_lists_every_code_constant_once()
    {
        var constants = typeof(NumberIssueCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        NumberIssueCodes.All.ShouldBeUnique();
        NumberIssueCodes.All.OrderBy(c => c, StringComparer.Ordinal).ShouldBe(constants.OrderBy(c => c, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_an_indonesian_and_an_english_message_with_the_same_placeholders(string code)
    {
        var indonesian = NumberMessages.TemplateWithoutFallback(code, CultureInfo.InvariantCulture).ShouldNotBeNull();
        var english = NumberMessages.TemplateWithoutFallback(code, NumberMessages.English).ShouldNotBeNull();
        indonesian.ShouldNotBe(english);
        Placeholders(indonesian).ShouldBe(Placeholders(english));
    }

    [Fact]
    public void Unknown_codes_fail_loudly_instead_of_showing_a_raw_code() =>
        Should.Throw<InvalidOperationException>(() => NumberMessages.Format("nik.nope", NumberMessages.Indonesian, []));

    [Theory]
    [InlineData(null, "id")]
    [InlineData("", "id")]
    [InlineData("id", "id")]
    [InlineData("id-ID", "id")]
    [InlineData("fr", "id")]
    [InlineData("en", "en")]
    [InlineData("EN-us", "en")]
    [InlineData(" en ", "en")]
    public void Languages_other_than_english_get_bahasa_indonesia(string? language, string expected) =>
        NumberMessages.CultureFor(language).Name.ShouldBe(expected);

    private static List<string> Placeholders(string template) =>
        [.. PlaceholderPattern().Matches(template).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
