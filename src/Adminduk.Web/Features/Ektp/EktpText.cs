using System.Globalization;
using System.Resources;
using Adminduk.Domain.Calendar;

namespace Adminduk.Web.Features.Ektp;

/// <summary>
/// Marker for the e-KTP pages' texts (Resources/Features/Ektp/EktpText.resx + .en.resx). Texts stored with the data
/// (history notes, messages) are written in Bahasa Indonesia, the language of record, through <see cref="Stored"/>.
/// </summary>
public sealed class EktpText
{
    private static readonly ResourceManager Resources = new("Adminduk.Web.Resources.Features.Ektp.EktpText", typeof(EktpText).Assembly);
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");

    public static string Stored(string key, params object[] args)
    {
        var text = Resources.GetString(key, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"No text '{key}' in EktpText.resx.");
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>"Senin, 30 November 2026 09.00" in the office's time zone, for history notes and messages.</summary>
    public static string When(OfficeCalendar calendar, DateTimeOffset instant) =>
        calendar.ToLocal(instant).ToString("dddd, d MMMM yyyy HH.mm", Indonesian);

    /// <summary>"30-11-2026" as the staff pages show days.</summary>
    public static string Day(DateOnly day) => day.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
