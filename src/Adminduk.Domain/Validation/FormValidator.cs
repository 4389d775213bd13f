using System.Globalization;
using System.Net.Mail;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Regions;
using Adminduk.Domain.Services;

namespace Adminduk.Domain.Validation;

/// <summary>A file as received: its catalogue code, name, size and the kind its content was detected as (null: not accepted).</summary>
public sealed record AttachmentInput(string Code, string FileName, long Size, AttachmentKind? Kind);

/// <summary>What the checks need to know about the moment and the office.</summary>
public sealed record FormContext(DateOnly Today, string OfficeRegencyCode);

public sealed record FormValidationResult(ValidationReport Report, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// Format-level checks of a service form: required and conditionally required fields, each field's type,
/// and the attachments. Reports every problem at once; checks against the register come after this.
/// Values come back normalised (NIK digits, ISO dates, E.164 phones, dotted region codes).
/// </summary>
public static class FormValidator
{
    public const string AttachmentsField = "attachments";
    public const int EarliestYear = 1900;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH.mm", "H.mm", "HH:mm:ss"];

    public static string AttachmentField(string code) => $"{AttachmentsField}.{code}";

    public static FormValidationResult Validate(
        ServiceDefinition service,
        IReadOnlyDictionary<string, string?> values,
        IReadOnlyCollection<AttachmentInput> attachments,
        FormContext context)
    {
        var report = new ValidationReport();
        var normalised = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var name in values.Keys.Where(k => service.Field(k) is null).Order(StringComparer.Ordinal))
        {
            report.Error(name, "form.unknown_field", FormMessages.Text("form.unknown_field", name));
        }

        foreach (var field in service.Fields)
        {
            var raw = values.TryGetValue(field.Name, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(raw))
            {
                if (field.IsRequired(values))
                {
                    report.Error(field.Name, "form.required", FormMessages.Text("form.required", field.Label));
                }

                continue;
            }

            if (raw.Length > field.MaxLength)
            {
                report.Error(field.Name, "form.too_long", FormMessages.Text("form.too_long", field.Label, field.MaxLength));
                continue;
            }

            if (CheckField(field, raw, context, report) is { } value)
            {
                normalised[field.Name] = value;
            }
        }

        CheckAttachments(service, values, attachments, report);
        CivilRegistryRules.Check(service, normalised, context, report);
        HouseholdFormRules.Check(service, normalised, attachments, report);
        return new FormValidationResult(report, normalised);
    }

    /// <summary>Parses a typed date in the forms people use (17-08-1990, 17/08/1990, 1990-08-17).</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? CheckField(FieldDefinition field, string raw, FormContext context, ValidationReport report)
    {
        switch (field.Type)
        {
            case FieldType.Nik:
                return FromNumber(field.Name, Nik.Parse(raw, context.Today), r => r.Digits, report);
            case FieldType.KkNumber:
                return FromNumber(field.Name, KkNumber.Parse(raw, context.Today), r => r.Digits, report);
            case FieldType.Phone:
                return FromNumber(field.Name, PhoneNumber.Parse(raw), r => r.E164, report);
            case FieldType.Date:
                return CheckDate(field, raw, context, report);
            case FieldType.Time:
                if (TimeOnly.TryParseExact(raw, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    return time.ToString("HH:mm", CultureInfo.InvariantCulture);
                }

                report.Error(field.Name, "form.time_invalid", FormMessages.Text("form.time_invalid", field.Label));
                return null;
            case FieldType.Select:
                if (field.Options.Any(o => o.Value == raw))
                {
                    return raw;
                }

                report.Error(field.Name, "form.select_invalid", FormMessages.Text("form.select_invalid", field.Label));
                return null;
            case FieldType.Number:
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= field.Min && n <= field.Max)
                {
                    return n.ToString(CultureInfo.InvariantCulture);
                }

                report.Error(field.Name, "form.number_invalid", FormMessages.Text("form.number_invalid", field.Label, field.Min, field.Max));
                return null;
            case FieldType.Email:
                if (MailAddress.TryCreate(raw, out var mail) && mail.Address == raw && mail.Host.Contains('.', StringComparison.Ordinal))
                {
                    return raw;
                }

                report.Error(field.Name, "form.email_invalid", FormMessages.Text("form.email_invalid", field.Label));
                return null;
            case FieldType.Regency:
                if (RegionCatalog.Default.Find(raw) is { Level: RegionLevel.Regency } regency)
                {
                    return regency.Code;
                }

                report.Error(field.Name, "form.regency_unknown", FormMessages.Text("form.regency_unknown", field.Label, raw));
                return null;
            case FieldType.Kelurahan:
                if (RegionCatalog.Default.Find(raw) is { Level: RegionLevel.Village } village
                    && village.Code.StartsWith(context.OfficeRegencyCode + ".", StringComparison.Ordinal))
                {
                    return village.Code;
                }

                report.Error(field.Name, "form.kelurahan_unknown", FormMessages.Text("form.kelurahan_unknown", field.Label, raw));
                return null;
            case FieldType.NikList:
                return CheckNikList(field, raw, context, report);
            case FieldType.Text:
            case FieldType.LongText:
                return raw;
            default:
                throw new InvalidOperationException($"Field type {field.Type} has no check.");
        }
    }

    private static readonly char[] ListSeparators = [',', ';', ' ', '\t', '\r', '\n'];

    /// <summary>Each entry is checked as a NIK on its own, so the message names the wrong one; a NIK listed twice is an error.</summary>
    private static string? CheckNikList(FieldDefinition field, string raw, FormContext context, ValidationReport report)
    {
        var entries = raw.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            report.Error(field.Name, "form.required", FormMessages.Text("form.required", field.Label));
            return null;
        }

        var digits = new List<string>();
        var valid = true;
        for (var i = 0; i < entries.Length; i++)
        {
            var result = Nik.Parse(entries[i], context.Today);
            if (!result.Valid)
            {
                var first = result.Errors[0];
                report.Error(field.Name, "form.nik_list_entry", FormMessages.Text(
                    "form.nik_list_entry", field.Label, i + 1, entries[i], new LocalizedText(first.Message, first.MessageEnglish)));
                valid = false;
            }
            else if (digits.Contains(result.Digits!))
            {
                report.Error(field.Name, "form.nik_list_duplicate", FormMessages.Text("form.nik_list_duplicate", field.Label, result.Digits!));
                valid = false;
            }
            else
            {
                digits.Add(result.Digits!);
            }
        }

        return valid ? string.Join(',', digits) : null;
    }

    private static string? CheckDate(FieldDefinition field, string raw, FormContext context, ValidationReport report)
    {
        if (ParseDate(raw) is not { } date)
        {
            report.Error(field.Name, "form.date_invalid", FormMessages.Text("form.date_invalid", field.Label));
            return null;
        }

        if (date > context.Today && field.Dates == DateRange.Past)
        {
            report.Error(field.Name, "form.date_future", FormMessages.Text("form.date_future", field.Label));
            return null;
        }

        if (date <= context.Today && field.Dates == DateRange.Future)
        {
            report.Error(field.Name, "form.date_not_future", FormMessages.Text("form.date_not_future", field.Label));
            return null;
        }

        if (date.Year < EarliestYear)
        {
            report.Error(field.Name, "form.date_too_old", FormMessages.Text("form.date_too_old", field.Label, EarliestYear));
            return null;
        }

        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string? FromNumber<T>(string field, T result, Func<T, string?> value, ValidationReport report)
        where T : NumberCheckResult
    {
        foreach (var e in result.Errors)
        {
            report.Error(field, e.Code, new LocalizedText(e.Message, e.MessageEnglish));
        }

        foreach (var w in result.Warnings)
        {
            report.Warning(field, w.Code, new LocalizedText(w.Message, w.MessageEnglish));
        }

        return result.Valid ? value(result) : null;
    }

    private static void CheckAttachments(
        ServiceDefinition service,
        IReadOnlyDictionary<string, string?> values,
        IReadOnlyCollection<AttachmentInput> attachments,
        ValidationReport report)
    {
        foreach (var a in attachments.Where(a => service.Attachments.All(d => d.Code != a.Code)))
        {
            report.Error(AttachmentField(a.Code), "attachment.unknown", FormMessages.Text("attachment.unknown", a.Code));
        }

        foreach (var definition in service.Attachments)
        {
            var files = attachments.Where(a => a.Code == definition.Code).ToList();
            var field = AttachmentField(definition.Code);
            if (files.Count == 0)
            {
                if (definition.IsRequired(values))
                {
                    report.Error(field, "attachment.required", FormMessages.Text("attachment.required", definition.Title));
                }

                continue;
            }

            foreach (var file in files)
            {
                if (file.Size == 0)
                {
                    report.Error(field, "attachment.empty", FormMessages.Text("attachment.empty", definition.Title));
                }
                else if (file.Kind is null)
                {
                    report.Error(field, "attachment.type", FormMessages.Text("attachment.type", definition.Title));
                }
                else if (file.Size > AttachmentRules.MaxFileBytes)
                {
                    report.Error(field, "attachment.too_large", FormMessages.Text("attachment.too_large", definition.Title, Megabytes(file.Size)));
                }
            }
        }

        var total = attachments.Sum(a => a.Size);
        if (total > AttachmentRules.MaxApplicationBytes)
        {
            report.Error(AttachmentsField, "attachment.total_too_large", FormMessages.Text("attachment.total_too_large", Megabytes(total)));
        }
    }

    private static double Megabytes(long bytes) => bytes / 1024d / 1024d;
}
