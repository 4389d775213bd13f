using Adminduk.Domain.Documents;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Documents;

public enum VerificationStatus
{
    /// <summary>Issued here and still the current document.</summary>
    Authentic = 1,

    /// <summary>Issued here, but a later document replaced it.</summary>
    Superseded = 2,

    /// <summary>No document has this code.</summary>
    Unknown = 3,
}

/// <summary>What the public verification page may show: as little personal data as proves the document.</summary>
public sealed record VerificationResult(
    VerificationStatus Status,
    DocumentKind? Kind = null,
    string? Number = null,
    string? MaskedName = null,
    DateOnly? IssuedOn = null,
    string? OfficeName = null,
    DateOnly? SupersededOn = null);

public static class DocumentVerification
{
    public static async Task<VerificationResult> CheckAsync(AdmindukDbContext db, string? code, CancellationToken ct)
    {
        if (!VerificationCodes.IsWellFormed(code))
        {
            return new VerificationResult(VerificationStatus.Unknown);
        }

        var found = await db.Documents.AsNoTracking()
            .Where(d => d.VerificationCode == code)
            .Select(d => new { d.Kind, d.Number, d.SubjectName, d.IssuedOn, Office = d.Office!.Name, d.Office.TimeZoneId, d.SupersededAt })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return new VerificationResult(VerificationStatus.Unknown);
        }

        DateOnly? supersededOn = found.SupersededAt is { } at
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(found.TimeZoneId)).DateTime)
            : null;
        return new VerificationResult(
            supersededOn is null ? VerificationStatus.Authentic : VerificationStatus.Superseded,
            found.Kind, found.Number, MaskName(found.SubjectName), found.IssuedOn, found.Office, supersededOn);
    }

    /// <summary>"Andi Saputra" -> "A*** S******": enough to match the paper in hand, not to learn a name from a code.</summary>
    public static string MaskName(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length <= 1 || !char.IsLetter(w[0]) ? w : w[0] + new string('*', w.Length - 1)));
}
