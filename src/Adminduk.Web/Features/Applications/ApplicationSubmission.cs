using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Applications;

/// <summary>A file as uploaded, with the catalogue attachment code it was given for.</summary>
public sealed record UploadedFile(string Code, string FileName, byte[] Content);

public sealed record SubmissionRequest(
    string ServiceCode,
    IReadOnlyDictionary<string, string?> Values,
    IReadOnlyList<UploadedFile> Files,
    string? IdempotencyKey = null,
    string? OfficeCode = null);

/// <summary>The outcome: the problems found (if any) and the stored application; Replayed when a repeat returned the first one.</summary>
public sealed record SubmissionResult(ValidationReport Report, Application? Application, bool Replayed = false)
{
    public bool Succeeded => Application is not null && Report.IsValid;
}

/// <summary>
/// Turns a citizen's form into a queued application: format checks, register checks, then one transaction
/// that stores the application, its attachments, its history, the outgoing notification and the audit entry.
/// </summary>
public sealed class ApplicationSubmission(
    AdmindukDbContext db,
    RegisterChecks registerChecks,
    Outbox outbox,
    AuditLog audit,
    TimeProvider time)
{
    public const int MaxIdempotencyKeyLength = 100;

    /// <summary>Asked of applicants whose register link is provisional (the register had no phone to send a code to).</summary>
    public static readonly AttachmentDefinition IdentitySelfie = new()
    {
        Code = "swafoto-identitas",
        Title = new("Swafoto sambil memegang KTP-el atau KK", "A selfie holding your e-KTP or family card"),
        Help = new("Wajah dan tulisan pada kartu harus terbaca; petugas memakainya untuk memastikan akun ini milik Anda.", "Your face and the card's text must be readable; staff use it to confirm this account is yours."),
        Required = true,
    };

    /// <summary>The service as this applicant must fill it: a provisional identity link adds the selfie.</summary>
    public static ServiceDefinition EffectiveService(ServiceDefinition service, Applicant applicant) =>
        applicant.IdentityProvisional && service.Eligibility == Eligibility.RegisteredResident
            ? service with { Attachments = [.. service.Attachments, IdentitySelfie] }
            : service;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SubmissionResult> SubmitAsync(SubmissionRequest request, Applicant applicant, CancellationToken ct)
    {
        var report = new ValidationReport();
        var key = NormalizeKey(request.IdempotencyKey);
        if (key is not null && await FindByKeyAsync(applicant, key, ct) is { } earlier)
        {
            return new SubmissionResult(report, earlier, Replayed: true);
        }

        var (found, office) = await ResolveAsync(request.ServiceCode, request.OfficeCode, applicant, request.Values, report, ct);
        if (found is null || office is null)
        {
            return new SubmissionResult(report, null);
        }

        var service = EffectiveService(found, applicant);
        var calendar = await OfficeCalendars.ForAsync(db, office, ct);
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        var draft = await db.Applications.Include(a => a.Attachments)
            .FirstOrDefaultAsync(a => a.ApplicantUserId == applicant.UserId && a.ServiceCode == service.Code && a.OfficeId == office.Id && a.Status == ApplicationStatus.Draft, ct);

        var files = MergeFiles(draft?.Attachments ?? [], request.Files);
        var checkedForm = await ValidateAsync(service, office, request.Values, files, applicant, today, report, ct);
        if (!report.IsValid)
        {
            return new SubmissionResult(report, null);
        }

        var application = draft ?? new Application { ServiceCode = service.Code, OfficeId = office.Id, FormJson = "{}", CreatedAt = now };
        if (draft is null)
        {
            db.Applications.Add(application);
        }

        application.ApplicantUserId = applicant.UserId;
        application.FormJson = JsonSerializer.Serialize(checkedForm.Values, Json);
        application.SubjectResidentId = checkedForm.Facts.Subject?.Id;
        application.LookupBirthDate = checkedForm.Facts.LookupBirthDate;
        application.NeedsIdentityConfirmation = applicant.IdentityProvisional;
        application.IdempotencyKey = key;
        application.ReceiptNumber = ReceiptNumber.Generate(office.Code, today);
        application.SubmittedAt = now;
        ReplaceAttachments(application, files, now);
        Enqueue(application, ApplicationAction.Submit, calendar.BatchDay(now), applicant, now, note: null);
        Notify(application, service, applicant);
        audit.Add("application.submit", "application", application.ReceiptNumber, service.Code);

        return await SaveAsync(application, applicant, key, report, office, today, ct);
    }

    /// <summary>Keeps a half-filled form server-side: values as typed and acceptable files, nothing checked against the register.</summary>
    public async Task<SubmissionResult> SaveDraftAsync(SubmissionRequest request, Applicant applicant, CancellationToken ct)
    {
        var report = new ValidationReport();
        var (found, office) = await ResolveAsync(request.ServiceCode, request.OfficeCode, applicant, request.Values, report, ct);
        if (found is null || office is null)
        {
            return new SubmissionResult(report, null);
        }

        var service = EffectiveService(found, applicant);
        var now = time.GetUtcNow();
        var draft = await db.Applications.Include(a => a.Attachments)
            .FirstOrDefaultAsync(a => a.ApplicantUserId == applicant.UserId && a.ServiceCode == service.Code && a.OfficeId == office.Id && a.Status == ApplicationStatus.Draft, ct);
        if (draft is null)
        {
            draft = new Application { ServiceCode = service.Code, OfficeId = office.Id, ApplicantUserId = applicant.UserId, FormJson = "{}", CreatedAt = now };
            db.Applications.Add(draft);
        }

        // Only the catalogue's fields are kept, trimmed to their length, so a draft can hold nothing unexpected.
        var kept = service.Fields
            .Where(f => request.Values.TryGetValue(f.Name, out var v) && !string.IsNullOrWhiteSpace(v))
            .ToDictionary(f => f.Name, f => Truncate(request.Values[f.Name]!.Trim(), f.MaxLength), StringComparer.Ordinal);
        draft.FormJson = JsonSerializer.Serialize(kept, Json);
        draft.UpdatedAt = now;
        var files = MergeFiles(draft.Attachments, request.Files);
        var acceptable = files.Where(f => service.Attachments.Any(a => a.Code == f.Code)
            && AttachmentRules.Detect(f.Content) is not null && f.Content.Length is > 0 and <= (int)AttachmentRules.MaxFileBytes).ToList();
        ReplaceAttachments(draft, acceptable, now);
        await db.SaveChangesAsync(ct);
        return new SubmissionResult(report, draft);
    }

    /// <summary>The citizen corrects the fields the operator named and sends the same application again; it re-enters the queue now.</summary>
    public async Task<SubmissionResult> ResubmitAsync(string receipt, IReadOnlyDictionary<string, string?> corrected, IReadOnlyList<UploadedFile> newFiles, Applicant applicant, CancellationToken ct)
    {
        var report = new ValidationReport();
        var application = await db.Applications.Include(a => a.Attachments).Include(a => a.Office)
            .FirstOrDefaultAsync(a => a.ReceiptNumber == receipt && a.ApplicantUserId == applicant.UserId, ct);
        if (application?.Office is null)
        {
            return new SubmissionResult(report, null);
        }

        var service = EffectiveService(ServiceCatalog.Default.Find(application.ServiceCode)!, applicant with { IdentityProvisional = application.NeedsIdentityConfirmation });
        if (application.Status != ApplicationStatus.NeedsCorrection)
        {
            report.Error(RegisterChecks.FormLevel, "application.not_correctable", ApplicationMessages.Text("application.not_correctable"));
            return new SubmissionResult(report, application);
        }

        var open = CorrectionFields(application);
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(application.FormJson, Json) ?? [];
        foreach (var (field, value) in corrected)
        {
            var current = values.GetValueOrDefault(field);
            if (string.Equals(value?.Trim() ?? "", current ?? "", StringComparison.Ordinal))
            {
                continue;
            }

            if (!open.Contains(field))
            {
                var label = service.Field(field)?.Label ?? new LocalizedText(field, field);
                report.Error(field, "application.field_locked", ApplicationMessages.Text("application.field_locked", label));
                continue;
            }

            values[field] = value;
        }

        foreach (var file in newFiles.Where(f => !open.Contains(FormValidator.AttachmentField(f.Code))))
        {
            var title = service.Attachments.FirstOrDefault(a => a.Code == file.Code)?.Title ?? new LocalizedText(file.Code, file.Code);
            report.Error(FormValidator.AttachmentField(file.Code), "application.field_locked", ApplicationMessages.Text("application.field_locked", title));
        }

        if (!report.IsValid)
        {
            return new SubmissionResult(report, application);
        }

        var calendar = await OfficeCalendars.ForAsync(db, application.Office, ct);
        var now = time.GetUtcNow();
        var files = MergeFiles(application.Attachments, newFiles);
        var checkedForm = await ValidateAsync(service, application.Office, values, files, applicant, calendar.LocalDate(now), report, ct);
        if (!report.IsValid)
        {
            return new SubmissionResult(report, application);
        }

        application.FormJson = JsonSerializer.Serialize(checkedForm.Values, Json);
        application.CorrectionJson = null;
        ReplaceAttachments(application, files, now);
        Enqueue(application, ApplicationAction.Resubmit, calendar.BatchDay(now), applicant, now, note: null);
        Notify(application, service, applicant);
        audit.Add("application.resubmit", "application", application.ReceiptNumber, service.Code);
        await db.SaveChangesAsync(ct);
        return new SubmissionResult(report, application);
    }

    /// <summary>The fields (and "attachments.code" entries) an operator asked to correct.</summary>
    public static HashSet<string> CorrectionFields(Application application) =>
        application.CorrectionJson is { } json
            ? [.. (JsonSerializer.Deserialize<Dictionary<string, string[]>>(json, Json) ?? []).Keys]
            : [];

    private sealed record CheckedForm(IReadOnlyDictionary<string, string> Values, RegisterFacts Facts);

    private async Task<CheckedForm> ValidateAsync(
        ServiceDefinition service,
        Office office,
        IReadOnlyDictionary<string, string?> values,
        IReadOnlyList<UploadedFile> files,
        Applicant applicant,
        DateOnly today,
        ValidationReport report,
        CancellationToken ct)
    {
        var setting = await db.ServiceSettings.AsNoTracking().FirstOrDefaultAsync(s => s.OfficeId == office.Id && s.ServiceCode == service.Code, ct);
        if (setting is { IsOpen: false })
        {
            report.Error(RegisterChecks.FormLevel, "service.suspended", setting.SuspensionMessage is { Length: > 0 } m
                ? ApplicationMessages.Text("service.suspended", new LocalizedText(m, setting.SuspensionMessageEn ?? m))
                : ApplicationMessages.Text("service.suspended_no_reason"));
        }

        var inputs = files.Select(f => new AttachmentInput(f.Code, f.FileName, f.Content.Length, AttachmentRules.Detect(f.Content))).ToList();
        var format = FormValidator.Validate(service, values, inputs, new FormContext(today, office.RegencyCode));
        report.AddRange(format.Report.Issues);
        var facts = await registerChecks.CheckAsync(service, format.Values, applicant, office, today, report, ct);
        return new CheckedForm(format.Values, facts);
    }

    private async Task<(ServiceDefinition? Service, Office? Office)> ResolveAsync(
        string serviceCode, string? officeCode, Applicant applicant, IReadOnlyDictionary<string, string?> values, ValidationReport report, CancellationToken ct)
    {
        var service = ServiceCatalog.Default.Find(serviceCode);
        if (service is null)
        {
            report.Error(RegisterChecks.FormLevel, "service.unknown", ApplicationMessages.Text("service.unknown", serviceCode));
            return (null, null);
        }

        var office = await OfficeForAsync(officeCode, applicant, values, ct);
        if (office is null)
        {
            report.Error(RegisterChecks.FormLevel, "office.unknown", ApplicationMessages.Text("office.unknown"));
        }

        return (service, office);
    }

    /// <summary>
    /// The office that handles an application: the one named, else the office of the city where the linked
    /// applicant lives, else the city of a newcomer's destination kelurahan (a foreigner's kelurahan), else the first office.
    /// </summary>
    public async Task<Office?> OfficeForAsync(string? officeCode, Applicant applicant, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        if (officeCode is { Length: > 0 })
        {
            return await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == officeCode, ct);
        }

        var village = applicant.ResidentId is { } rid
            ? await db.Residents.AsNoTracking().Where(r => r.Id == rid).Select(r => r.RtUnit!.VillageCode).FirstOrDefaultAsync(ct)
            : (values.GetValueOrDefault("destinationKelurahan") ?? values.GetValueOrDefault("kelurahan"))?.Trim();
        var regency = village is { Length: >= 5 } ? village[..5] : null;
        return (regency is null ? null : await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.RegencyCode == regency, ct))
            ?? await db.Offices.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
    }

    private Task<Application?> FindByKeyAsync(Applicant applicant, string key, CancellationToken ct) =>
        db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicantUserId == applicant.UserId && a.IdempotencyKey == key, ct);

    private static void Enqueue(Application application, ApplicationAction action, DateOnly batchDay, Applicant applicant, DateTimeOffset now, string? note)
    {
        var from = application.Status;
        application.Status = ApplicationStateMachine.Apply(from, action);
        application.QueuedAt = now;
        application.BatchDay = batchDay;
        application.UpdatedAt = now;
        application.Version++;
        application.History.Add(new ApplicationHistoryEntry
        {
            At = now,
            FromStatus = from,
            ToStatus = application.Status,
            Action = action,
            ActorUserId = applicant.UserId,
            ActorName = applicant.DisplayName,
            Note = note,
        });
    }

    private void Notify(Application application, ServiceDefinition service, Applicant applicant)
    {
        if (applicant.Phone is not { Length: > 0 } phone)
        {
            return;
        }

        outbox.Add(phone, "application-submitted", new Dictionary<string, string>
        {
            ["service"] = service.Title.Id,
            ["receipt"] = application.ReceiptNumber!,
            ["batchDay"] = application.BatchDay!.Value.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Saves; a repeat that raced past the first check returns the first application, a receipt collision draws again.</summary>
    private async Task<SubmissionResult> SaveAsync(Application application, Applicant applicant, string? key, ValidationReport report, Office office, DateOnly today, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return new SubmissionResult(report, application);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                if (key is not null && await FindByKeyAsync(applicant, key, ct) is { } earlier)
                {
                    db.ChangeTracker.Clear();
                    return new SubmissionResult(report, earlier, Replayed: true);
                }

                application.ReceiptNumber = ReceiptNumber.Generate(office.Code, today);
            }
        }
    }

    private static List<UploadedFile> MergeFiles(IEnumerable<ApplicationAttachment> kept, IReadOnlyList<UploadedFile> uploaded)
    {
        var replaced = uploaded.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        return [.. kept.Where(a => !replaced.Contains(a.Code)).Select(a => new UploadedFile(a.Code, a.FileName, a.Content)), .. uploaded];
    }

    private static void ReplaceAttachments(Application application, IReadOnlyList<UploadedFile> files, DateTimeOffset now)
    {
        var wanted = files.ToList();
        foreach (var existing in application.Attachments.ToList())
        {
            var same = wanted.FirstOrDefault(f => f.Code == existing.Code && f.Content.AsSpan().SequenceEqual(existing.Content));
            if (same is null)
            {
                application.Attachments.Remove(existing);
            }
            else
            {
                wanted.Remove(same);
            }
        }

        foreach (var f in wanted)
        {
            application.Attachments.Add(new ApplicationAttachment
            {
                Code = f.Code,
                FileName = SafeFileName(f.FileName),
                Kind = AttachmentRules.Detect(f.Content) ?? throw new InvalidOperationException("Only checked files are stored."),
                Size = f.Content.Length,
                Content = f.Content,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Content)),
                UploadedAt = now,
            });
        }
    }

    private static string SafeFileName(string name)
    {
        var cleaned = new string([.. Path.GetFileName(name).Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/'))]);
        return Truncate(cleaned.Length == 0 ? "lampiran" : cleaned, 200);
    }

    private static string? NormalizeKey(string? key) =>
        string.IsNullOrWhiteSpace(key) ? null : Truncate(key.Trim(), MaxIdempotencyKeyLength);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
