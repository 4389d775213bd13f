using System.Globalization;
using System.Resources;
using Adminduk.Domain.Population;
using Adminduk.Domain.Services;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// Details of the population events these effects record. Stored with the data, so written in Bahasa Indonesia (the
/// language of record, as the seeded history is) from EffectDetails.resx; values use the catalogue's own labels.
/// </summary>
internal static class EffectDetails
{
    private static readonly ResourceManager Resources = new("Adminduk.Web.Features.Register.Effects.EffectDetails", typeof(EffectDetails).Assembly);

    public static string Get(string key, params object[] args)
    {
        var text = Resources.GetString(key, CultureInfo.InvariantCulture)
            ?? throw new InvalidOperationException($"No text '{key}' in EffectDetails.resx.");
        var formatted = args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
        return formatted.Length <= 1000 ? formatted : formatted[..1000];
    }

    public static string Relationship(RelationshipToHead relationship) => Get("Relationship." + relationship);

    /// <summary>The Indonesian label of a select field's value, as the citizen chose it.</summary>
    public static string Option(ServiceDefinition service, string field, string value) =>
        service.Field(field)?.Options.FirstOrDefault(o => o.Value == value)?.Label.Id ?? value;
}
