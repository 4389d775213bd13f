using System.Globalization;
using System.Resources;
using Adminduk.Domain.Documents;

namespace Adminduk.Web.Features.Documents;

/// <summary>
/// The printed texts of documents (Resources/Features/Documents/DocumentText.resx). Documents are issued in Bahasa
/// Indonesia, the language of record, whatever the reader's UI language.
/// </summary>
public static class DocumentText
{
    private static readonly ResourceManager Resources = new("Adminduk.Web.Resources.Features.Documents.DocumentText", typeof(DocumentText).Assembly);

    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Get(string key, params object?[] args)
    {
        var text = Resources.GetString(key, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"No document text '{key}'.");
        return args.Length == 0 ? text : string.Format(Indonesian, text, args);
    }

    /// <summary>The label of an enum value as printed, e.g. Religion.Islam -> "ISLAM".</summary>
    public static string Of(Enum value) => Get($"{value.GetType().Name}.{value}");

    /// <summary>The document's name, e.g. "Kutipan Akta Kelahiran".</summary>
    public static string KindName(DocumentKind kind) => Get("Kind." + kind);

    /// <summary>"23 November 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Indonesian);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "-";

    public static string OrDash(string? value) => string.IsNullOrWhiteSpace(value) ? "-" : value.Trim();
}
