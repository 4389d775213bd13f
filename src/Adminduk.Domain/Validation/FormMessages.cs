using System.Globalization;
using System.Resources;

namespace Adminduk.Domain.Validation;

/// <summary>Form validation messages from FormMessages.resx (Bahasa Indonesia) and FormMessages.en.resx.</summary>
public static class FormMessages
{
    private static readonly ResourceManager Resources = new("Adminduk.Domain.Validation.FormMessages", typeof(FormMessages).Assembly);
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The message for a code in both languages; arguments that are texts are taken in the matching language.</summary>
    public static LocalizedText Text(string code, params object[] arguments) => new(
        Format(code, Indonesian, arguments),
        Format(code, English, arguments));

    private static string Format(string code, CultureInfo culture, object[] arguments)
    {
        var template = Resources.GetString(code, culture)
            ?? throw new InvalidOperationException($"No message for form issue '{code}'.");
        var args = arguments.Select(a => a is LocalizedText t ? t.For(culture) : a).ToArray();
        return string.Format(culture, template, args);
    }

    /// <summary>The template in exactly one resource file (no fallback), for completeness checks.</summary>
    internal static string? TemplateWithoutFallback(string code, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(code);
}
