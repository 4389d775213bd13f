using System.Globalization;
using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using NikNumber = Adminduk.Domain.Numbers.Nik;

namespace Adminduk.Web.Features.BackOffice.Review;

/// <summary>One form value with its catalogue label; <see cref="DiffersFromRegister"/> flags a value the register contradicts.</summary>
public sealed record FormRow(string Field, LocalizedText Label, string Value, bool DiffersFromRegister);

public sealed record AttachmentRow(long Id, string Code, LocalizedText Title, string FileName, AttachmentKind Kind, long Size);

/// <summary>
/// A register person the form names (by NIK), as the register has them now. The NIK is masked.
/// <see cref="Field"/> is null for the application's subject when no form field names them.
/// </summary>
public sealed record RegisterPerson(
    LocalizedText? Field,
    string MaskedNik,
    Resident? Resident,
    string? KkNumber,
    string? Address);

/// <summary>A household the form names (by KK number) with its members, NIKs masked.</summary>
public sealed record RegisterHousehold(LocalizedText Field, string KkNumber, Household? Household, IReadOnlyList<(string Name, string MaskedNik, RelationshipToHead Relationship, ResidentStatus Status)> Members);

public sealed record EarlierApplication(string? ReceiptNumber, string ServiceCode, ApplicationStatus Status, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, string? DecisionReason);

/// <summary>Everything the operator sees to decide one application: form, attachments, register data, earlier applications.</summary>
public sealed class Dossier
{
    public required Application Application { get; init; }

    public required ServiceDefinition Service { get; init; }

    public required IReadOnlyList<FormRow> Form { get; init; }

    public required IReadOnlyList<AttachmentRow> Attachments { get; init; }

    public required IReadOnlyList<RegisterPerson> People { get; init; }

    public required IReadOnlyList<RegisterHousehold> Households { get; init; }

    public required IReadOnlyList<EarlierApplication> Earlier { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>
    /// The fields reasons can be given for on this application: filled or required fields, and attachments that were
    /// uploaded or are required (a lost-card case does not offer the damaged-card photo).
    /// </summary>
    public required IReadOnlyList<(string Field, LocalizedText Label)> Correctable { get; init; }

    /// <summary>
    /// A register code (enum name such as "BelumKawin") as people read it: the catalogue's option label when a form
    /// offers that value, otherwise the words of the name.
    /// </summary>
    public static string Label(Enum value, CultureInfo culture)
    {
        var name = value.ToString();
        var option = ServiceCatalog.Default.Services.SelectMany(s => s.Fields).SelectMany(f => f.Options).FirstOrDefault(o => o.Value == name);
        return option?.Label.For(culture) ?? string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
    }

    /// <summary>An instant as the office's local date and time.</summary>
    public string Local(DateTimeOffset? instant) =>
        instant is { } i ? TimeZoneInfo.ConvertTime(i, TimeZone).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>Ids of the register records shown, for the audit log.</summary>
    public string AuditDetails =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Application.ReceiptNumber}; residents [{string.Join(",", People.Where(p => p.Resident is not null).Select(p => p.Resident!.Id))}]; households [{string.Join(",", Households.Where(h => h.Household is not null).Select(h => h.Household!.Id))}]");

    public static IReadOnlyDictionary<string, string> Values(string formJson)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(formJson) ? "{}" : formJson);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() ?? "",
                JsonValueKind.Null => "",
                _ => property.Value.GetRawText(),
            };
        }

        return values;
    }

    public static async Task<Dossier> LoadAsync(AdmindukDbContext db, Application application, CancellationToken ct)
    {
        var service = ServiceCatalog.Default.Find(application.ServiceCode)
            ?? throw new InvalidOperationException($"Service '{application.ServiceCode}' is not in the catalogue.");
        var values = Values(application.FormJson);

        var niks = service.Fields.Where(f => f.Type == FieldType.Nik && values.ContainsKey(f.Name))
            .Select(f => (Field: f, Nik: values[f.Name])).Where(x => x.Nik.Length > 0).ToList();
        var nikValues = niks.Select(n => n.Nik).Distinct().ToList();
        var residents = await db.Residents.AsNoTracking()
            .Include(r => r.Household).ThenInclude(h => h!.RtUnit)
            .Where(r => nikValues.Contains(r.Nik) || r.Id == application.SubjectResidentId)
            .ToListAsync(ct);
        var people = niks.Select(n =>
        {
            var resident = residents.FirstOrDefault(r => r.Nik == n.Nik);
            return new RegisterPerson(n.Field.Label, NikNumber.Mask(n.Nik), resident, resident?.Household?.KkNumber, Address(resident?.Household));
        }).ToList();
        if (residents.FirstOrDefault(r => r.Id == application.SubjectResidentId) is { } subject && !nikValues.Contains(subject.Nik))
        {
            people.Add(new RegisterPerson(null, NikNumber.Mask(subject.Nik), subject, subject.Household?.KkNumber, Address(subject.Household)));
        }

        var kks = service.Fields.Where(f => f.Type == FieldType.KkNumber && values.TryGetValue(f.Name, out var v) && v.Length > 0)
            .Select(f => (Field: f, Kk: values[f.Name])).ToList();
        var kkValues = kks.Select(k => k.Kk).Distinct().ToList();
        var households = await db.Households.AsNoTracking()
            .Include(h => h.RtUnit)
            .Include(h => h.Members)
            .Where(h => kkValues.Contains(h.KkNumber))
            .ToListAsync(ct);
        var householdRows = kks.Select(k =>
        {
            var household = households.FirstOrDefault(h => h.KkNumber == k.Kk);
            var members = household?.Members.OrderBy(m => m.RelationshipToHead).ThenBy(m => m.BirthDate)
                .Select(m => (m.FullName, NikNumber.Mask(m.Nik), m.RelationshipToHead, m.Status)).ToList() ?? [];
            return new RegisterHousehold(k.Field.Label, k.Kk, household, members);
        }).ToList();

        var mainResident = niks.Count > 0 ? residents.FirstOrDefault(r => r.Nik == niks[0].Nik) : null;
        var form = new List<FormRow>();
        foreach (var field in service.Fields)
        {
            if (values.TryGetValue(field.Name, out var raw) && raw.Length > 0)
            {
                form.Add(new FormRow(field.Name, field.Label, Display(field, raw), Differs(field, raw, mainResident)));
            }
        }

        foreach (var extra in values.Where(v => service.Field(v.Key) is null))
        {
            form.Add(new FormRow(extra.Key, new LocalizedText(extra.Key, extra.Key), extra.Value, false));
        }

        var attachments = await db.ApplicationAttachments.AsNoTracking()
            .Where(a => a.ApplicationId == application.Id)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Code, a.FileName, a.Kind, a.Size })
            .ToListAsync(ct);
        var attachmentRows = attachments.Select(a => new AttachmentRow(
            a.Id, a.Code,
            service.Attachments.FirstOrDefault(d => d.Code == a.Code)?.Title ?? new LocalizedText(a.Code, a.Code),
            a.FileName, a.Kind, a.Size)).ToList();

        var earlier = db.Applications.AsNoTracking()
            .Where(a => a.Id != application.Id && a.Status != ApplicationStatus.Draft);
        earlier = application.IsAssisted
            // Assisted entries carry the operator's account: only the subject links them to earlier ones.
            ? earlier.Where(a => application.SubjectResidentId != null && a.SubjectResidentId == application.SubjectResidentId)
            : earlier.Where(a => a.ApplicantUserId == application.ApplicantUserId
                || (application.SubjectResidentId != null && a.SubjectResidentId == application.SubjectResidentId));
        var earlierRows = await earlier
            .OrderByDescending(a => a.Id)
            .Take(20)
            .Select(a => new EarlierApplication(a.ReceiptNumber, a.ServiceCode, a.Status, a.SubmittedAt, a.DecidedAt, a.DecisionReason))
            .ToListAsync(ct);

        return new Dossier
        {
            Application = application,
            Service = service,
            Form = form,
            Attachments = attachmentRows,
            People = people,
            Households = householdRows,
            Earlier = earlierRows,
            Correctable =
            [
                .. service.Fields.Where(f => values.ContainsKey(f.Name) || f.IsRequired(Nullable(values))).Select(f => (f.Name, f.Label)),
                .. service.Attachments.Where(a => attachments.Any(x => x.Code == a.Code) || a.IsRequired(Nullable(values)))
                    .Select(a => (FormValidator.AttachmentField(a.Code), a.Title)),
            ],
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(
                await db.Offices.Where(o => o.Id == application.OfficeId).Select(o => o.TimeZoneId).SingleAsync(ct)),
        };
    }

    private static Dictionary<string, string?> Nullable(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal);

    private static string? Address(Household? household) =>
        household is null
            ? null
            : household.RtUnit is { } rt
                ? string.Create(CultureInfo.InvariantCulture, $"{household.Address}, RT {rt.Rt:000} / RW {rt.Rw:000}, {RegionCatalog.Default.Find(rt.VillageCode)?.Name ?? rt.VillageCode}")
                : household.Address;

    private static string Display(FieldDefinition field, string raw) => field.Type switch
    {
        FieldType.Select => field.Options.FirstOrDefault(o => o.Value == raw)?.Label.Id ?? raw,
        FieldType.Date when FormValidator.ParseDate(raw) is { } d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        FieldType.Regency or FieldType.Kelurahan when RegionCatalog.Default.Find(raw) is { } region => $"{region.Name} ({region.Code})",
        _ => raw,
    };

    /// <summary>The usual citizen mistakes: a birth date, a name or a KK number that is not what the register holds for the NIK.</summary>
    private static bool Differs(FieldDefinition field, string raw, Resident? resident)
    {
        if (resident is null)
        {
            return false;
        }

        return field.Type switch
        {
            FieldType.Date when field.Name == "birthDate" => FormValidator.ParseDate(raw) is { } d && d != resident.BirthDate,
            FieldType.KkNumber when field.Name == "kkNumber" => resident.Household is { } h && h.KkNumber != raw,
            FieldType.Text when field.Name == "fullName" => !string.Equals(raw.Trim(), resident.FullName, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }
}
