using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Adminduk.Domain.Matching;
using Adminduk.Domain.Matching.Verification;

namespace Adminduk.Domain.Tests.Matching.Verification;

public partial class VerdictMessagesTests
{
    public static TheoryData<string> Keys =>
        [.. VerdictCodes.All.Concat(Enum.GetValues<MatchField>().Select(VerdictMessages.FieldKey)).Append("field.kk")];

    [Fact]
    public void All_lists_every_code_constant_once()
    {
        var constants = typeof(VerdictCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        VerdictCodes.All.ShouldBeUnique();
        VerdictCodes.All.OrderBy(c => c, StringComparer.Ordinal).ShouldBe(constants.OrderBy(c => c, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_code_and_field_has_an_indonesian_and_an_english_text_with_the_same_placeholders(string key)
    {
        var indonesian = VerdictMessages.TemplateWithoutFallback(key, CultureInfo.InvariantCulture).ShouldNotBeNull();
        var english = VerdictMessages.TemplateWithoutFallback(key, VerdictMessages.English).ShouldNotBeNull();
        if (key != "field.nik")
        {
            indonesian.ShouldNotBe(english);
        }

        Placeholders(indonesian).ShouldBe(Placeholders(english));
    }

    [Fact]
    public void Only_review_codes_ask_for_review()
    {
        VerdictCodes.All.Where(VerdictCodes.IsReview).ShouldBe([VerdictCodes.RegisterReview, VerdictCodes.DuplicateReview]);
    }

    [Fact]
    public void Unknown_codes_fail_loudly() =>
        Should.Throw<InvalidOperationException>(() => new Finding("nope").Message);

    [Fact]
    public void Findings_render_their_arguments_in_both_languages()
    {
        var f = new Finding(VerdictCodes.NikMistyped, "647105******0007", "647105******0001");
        f.Message.ShouldBe("NIK 647105******0007 tidak terdaftar; orang ini ditemukan di register dengan NIK 647105******0001 (kemungkinan salah ketik).");
        f.MessageEnglish.ShouldBe("NIK 647105******0007 is not registered; this person was found in the register with NIK 647105******0001 (probably a typing error).");
        f.ToString().ShouldBe("nik.mistyped(647105******0007, 647105******0001)");
    }

    private static List<string> Placeholders(string template) =>
        [.. PlaceholderPattern().Matches(template).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
