using System.Globalization;
using System.Resources;

namespace Adminduk.Web.Features.Notifications;

/// <summary>
/// Marker for the texts of the notifications, zones, delivery, promise and complaints pages
/// (Resources/Features/Notifications/NotificationPages.resx and .en.resx).
/// </summary>
public sealed class NotificationPages;

/// <summary>Texts stored with the data (history notes) are Bahasa Indonesia, the language of record, from the neutral resource file.</summary>
public static class NotificationText
{
    private static readonly ResourceManager Resources =
        new("Adminduk.Web.Resources.Features.Notifications.NotificationPages", typeof(NotificationPages).Assembly);

    public static string Stored(string key, params object[] args)
    {
        var text = Resources.GetString(key, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"No text '{key}' in NotificationPages.resx.");
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }
}
