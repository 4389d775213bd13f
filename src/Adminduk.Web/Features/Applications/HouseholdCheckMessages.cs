using System.Globalization;
using System.Resources;
using Adminduk.Domain.Validation;

namespace Adminduk.Web.Features.Applications;

/// <summary>Register-check messages of the household and death services, from HouseholdCheckMessages.resx (Bahasa Indonesia) and .en.resx.</summary>
public static class HouseholdCheckMessages
{
    private static readonly LocalizedResources Resources = new(
        new ResourceManager("Adminduk.Web.Features.Applications.HouseholdCheckMessages", typeof(HouseholdCheckMessages).Assembly), "household check");

    public static LocalizedText Text(string code, params object[] arguments) => Resources.Text(code, arguments);

    internal static string? TemplateWithoutFallback(string code, CultureInfo culture) => Resources.TemplateWithoutFallback(code, culture);
}
