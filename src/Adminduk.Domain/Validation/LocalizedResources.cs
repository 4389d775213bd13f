using System.Globalization;
using System.Resources;

namespace Adminduk.Domain.Validation;

/// <summary>
/// Bilingual messages from a pair of resource files: the neutral one in Bahasa Indonesia and a .en one.
/// Arguments that are <see cref="LocalizedText"/> are taken in the matching language.
/// </summary>
public sealed class LocalizedResources(ResourceManager resources, string kind)
{
    public static CultureInfo Indonesian { get; } = CultureInfo.GetCultureInfo("id");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    public LocalizedText Text(string code, params object[] arguments) => new(
        Format(code, Indonesian, arguments),
        Format(code, English, arguments));

    /// <summary>The template in exactly one resource file (no fallback), for completeness checks.</summary>
    public string? TemplateWithoutFallback(string code, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(code);

    private string Format(string code, CultureInfo culture, object[] arguments)
    {
        var template = resources.GetString(code, culture)
            ?? throw new InvalidOperationException($"No message for {kind} '{code}'.");
        var args = arguments.Select(a => a is LocalizedText t ? t.For(culture) : a).ToArray();
        return string.Format(culture, template, args);
    }
}
