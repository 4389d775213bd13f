using System.Globalization;
using System.Resources;

namespace Adminduk.Domain.Validation;

/// <summary>Form validation messages from FormMessages.resx (Bahasa Indonesia) and FormMessages.en.resx.</summary>
public static class FormMessages
{
    private static readonly LocalizedResources Resources = new(
        new ResourceManager("Adminduk.Domain.Validation.FormMessages", typeof(FormMessages).Assembly), "form issue");

    public static LocalizedText Text(string code, params object[] arguments) => Resources.Text(code, arguments);

    internal static string? TemplateWithoutFallback(string code, CultureInfo culture) => Resources.TemplateWithoutFallback(code, culture);
}
