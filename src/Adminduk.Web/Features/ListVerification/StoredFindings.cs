using System.Globalization;
using System.Resources;
using System.Text.Json;
using System.Text.Json.Serialization;
using Adminduk.Domain.Matching.Verification;
using Adminduk.Domain.Population;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>A finding as stored with its row: code, message in both languages, the other rows it is about.</summary>
public sealed record StoredFinding(
    [property: JsonPropertyName("c")] string Code,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("en")] string En,
    [property: JsonPropertyName("o")] IReadOnlyList<string>? OtherRows = null)
{
    public string MessageFor(CultureInfo culture) => new LocalizedText(Id, En).For(culture);

    public static StoredFinding From(Finding finding) => new(
        finding.Code,
        finding.MessageIn(VerdictMessages.Indonesian),
        finding.MessageIn(VerdictMessages.English),
        finding.OtherRows.Count > 0 ? finding.OtherRows : null);
}

[JsonSerializable(typeof(List<StoredFinding>))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class FindingJson : JsonSerializerContext;

/// <summary>A decided review pair as one of its rows sees it.</summary>
/// <param name="OtherRow">The other row's label ("list:line") for a row pair; null for a row-and-register pair.</param>
public sealed record DecidedPair(PairDecisionKind Decision, string? OtherRow, string? ResidentNik, ResidentStatus? ResidentStatus);

/// <summary>
/// A row's findings once staff decisions are taken into account, and the status they give. The verifier's findings
/// are kept as they were; decisions on the row's review pairs replace the review findings they answer.
/// </summary>
public static class ReviewRules
{
    public const string SamePerson = "review.same_person";
    public const string NotSamePerson = "review.not_same_person";
    public const string Duplicate = "review.duplicate";
    public const string NotDuplicate = "review.not_duplicate";

    private static readonly LocalizedResources Messages = new(
        new ResourceManager("Adminduk.Web.Resources.Features.ListVerification.ListVerificationPages", typeof(ReviewRules).Assembly), "review finding");

    /// <summary>Findings that say nothing is wrong.</summary>
    private static readonly HashSet<string> Informational = new(StringComparer.Ordinal) { VerdictCodes.Valid, SamePerson, NotDuplicate };

    public static string Serialize(List<StoredFinding> findings) => JsonSerializer.Serialize(findings, FindingJson.Default.ListStoredFinding);

    public static List<StoredFinding> Deserialize(string json) => JsonSerializer.Deserialize(json, FindingJson.Default.ListStoredFinding) ?? [];

    public static List<StoredFinding> Effective(IReadOnlyList<StoredFinding> original, IReadOnlyList<DecidedPair> decided)
    {
        if (decided.Count == 0)
        {
            return [.. original];
        }

        var result = original.Where(f => f.Code != VerdictCodes.Valid).ToList();
        var sameRows = new List<string>();
        var otherRows = new List<string>();
        foreach (var pair in decided)
        {
            if (pair.OtherRow is null)
            {
                result.RemoveAll(f => f.Code == VerdictCodes.RegisterReview);
                if (pair.Decision == PairDecisionKind.Duplicate)
                {
                    result.Add(Text(SamePerson, pair.ResidentNik ?? ""));
                    if (pair.ResidentStatus is ResidentStatus.Deceased or ResidentStatus.MovedOut)
                    {
                        var code = pair.ResidentStatus == ResidentStatus.Deceased ? VerdictCodes.Deceased : VerdictCodes.MovedOut;
                        result.Add(StoredFinding.From(new Finding(code)));
                    }
                }
                else
                {
                    result.Add(Text(NotSamePerson));
                }

                continue;
            }

            var index = result.FindIndex(f => f.Code == VerdictCodes.DuplicateReview);
            if (index >= 0)
            {
                var remaining = (result[index].OtherRows ?? []).Where(r => r != pair.OtherRow).ToList();
                if (remaining.Count == 0)
                {
                    result.RemoveAt(index);
                }
                else
                {
                    result[index] = StoredFinding.From(new Finding(VerdictCodes.DuplicateReview, string.Join(", ", remaining)) { OtherRows = remaining });
                }
            }

            (pair.Decision == PairDecisionKind.Duplicate ? sameRows : otherRows).Add(pair.OtherRow);
        }

        if (sameRows.Count > 0)
        {
            result.Add(Text(Duplicate, sameRows));
        }

        if (otherRows.Count > 0)
        {
            result.Add(Text(NotDuplicate, otherRows));
        }

        if (result.Count == 0)
        {
            result.Add(StoredFinding.From(new Finding(VerdictCodes.Valid)));
        }

        return result;
    }

    public static RowStatus StatusOf(IReadOnlyList<StoredFinding> findings) =>
        findings.Any(f => !Informational.Contains(f.Code) && !VerdictCodes.IsReview(f.Code)) ? RowStatus.Problem
        : findings.Any(f => VerdictCodes.IsReview(f.Code)) ? RowStatus.Review
        : RowStatus.Valid;

    public static string CodesOf(IEnumerable<StoredFinding> findings) => string.Join(' ', findings.Select(f => f.Code).Distinct(StringComparer.Ordinal));

    private static StoredFinding Text(string code, string argument = "")
    {
        var text = Messages.Text(code, argument);
        return new StoredFinding(code, text.Id, text.En);
    }

    private static StoredFinding Text(string code, List<string> rows)
    {
        var text = Messages.Text(code, string.Join(", ", rows));
        return new StoredFinding(code, text.Id, text.En, [.. rows]);
    }
}
