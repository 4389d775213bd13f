using System.Security.Cryptography;
using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.BackOffice.Assisted;

public sealed record AssistedFile(string Code, string FileName, byte[] Content, long Size);

/// <summary>What the operator entered for the person at the counter. The idempotency key makes a double post harmless.</summary>
public sealed record AssistedRequest(
    string ServiceCode,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<AssistedFile> Files,
    string? ApplicantBirthDate,
    string IdempotencyKey);

public sealed record AssistedResult(Application? Application, ValidationReport Report);

/// <summary>
/// Assisted mode, one of the in-person exceptions: where the office serves walk-ins, an operator enters the
/// application for the person standing at the counter. It is checked like an online form and joins the same FIFO
/// queue at the time of entry, marked as assisted; it is not claimed by the operator who entered it.
/// </summary>
public sealed class AssistedEntry(AdmindukDbContext db, TimeProvider time, AuditLog audit)
{
    public const string BirthDateField = "applicantBirthDate";

    private static readonly JsonSerializerOptions FormJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<AssistedResult> SubmitAsync(StaffMember who, Office office, AssistedRequest request, CancellationToken ct)
    {
        if (office.WalkInPolicy != WalkInPolicy.Serve || who.OfficeId != office.Id)
        {
            throw new InvalidOperationException("Assisted entry is for staff of an office that serves walk-ins.");
        }

        var service = ServiceCatalog.Default.Find(request.ServiceCode)
            ?? throw new InvalidOperationException($"Service '{request.ServiceCode}' is not in the catalogue.");
        if (await ExistingAsync(who, request.IdempotencyKey, ct) is { } earlier)
        {
            return new AssistedResult(earlier, new ValidationReport());
        }

        var now = time.GetUtcNow();
        var calendar = await OfficeCalendars.ForAsync(db, office, ct);
        var today = calendar.LocalDate(now);
        var inputs = request.Files
            .Select(f => new AttachmentInput(f.Code, f.FileName, f.Size, AttachmentRules.Detect(f.Content.AsSpan(0, Math.Min(f.Content.Length, AttachmentRules.SniffLength)))))
            .ToList();
        var validation = FormValidator.Validate(service, request.Values, inputs, new FormContext(today, office.RegencyCode));
        var report = validation.Report;
        var birthDate = FormValidator.ParseDate(request.ApplicantBirthDate);
        if (birthDate is null || birthDate > today || birthDate.Value.Year < FormValidator.EarliestYear)
        {
            report.Error(BirthDateField, "assisted.birth_date", StoredText.Localized("BackOffice.Assisted.BirthDateInvalid"));
        }

        if (!report.IsValid)
        {
            return new AssistedResult(null, report);
        }

        var nik = service.Fields.Where(f => f.Type == FieldType.Nik).Select(f => validation.Values.GetValueOrDefault(f.Name)).FirstOrDefault(v => v is not null);
        int? subject = nik is null ? null : await db.Residents.Where(r => r.Nik == nik).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var application = new Application
        {
            ReceiptNumber = ReceiptNumber.Generate(office.Code, today),
            OfficeId = office.Id,
            ServiceCode = service.Code,
            Status = ApplicationStateMachine.Apply(ApplicationStatus.Draft, ApplicationAction.Submit),
            ApplicantUserId = who.UserId,
            SubjectResidentId = subject,
            LookupBirthDate = birthDate,
            FormJson = JsonSerializer.Serialize(validation.Values, FormJson),
            CreatedAt = now,
            UpdatedAt = now,
            SubmittedAt = now,
            // The same FIFO queue as online applications, at the time of entry.
            QueuedAt = now,
            BatchDay = calendar.BatchDay(now),
            IsAssisted = true,
            IdempotencyKey = request.IdempotencyKey,
            Attachments =
            [
                .. request.Files.Zip(inputs).Select(x => new ApplicationAttachment
                {
                    Code = x.First.Code,
                    FileName = SafeName(x.First.FileName),
                    Kind = x.Second.Kind!.Value,
                    Size = x.First.Content.Length,
                    Content = x.First.Content,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(x.First.Content)),
                    UploadedAt = now,
                }),
            ],
            History =
            [
                new ApplicationHistoryEntry
                {
                    At = now,
                    FromStatus = ApplicationStatus.Draft,
                    ToStatus = ApplicationStatus.Queued,
                    Action = ApplicationAction.Submit,
                    ActorUserId = who.UserId,
                    ActorName = who.DisplayName,
                    Note = StoredText.Get("History.AssistedEntry"),
                },
            ],
        };
        db.Applications.Add(application);
        audit.Add("application.assisted-entry", "application", application.ReceiptNumber, $"{service.Code}; subject {subject}", who.Actor);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same form posted twice at once: the other post stored it.
            if (await ExistingAsync(who, request.IdempotencyKey, ct) is { } raced)
            {
                return new AssistedResult(raced, new ValidationReport());
            }

            throw;
        }

        return new AssistedResult(application, report);
    }

    private Task<Application?> ExistingAsync(StaffMember who, string key, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicantUserId == who.UserId && a.IdempotencyKey == key, ct);
    }

    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string([.. file.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "lampiran" : clean.Length > 200 ? clean[^200..] : clean;
    }
}
