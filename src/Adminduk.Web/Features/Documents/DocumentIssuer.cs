using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Adminduk.Domain.Documents;
using Adminduk.Domain.Regions;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.Documents;

public sealed class DocumentOptions
{
    /// <summary>
    /// The public address the QR codes link to, e.g. "https://dukcapil.balikpapan.go.id". Unset: the address of the
    /// request that issues (the operator's approval), or outside a request the server's first listening address.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Who issues: the officer named on the document.</summary>
public sealed record DocumentOfficer(Guid? UserId, string Name);

/// <summary>
/// Issues documents: content from the register and the form, a number from the office's series, a random
/// verification code, the PDF, and superseding of the document it replaces. Adds to the caller's context without
/// saving, so issuance commits (or not) with the caller's transaction.
/// </summary>
public sealed class DocumentIssuer(TimeProvider time, AuditLog audit, IOptions<DocumentOptions> options, IHttpContextAccessor http, IServer? server = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Issues a kind of document for an approved application (several for a KK when several households changed).</summary>
    public async Task<IReadOnlyList<Document>> IssueAsync(AdmindukDbContext db, DocumentKind kind, Application application, DocumentOfficer officer, CancellationToken ct)
    {
        var sources = new DocumentSources(db, application, DocumentSources.FormOf(application));
        var issued = new List<Document>();
        foreach (var prepared in await sources.PrepareAsync(kind, ct))
        {
            issued.Add(await IssueAsync(db, prepared, application.OfficeId, application.Id, officer, ct));
        }

        return issued;
    }

    /// <summary>The documents the application's service issues on approval (its "documents" and documentFromField).</summary>
    public async Task<IReadOnlyList<Document>> IssueForApprovalAsync(AdmindukDbContext db, Application application, DocumentOfficer officer, CancellationToken ct)
    {
        var service = ServiceCatalog.Default.Find(application.ServiceCode)
            ?? throw new InvalidOperationException($"Service '{application.ServiceCode}' is not in the catalogue.");
        var issued = new List<Document>();
        foreach (var kind in service.DocumentsFor(DocumentSources.FormOf(application)))
        {
            issued.AddRange(await IssueAsync(db, kind, application, officer, ct));
        }

        return issued;
    }

    /// <summary>A surat keterangan in place of an e-KTP for the application's person (form "nik", else its subject).</summary>
    public async Task<Document> IssueSuketAsync(AdmindukDbContext db, Application application, DocumentOfficer officer, CancellationToken ct)
    {
        var sources = new DocumentSources(db, application, DocumentSources.FormOf(application));
        return await IssueAsync(db, await sources.TemporaryIdAsync(ct), application.OfficeId, application.Id, officer, ct);
    }

    /// <summary>A receipt for documents handed over at the counter for an application.</summary>
    public async Task<Document> IssuePickupReceiptAsync(
        AdmindukDbContext db, Application application, string recipientName, string? recipientNik, IReadOnlyList<ReceiptItem> items, DocumentOfficer officer, CancellationToken ct)
    {
        var service = ServiceCatalog.Default.Find(application.ServiceCode)?.Title.Id ?? application.ServiceCode;
        var at = time.GetUtcNow();
        var receipt = application.ReceiptNumber ?? application.Id.ToString(CultureInfo.InvariantCulture);
        var prepared = new PreparedDocument(DocumentKind.PickupReceipt, null, application.SubjectResidentId, null,
            h => new PickupReceipt(h, receipt, service, recipientName, recipientNik, at, items));
        return await IssueAsync(db, prepared, application.OfficeId, application.Id, officer, ct);
    }

    private async Task<Document> IssueAsync(AdmindukDbContext db, PreparedDocument prepared, int officeId, long? applicationId, DocumentOfficer officer, CancellationToken ct)
    {
        var office = await db.Offices.FindAsync([officeId], ct) ?? throw new InvalidOperationException($"Office {officeId} is missing.");
        var at = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(office.TimeZoneId)).DateTime);
        var regency = RegionCatalog.Default.Find(office.RegencyCode);
        var regencyDigits = office.RegencyCode.Replace(".", "", StringComparison.Ordinal);
        var number = prepared.OwnNumber ?? await DocumentNumbers.NextAsync(db, prepared.Kind, regencyDigits, today, ct);
        var code = VerificationCodes.New();
        var header = new DocumentHeader(prepared.Kind, number, office.Name, regency?.Name ?? office.RegencyCode, Place(regency?.Name ?? office.Name),
            today, officer.Name, code, VerifyUrl(code));
        var content = prepared.Build(header);
        var pdf = DocumentRenderer.Render(content, at);
        var document = new Document
        {
            OfficeId = office.Id,
            ApplicationId = applicationId,
            Kind = prepared.Kind,
            Number = number,
            VerificationCode = code,
            SubjectName = content.SubjectName,
            SubjectResidentId = prepared.SubjectResidentId,
            SubjectHouseholdId = prepared.SubjectHouseholdId,
            IssuedAt = at,
            IssuedOn = today,
            IssuedByUserId = officer.UserId,
            IssuedByName = officer.Name,
            Pdf = pdf,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            ContentJson = JsonSerializer.Serialize(content, Json),
        };
        db.Documents.Add(document);
        await SupersedeAsync(db, document, ct);
        audit.Add("document.issue", "document", number, $"{prepared.Kind} application {applicationId}", new AuditActor(officer.UserId, officer.Name));
        return document;
    }

    /// <summary>The current document this one replaces: the same kind and number, or for a KK the household's current KK.</summary>
    private static async Task SupersedeAsync(AdmindukDbContext db, Document document, CancellationToken ct)
    {
        var household = document.Kind == DocumentKind.KartuKeluarga ? document.SubjectHouseholdId : null;
        var previous = await db.Documents
            .Where(d => d.Kind == document.Kind && d.SupersededAt == null
                && (d.Number == document.Number || (household != null && d.SubjectHouseholdId == household)))
            .ToListAsync(ct);
        // Documents issued earlier in the same approval are not in the database yet.
        previous.AddRange(db.Documents.Local.Where(d => d != document && d.Id == 0 && d.Kind == document.Kind && d.SupersededAt == null
            && (d.Number == document.Number || (household != null && d.SubjectHouseholdId == household))));
        foreach (var old in previous.Distinct())
        {
            old.SupersededBy = document;
            old.SupersededAt = document.IssuedAt;
        }
    }

    private string VerifyUrl(string code)
    {
        var configured = options.Value.PublicBaseUrl;
        var request = http.HttpContext?.Request;
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : request is not null
                ? $"{request.Scheme}://{request.Host}{request.PathBase}"
                : server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return $"{baseUrl.TrimEnd('/')}/verify/{code}";
    }

    /// <summary>"Kota Balikpapan" -> "Balikpapan": the place printed before the date.</summary>
    private static string Place(string regencyName)
    {
        foreach (var prefix in new[] { "Kota ", "Kabupaten ", "Kab. " })
        {
            if (regencyName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return regencyName[prefix.Length..];
            }
        }

        return regencyName;
    }
}
