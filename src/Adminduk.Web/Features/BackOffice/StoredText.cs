using System.Globalization;
using System.Resources;

namespace Adminduk.Web.Features.BackOffice;

/// <summary>
/// Texts stored with the data (history notes, correction reasons) are written in Bahasa Indonesia, the language
/// of record, whatever the staff member's UI language; they come from the neutral SharedResource.resx.
/// </summary>
public static class StoredText
{
    private static readonly ResourceManager Resources = new("Adminduk.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string Get(string key, params object[] args)
    {
        var text = Resources.GetString(key, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"No text '{key}' in SharedResource.resx.");
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }
}
