using System.Globalization;
using Adminduk.Domain.Documents;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Documents;

/// <summary>The JSON answer of GET /api/verify/{code}.</summary>
public sealed record VerificationDto(
    string Status,
    string? Kind,
    string? KindName,
    string? Number,
    string? Name,
    string? IssuedOn,
    string? Office,
    string? SupersededOn);

public static class DocumentEndpoints
{
    public const string DownloadPattern = "/documents/{id:long}/download";

    public static string DownloadPath(long id) => string.Create(CultureInfo.InvariantCulture, $"/documents/{id}/download");

    public static IEndpointRouteBuilder MapAdmindukDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/verify/{code}", VerifyAsync).AllowAnonymous().RequireRateLimiting(DocumentsSetup.VerifyRateLimit)
            .WithTags("Documents").WithName("VerifyDocument")
            .WithSummary("Whether a document with this verification code was issued here and is still current (rate-limited per client).");
        app.MapGet(DownloadPattern, DownloadAsync).RequireAuthorization(DocumentAccess.DownloadPolicy)
            .WithTags("Documents").WithName("DownloadDocument")
            .WithSummary("The PDF of an issued document: for the citizen who applied and staff of the issuing office. Audited.");
        return app;
    }

    public static async Task<Results<Ok<VerificationDto>, NotFound<VerificationDto>>> VerifyAsync(string code, AdmindukDbContext db, CancellationToken ct)
    {
        var result = await DocumentVerification.CheckAsync(db, code, ct);
        var dto = new VerificationDto(
            result.Status.ToString().ToLowerInvariant(),
            result.Kind?.ToString(),
            result.Kind is { } k ? DocumentText.KindName(k) : null,
            result.Number,
            result.MaskedName,
            result.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            result.OfficeName,
            result.SupersededOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return result.Status == VerificationStatus.Unknown ? TypedResults.NotFound(dto) : TypedResults.Ok(dto);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(long id, HttpContext http, AdmindukDbContext db, AuditLog audit, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new { d.Id, d.OfficeId, d.ApplicationId, d.Kind, d.Number })
            .FirstOrDefaultAsync(ct);
        var subject = id.ToString(CultureInfo.InvariantCulture);
        // Someone else's document answers like a missing one, so ids reveal nothing.
        if (document is null || !await DocumentAccess.MayDownloadAsync(db, http.User, document.OfficeId, document.ApplicationId, ct))
        {
            await audit.WriteAsync("document.download-refused", "document", subject, document?.Number, cancellationToken: ct);
            return TypedResults.NotFound();
        }

        var pdf = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => d.Pdf).SingleAsync(ct);
        await audit.WriteAsync("document.download", "document", subject, $"{document.Kind} {document.Number}", cancellationToken: ct);
        return TypedResults.File(pdf, "application/pdf", FileName(document.Kind, document.Number));
    }

    public static string FileName(DocumentKind kind, string number) =>
        $"{kind}-{string.Concat(number.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))}.pdf";
}
