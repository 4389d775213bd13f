using System.Globalization;
using System.Resources;
using Adminduk.Domain.Validation;

namespace Adminduk.Web.Features.BackOffice;

/// <summary>
/// Texts stored with the data (history notes, correction reasons) are written in Bahasa Indonesia, the language
/// of record, whatever the staff member's UI language; they come from the neutral SharedResource.resx.
/// </summary>
public static class StoredText
{
    private static readonly ResourceManager Resources = new("Adminduk.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The Indonesian and English text of a key, for reports that carry both (<see cref="LocalizedText"/>).</summary>
    public static LocalizedText Localized(string key) =>
        new(Get(key), Resources.GetString(key, CultureInfo.GetCultureInfo("en")) ?? Get(key));

    public static string Get(string key, params object[] args)
    {
        var text = Resources.GetString(key, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"No text '{key}' in SharedResource.resx.");
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }
}
