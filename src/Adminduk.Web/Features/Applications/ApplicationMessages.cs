using System.Globalization;
using System.Resources;
using Adminduk.Domain.Validation;

namespace Adminduk.Web.Features.Applications;

/// <summary>Messages of the application engine from ApplicationMessages.resx (Bahasa Indonesia) and .en.resx.</summary>
public static class ApplicationMessages
{
    private static readonly LocalizedResources Resources = new(
        new ResourceManager("Adminduk.Web.Features.Applications.ApplicationMessages", typeof(ApplicationMessages).Assembly), "application issue");

    public static LocalizedText Text(string code, params object[] arguments) => Resources.Text(code, arguments);

    internal static string? TemplateWithoutFallback(string code, CultureInfo culture) => Resources.TemplateWithoutFallback(code, culture);
}
