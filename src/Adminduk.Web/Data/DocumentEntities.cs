using Adminduk.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Data;

/// <summary>
/// An issued document (certificate, family card, receipt) as the PDF handed to the citizen, with its public
/// verification code. A later document for the same thing (a reissued KK) supersedes it; it is never deleted.
/// </summary>
public class Document
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public Office? Office { get; set; }

    /// <summary>The approved application it was issued for (null for documents issued outside an application).</summary>
    public long? ApplicationId { get; set; }

    public DocumentKind Kind { get; set; }

    /// <summary>The register number printed on it, e.g. "6471-LT-23112026-0001"; for a KK the KK number.</summary>
    public required string Number { get; set; }

    /// <summary>Random, URL-safe, at least 128 bits: printed as text and in the QR code for /verify/{code}.</summary>
    public required string VerificationCode { get; set; }

    /// <summary>The person the document is about (for a KK the head), shown masked on the verification page.</summary>
    public required string SubjectName { get; set; }

    public int? SubjectResidentId { get; set; }

    /// <summary>The household a KK belongs to: issuing a new KK for it supersedes the current one.</summary>
    public int? SubjectHouseholdId { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The office-local date printed on the document.</summary>
    public DateOnly IssuedOn { get; set; }

    public Guid? IssuedByUserId { get; set; }

    /// <summary>The officer named on the document.</summary>
    public required string IssuedByName { get; set; }

    public required byte[] Pdf { get; set; }

    /// <summary>The printed facts as JSON (the documents feature's content record), for a second copy.</summary>
    public required string ContentJson { get; set; }

    /// <summary>Hex SHA-256 of <see cref="Pdf"/>.</summary>
    public required string Sha256 { get; set; }

    public long? SupersededById { get; set; }

    public Document? SupersededBy { get; set; }

    public DateTimeOffset? SupersededAt { get; set; }

    public static void Configure(ModelBuilder builder) =>
        builder.Entity<Document>(e =>
        {
            e.Property(d => d.Number).HasMaxLength(40);
            e.Property(d => d.VerificationCode).HasMaxLength(64);
            e.HasIndex(d => d.VerificationCode).IsUnique();
            // Not unique: a reissued KK keeps the KK number and a second copy of an akta keeps the akta number.
            e.HasIndex(d => new { d.Kind, d.Number });
            e.HasIndex(d => new { d.SubjectHouseholdId, d.Kind });
            e.HasIndex(d => d.ApplicationId);
            e.HasIndex(d => new { d.OfficeId, d.IssuedAt });
            e.Property(d => d.SubjectName).HasMaxLength(200);
            e.Property(d => d.IssuedByName).HasMaxLength(200);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.HasOne(d => d.Office).WithMany().HasForeignKey(d => d.OfficeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(d => d.SupersededBy).WithMany().HasForeignKey(d => d.SupersededById).OnDelete(DeleteBehavior.Restrict);
        });
}
