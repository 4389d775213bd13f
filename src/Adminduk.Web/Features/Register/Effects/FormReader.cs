using System.Globalization;
using Adminduk.Domain.Validation;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>Typed reads of an approved form's normalised values (the validator stored dates as yyyy-MM-dd, NIKs as digits).</summary>
internal sealed class FormReader(IReadOnlyDictionary<string, string?> form, string serviceCode)
{
    public string? Optional(string field) => form.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public string Text(string field) => Optional(field) ?? throw Missing(field);

    public DateOnly Date(string field) => FormValidator.ParseDate(Text(field)) ?? throw Invalid(field);

    public int Number(string field) =>
        int.TryParse(Text(field), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Invalid(field);

    public T Enum<T>(string field)
        where T : struct, Enum =>
        OptionalEnum<T>(field) ?? throw Missing(field);

    public T? OptionalEnum<T>(string field)
        where T : struct, Enum =>
        Optional(field) is not { } raw ? null
        : System.Enum.TryParse<T>(raw, ignoreCase: false, out var value) && System.Enum.IsDefined(value) ? value
        : throw Invalid(field);

    private RegisterEffectException Missing(string field) => new($"Approved {serviceCode} form has no value for '{field}'.");

    private RegisterEffectException Invalid(string field) => new($"Approved {serviceCode} form has an invalid '{field}'.");
}
