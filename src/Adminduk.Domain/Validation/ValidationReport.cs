using System.Globalization;

namespace Adminduk.Domain.Validation;

public enum Severity
{
    /// <summary>Blocks submission until fixed.</summary>
    Error = 1,

    /// <summary>Shown to the person, who may still proceed.</summary>
    Warning = 2,
}

/// <summary>A user-facing text in Bahasa Indonesia with its English counterpart.</summary>
public sealed record LocalizedText(string Id, string En)
{
    /// <summary>English for English UI cultures, Bahasa Indonesia otherwise.</summary>
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("en", StringComparison.Ordinal) ? En : Id;

    public override string ToString() => Id;
}

/// <summary>One problem with one field: a stable machine code and a message that says what to fix.</summary>
public sealed record ValidationIssue(string Field, string Code, Severity Severity, LocalizedText Message);

/// <summary>Every problem found in one pass, errors kept apart from warnings.</summary>
public sealed class ValidationReport
{
    private readonly List<ValidationIssue> issues = [];

    public IReadOnlyList<ValidationIssue> Issues => issues;

    public IEnumerable<ValidationIssue> Errors => issues.Where(i => i.Severity == Severity.Error);

    public IEnumerable<ValidationIssue> Warnings => issues.Where(i => i.Severity == Severity.Warning);

    public bool IsValid => !issues.Any(i => i.Severity == Severity.Error);

    public ValidationReport Error(string field, string code, LocalizedText message) =>
        Add(new ValidationIssue(field, code, Severity.Error, message));

    public ValidationReport Warning(string field, string code, LocalizedText message) =>
        Add(new ValidationIssue(field, code, Severity.Warning, message));

    public ValidationReport Add(ValidationIssue issue)
    {
        issues.Add(issue);
        return this;
    }

    public ValidationReport AddRange(IEnumerable<ValidationIssue> more)
    {
        issues.AddRange(more);
        return this;
    }

    public bool HasErrorFor(string field) => Errors.Any(i => i.Field == field);

    /// <summary>Messages per field for one severity, in the given culture (the shape of RFC 9457 "errors").</summary>
    public IDictionary<string, string[]> ToDictionary(Severity severity, CultureInfo culture) =>
        issues.Where(i => i.Severity == severity)
            .GroupBy(i => i.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(i => i.Message.For(culture)).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
}
