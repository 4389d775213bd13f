using System.Globalization;
using System.Resources;
using Adminduk.Domain.Validation;

namespace Adminduk.Web.Features.Applications;

/// <summary>Register-check messages of the marriage, divorce, moving and reissue services (CivilRegistryMessages.resx and .en.resx).</summary>
public static class CivilRegistryMessages
{
    private static readonly LocalizedResources Resources = new(
        new ResourceManager("Adminduk.Web.Features.Applications.CivilRegistryMessages", typeof(CivilRegistryMessages).Assembly), "civil registry issue");

    public static LocalizedText Text(string code, params object[] arguments) => Resources.Text(code, arguments);

    internal static string? TemplateWithoutFallback(string code, CultureInfo culture) => Resources.TemplateWithoutFallback(code, culture);
}
