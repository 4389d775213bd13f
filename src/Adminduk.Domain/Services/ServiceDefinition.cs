using System.Text.Json.Serialization;
using Adminduk.Domain.Documents;
using Adminduk.Domain.Validation;

namespace Adminduk.Domain.Services;

/// <summary>The kinds of form field; each has its own format check.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
public enum FieldType
{
    Text,
    LongText,
    Nik,
    KkNumber,
    Date,
    Time,
    Select,
    Phone,
    Email,
    Number,

    /// <summary>A regency/city code anywhere in Indonesia (origin or destination of a move).</summary>
    Regency,

    /// <summary>A kelurahan of the office's own city.</summary>
    Kelurahan,
}

/// <summary>Who may apply for a service.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Eligibility>))]
public enum Eligibility
{
    /// <summary>A person in this register (or a member of their household applying for them).</summary>
    RegisteredResident,

    /// <summary>Someone not (yet) in this register, e.g. arriving from another city.</summary>
    Newcomer,

    /// <summary>A foreign national.</summary>
    Foreigner,
}

[JsonConverter(typeof(JsonStringEnumConverter<InPersonStep>))]
public enum InPersonStep
{
    None,

    /// <summary>Biometric recording for the e-KTP (perekaman).</summary>
    Recording,

    /// <summary>Bring an original paper document to the service point.</summary>
    BringOriginal,
}

public sealed record FieldOption(string Value, LocalizedText Label);

/// <summary>A condition on another field's value: "reason" equals "hilang", or is filled at all when Equals is null.</summary>
public sealed record FieldCondition(string Field, string? EqualsValue = null)
{
    public bool IsMetBy(IReadOnlyDictionary<string, string?> values) =>
        values.TryGetValue(Field, out var v) && !string.IsNullOrWhiteSpace(v)
        && (EqualsValue is null || string.Equals(v.Trim(), EqualsValue, StringComparison.Ordinal));
}

public sealed record FieldDefinition
{
    public required string Name { get; init; }

    public required FieldType Type { get; init; }

    public required LocalizedText Label { get; init; }

    public LocalizedText? Help { get; init; }

    public bool Required { get; init; }

    /// <summary>Required only when this condition holds (overrides <see cref="Required"/> = false).</summary>
    public FieldCondition? RequiredWhen { get; init; }

    public int MaxLength { get; init; } = 200;

    /// <summary>Smallest allowed value of a Number field.</summary>
    public int Min { get; init; }

    /// <summary>Largest allowed value of a Number field.</summary>
    public int Max { get; init; } = 9999;

    public IReadOnlyList<FieldOption> Options { get; init; } = [];

    public bool IsRequired(IReadOnlyDictionary<string, string?> values) =>
        Required || (RequiredWhen?.IsMetBy(values) ?? false);
}

/// <summary>
/// The document an approval issues chosen by a field's value, e.g. "aktaKind": "kelahiran" -> AktaKelahiran for a
/// certificate reissue.
/// </summary>
public sealed record DocumentFromField
{
    public required string Field { get; init; }

    /// <summary>Field value -> document kind.</summary>
    public required IReadOnlyDictionary<string, DocumentKind> Map { get; init; }
}

public sealed record AttachmentDefinition
{
    public required string Code { get; init; }

    public required LocalizedText Title { get; init; }

    public LocalizedText? Help { get; init; }

    public bool Required { get; init; }

    public FieldCondition? RequiredWhen { get; init; }

    public bool IsRequired(IReadOnlyDictionary<string, string?> values) =>
        Required || (RequiredWhen?.IsMetBy(values) ?? false);
}

/// <summary>A service citizens can apply for, described as data (Services/Catalogue/*.json, one file per service).</summary>
public sealed record ServiceDefinition
{
    /// <summary>Stable code used in URLs and stored with applications, e.g. "kk-perubahan".</summary>
    public required string Code { get; init; }

    public required LocalizedText Title { get; init; }

    public required LocalizedText Description { get; init; }

    public required Eligibility Eligibility { get; init; }

    /// <summary>A household member may apply on behalf of another member of the same KK.</summary>
    public bool HouseholdMayApply { get; init; }

    public InPersonStep InPersonStep { get; init; } = InPersonStep.None;

    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];

    public IReadOnlyList<AttachmentDefinition> Attachments { get; init; } = [];

    /// <summary>The documents an approval issues (none for a card that is printed, or for advice-only services).</summary>
    public IReadOnlyList<DocumentKind> Documents { get; init; } = [];

    /// <summary>A further document chosen by a field's value (see <see cref="Services.DocumentFromField"/>).</summary>
    public DocumentFromField? DocumentFromField { get; init; }

    public FieldDefinition? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>The documents an approval of these form values issues: <see cref="Documents"/>, then the one the field chooses.</summary>
    public IReadOnlyList<DocumentKind> DocumentsFor(IReadOnlyDictionary<string, string?> values)
    {
        if (DocumentFromField is not { } chosen
            || !values.TryGetValue(chosen.Field, out var value)
            || value is null
            || !chosen.Map.TryGetValue(value.Trim(), out var kind)
            || Documents.Contains(kind))
        {
            return Documents;
        }

        return [.. Documents, kind];
    }
}
