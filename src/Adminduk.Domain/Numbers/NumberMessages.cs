using System.Globalization;
using System.Resources;

namespace Adminduk.Domain.Numbers;

/// <summary>
/// Messages for number findings from NumberMessages.resx (neutral = Bahasa Indonesia) and NumberMessages.en.resx.
/// The culture is always passed in: no thread culture is read or changed.
/// </summary>
public static class NumberMessages
{
    private static readonly ResourceManager Resources = new("Adminduk.Domain.Numbers.NumberMessages", typeof(NumberMessages).Assembly);

    public static CultureInfo Indonesian { get; } = CultureInfo.GetCultureInfo("id");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>"en" (any English culture) gives English; anything else, including null, Bahasa Indonesia.</summary>
    public static CultureInfo CultureFor(string? language) =>
        language is not null && language.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Indonesian;

    /// <exception cref="InvalidOperationException">The code has no message (a missing resource is a bug, never shown as a raw code).</exception>
    public static string Format(string code, CultureInfo culture, IReadOnlyList<string> arguments)
    {
        var template = Resources.GetString(code, culture)
            ?? throw new InvalidOperationException($"No message for number issue '{code}'.");
        return string.Format(culture, template, arguments.Cast<object?>().ToArray());
    }

    /// <summary>The template for a code in exactly one resource file (no fallback), for completeness checks.</summary>
    internal static string? TemplateWithoutFallback(string code, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(code);
}
