using System.Globalization;
using System.Text.Json;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;

namespace Adminduk.Web.Features.Nik;

/// <summary>One finding in a <see cref="NikReport"/>.</summary>
public sealed record NikReportIssue(string Code, string Message);

/// <summary>
/// The NIK check as printed by <c>adminduk nik</c> and returned by <c>GET /api/nik/{nik}</c>. Both build it here and
/// serialize it with <see cref="JsonOptions"/>, so the two cannot drift.
/// </summary>
/// <param name="Nik">The input with outer whitespace removed.</param>
/// <param name="Province">Null when unknown or ambiguous (a warning then says why); names are never guessed.</param>
/// <param name="BirthDate">Serialized as yyyy-MM-dd.</param>
/// <param name="Sex">"male" or "female".</param>
public sealed record NikReport(
    string Nik,
    bool Valid,
    IReadOnlyList<NikReportIssue> Errors,
    IReadOnlyList<NikReportIssue> Warnings,
    string? Province,
    string? Regency,
    string? District,
    DateOnly? BirthDate,
    string? Sex,
    int? Serial)
{
    /// <summary>Indonesia's easternmost offset (WIT, UTC+9; no daylight saving): a date that has begun anywhere in the country is not "the future".</summary>
    public static readonly TimeSpan IndonesiaLatestOffset = TimeSpan.FromHours(9);

    /// <summary>camelCase (web defaults), indented for people reading the CLI; the API sends the same bytes.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Today's date at UTC+9, the "today" for NIK checks in both the CLI and the API.</summary>
    public static DateOnly Today(TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().ToOffset(IndonesiaLatestOffset).DateTime);

    public static NikReport Check(string? nik, DateOnly today, CultureInfo culture) =>
        From(Domain.Numbers.Nik.Parse(nik, today), culture);

    public static NikReport From(NikParseResult result, CultureInfo culture) => new(
        result.Input,
        result.Valid,
        [.. result.Errors.Select(e => new NikReportIssue(e.Code, e.MessageIn(culture)))],
        [.. result.Warnings.Select(w => new NikReportIssue(w.Code, w.MessageIn(culture)))],
        result.ProvinceName,
        result.RegencyName,
        result.DistrictName,
        result.BirthDate,
        result.Sex switch
        {
            Domain.Population.Sex.Male => "male",
            Domain.Population.Sex.Female => "female",
            _ => null,
        },
        result.Serial);

    public static string ToJson(NikReport report) => JsonSerializer.Serialize(report, JsonOptions);
}
