using System.Globalization;
using Adminduk.Domain.Population;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Applications;

/// <summary>The person applying: their account and, once linked, their place in the register.</summary>
public sealed record Applicant(Guid UserId, string DisplayName, string? Phone, int? ResidentId, bool IdentityProvisional);

/// <summary>What the checks learnt: whom the application is about and the birth date used for the public status lookup.</summary>
public sealed record RegisterFacts(Resident? Subject, DateOnly? LookupBirthDate);

/// <summary>
/// Checks a format-valid form against the register: the people exist and are alive, typed dates match,
/// KK membership, the applicant may act for the subject, and each service's own rules. Only fields that
/// passed the format checks (present in <paramref name="values"/>) are looked at.
/// </summary>
public sealed partial class RegisterChecks(AdmindukDbContext db)
{
    /// <summary>A form-level problem that belongs to no single field.</summary>
    public const string FormLevel = "";

    /// <summary>Late birth registrations get a warning after this many days.</summary>
    public const int LateBirthDays = 60;

    public async Task<RegisterFacts> CheckAsync(
        ServiceDefinition service,
        IReadOnlyDictionary<string, string> values,
        Applicant applicant,
        Office office,
        DateOnly today,
        ValidationReport report,
        CancellationToken ct)
    {
        var applicantResident = applicant.ResidentId is { } rid
            ? await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == rid, ct)
            : null;

        // Every service for registered residents needs an account linked to the register.
        if (service.Eligibility == Eligibility.RegisteredResident && applicantResident is null)
        {
            report.Error(FormLevel, "register.identity_not_linked", ApplicationMessages.Text("register.identity_not_linked"));
        }

        switch (service.Eligibility)
        {
            case Eligibility.RegisteredResident when service.Code == "akta-kelahiran":
                return await CheckBirthAsync(service, values, applicantResident, today, report, ct);
            case Eligibility.RegisteredResident when IsCivilRegistryService(service.Code):
                return await CheckCivilRegistryAsync(service, values, applicantResident, office, today, report, ct);
            case Eligibility.RegisteredResident when service.Code == "kk-tambah-anggota":
                return await CheckAddMemberAsync(service, values, applicantResident, office, today, report, ct);
            case Eligibility.RegisteredResident when service.Code == "akta-kematian":
                return await CheckDeathAsync(service, values, applicantResident, office, today, report, ct);
            case Eligibility.RegisteredResident:
                return await CheckResidentServiceAsync(service, values, applicantResident, office, today, report, ct);
            case Eligibility.Foreigner:
                return await CheckForeignerAsync(values, report, ct);
            default:
                return await CheckNewcomerAsync(values, office, report, ct);
        }
    }

    private async Task<RegisterFacts> CheckResidentServiceAsync(
        ServiceDefinition service,
        IReadOnlyDictionary<string, string> values,
        Resident? applicantResident,
        Office office,
        DateOnly today,
        ValidationReport report,
        CancellationToken ct)
    {
        if (!values.TryGetValue("nik", out var nik))
        {
            return new RegisterFacts(null, applicantResident?.BirthDate);
        }

        var subject = await FindResidentAsync(service, "nik", nik, office, report, ct);
        if (subject is null)
        {
            return new RegisterFacts(null, applicantResident?.BirthDate);
        }

        if (values.TryGetValue("birthDate", out var typed))
        {
            CheckBirthDate(nik, ParseIso(typed), subject.BirthDate, report);
        }

        if (values.TryGetValue("kkNumber", out var kk))
        {
            var household = await FindHouseholdAsync(service, kk, report, ct);
            if (household is not null && subject.HouseholdId != household.Id)
            {
                report.Error("kkNumber", "register.not_in_kk", ApplicationMessages.Text("register.not_in_kk"));
            }
        }

        if (applicantResident is not null && applicantResident.Id != subject.Id)
        {
            var sameHousehold = applicantResident.HouseholdId is not null && applicantResident.HouseholdId == subject.HouseholdId;
            if (!service.HouseholdMayApply)
            {
                report.Error(FormLevel, "register.not_authorized_self", ApplicationMessages.Text("register.not_authorized_self"));
            }
            else if (!sameHousehold)
            {
                report.Error(FormLevel, "register.not_authorized_household", ApplicationMessages.Text("register.not_authorized_household"));
            }
        }

        if (service.Code is "ktp-penggantian" or "ktp-baru" && !PersonRules.MayHoldKtp(subject.BirthDate, subject.MaritalStatus, today))
        {
            report.Error("nik", "register.ktp_not_eligible", ApplicationMessages.Text("register.ktp_not_eligible", PersonRules.AgeOn(subject.BirthDate, today)));
        }

        if (service.Code == "kk-perubahan")
        {
            CheckDataChange(service, values, subject, report);
        }

        if (service.Code == "kk-pisah")
        {
            await CheckSplitAsync(values, subject, today, report, ct);
        }

        return new RegisterFacts(subject, applicantResident?.BirthDate ?? subject.BirthDate);
    }

    private static void CheckDataChange(ServiceDefinition service, IReadOnlyDictionary<string, string> values, Resident subject, ValidationReport report)
    {
        var changes = new (string Field, string? Current)[]
        {
            ("newName", subject.FullName),
            ("newOccupation", subject.Occupation),
            ("newEducation", subject.Education.ToString()),
            ("newReligion", subject.Religion.ToString()),
            ("newMaritalStatus", subject.MaritalStatus.ToString()),
        };
        var filled = changes.Where(c => values.ContainsKey(c.Field)).ToList();
        if (filled.Count == 0)
        {
            report.Error(FormLevel, "register.no_change", ApplicationMessages.Text("register.no_change"));
        }

        foreach (var (field, current) in filled)
        {
            if (string.Equals(values[field], current, StringComparison.OrdinalIgnoreCase))
            {
                report.Warning(field, "register.same_value", ApplicationMessages.Text("register.same_value", Label(service, field)));
            }
        }
    }

    private async Task<RegisterFacts> CheckBirthAsync(
        ServiceDefinition service,
        IReadOnlyDictionary<string, string> values,
        Resident? applicantResident,
        DateOnly today,
        ValidationReport report,
        CancellationToken ct)
    {
        Household? household = null;
        if (values.TryGetValue("kkNumber", out var kk))
        {
            household = await FindHouseholdAsync(service, kk, report, ct);
            if (household is not null && applicantResident is not null && applicantResident.HouseholdId != household.Id)
            {
                report.Error("kkNumber", "register.applicant_not_in_kk", ApplicationMessages.Text("register.applicant_not_in_kk"));
            }
        }

        var childBorn = values.TryGetValue("childBirthDate", out var cb) ? ParseIso(cb) : (DateOnly?)null;
        var mother = await ParentAsync(service, values, "motherNik", Sex.Female, childBorn, report, ct);
        var father = await ParentAsync(service, values, "fatherNik", Sex.Male, childBorn, report, ct);
        if (household is not null && (mother is not null || father is not null)
            && mother?.HouseholdId != household.Id && father?.HouseholdId != household.Id)
        {
            report.Error("kkNumber", "register.parents_not_in_kk", ApplicationMessages.Text("register.parents_not_in_kk"));
        }

        if (childBorn is { } born && today.DayNumber - born.DayNumber > LateBirthDays)
        {
            report.Warning("childBirthDate", "register.birth_too_late", ApplicationMessages.Text("register.birth_too_late", today.DayNumber - born.DayNumber));
        }

        return new RegisterFacts(mother ?? father, applicantResident?.BirthDate);
    }

    private async Task<Resident?> ParentAsync(
        ServiceDefinition service,
        IReadOnlyDictionary<string, string> values,
        string field,
        Sex sex,
        DateOnly? childBorn,
        ValidationReport report,
        CancellationToken ct)
    {
        if (!values.TryGetValue(field, out var nik))
        {
            return null;
        }

        // A parent may have died since the birth; only existence, sex and age are checked.
        var parent = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Nik == nik, ct);
        if (parent is null)
        {
            report.Error(field, "register.nik_unknown", ApplicationMessages.Text("register.nik_unknown", Label(service, field)));
            return null;
        }

        if (parent.Sex != sex)
        {
            var code = sex == Sex.Female ? "register.mother_not_female" : "register.father_not_male";
            report.Error(field, code, ApplicationMessages.Text(code, Label(service, field)));
        }

        if (childBorn is { } born && !PersonRules.IsPlausibleParent(parent.BirthDate, born, sex))
        {
            report.Error(field, "register.parent_age", ApplicationMessages.Text("register.parent_age", Label(service, field), PersonRules.AgeOn(parent.BirthDate, born)));
        }

        return parent;
    }

    private async Task<RegisterFacts> CheckNewcomerAsync(IReadOnlyDictionary<string, string> values, Office office, ValidationReport report, CancellationToken ct)
    {
        var cityPrefix = office.RegencyCode + ".";
        if (values.TryGetValue("nik", out var nik))
        {
            var existing = await db.Residents.AsNoTracking()
                .Where(r => r.Nik == nik && r.Status == ResidentStatus.Alive && r.RtUnit != null && r.RtUnit.VillageCode.StartsWith(cityPrefix))
                .AnyAsync(ct);
            if (existing)
            {
                report.Error("nik", "register.already_resident", ApplicationMessages.Text("register.already_resident"));
            }

            if (values.TryGetValue("birthDate", out var typed) && ParseIso(typed) is { } date && !NikCarries(nik, date))
            {
                report.Warning("birthDate", "register.birthdate_differs_from_nik", ApplicationMessages.Text("register.birthdate_differs_from_nik"));
            }
        }

        if (values.TryGetValue("destinationKelurahan", out var village) && values.TryGetValue("rw", out var rwText) && values.TryGetValue("rt", out var rtText))
        {
            var rw = int.Parse(rwText, CultureInfo.InvariantCulture);
            var rt = int.Parse(rtText, CultureInfo.InvariantCulture);
            if (!await db.RtUnits.AnyAsync(u => u.VillageCode == village && u.Rw == rw && u.Rt == rt, ct))
            {
                report.Error("rt", "register.rt_unknown", ApplicationMessages.Text("register.rt_unknown", rt, rw));
            }
        }

        if (values.TryGetValue("joinKkNumber", out var join)
            && !await db.Households.AnyAsync(h => h.KkNumber == join && h.RtUnit != null && h.RtUnit.VillageCode.StartsWith(cityPrefix), ct))
        {
            report.Error("joinKkNumber", "register.join_kk_unknown", ApplicationMessages.Text("register.join_kk_unknown"));
        }

        return new RegisterFacts(null, values.TryGetValue("birthDate", out var bd) ? ParseIso(bd) : null);
    }

    private async Task<Resident?> FindResidentAsync(ServiceDefinition service, string field, string nik, Office office, ValidationReport report, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().Include(r => r.RtUnit).SingleOrDefaultAsync(r => r.Nik == nik, ct);
        // Residents of another city are unknown here: each office serves its own register.
        if (resident is null || (resident.RtUnit is not null && !resident.RtUnit.VillageCode.StartsWith(office.RegencyCode + ".", StringComparison.Ordinal)))
        {
            report.Error(field, "register.nik_unknown", ApplicationMessages.Text("register.nik_unknown", Label(service, field)));
            return null;
        }

        switch (resident.Status)
        {
            case ResidentStatus.Deceased:
                report.Error(field, "register.deceased", ApplicationMessages.Text("register.deceased", Label(service, field)));
                return null;
            case ResidentStatus.MovedOut:
                report.Error(field, "register.moved_out", ApplicationMessages.Text("register.moved_out", Label(service, field)));
                return null;
            default:
                return resident;
        }
    }

    private async Task<Household?> FindHouseholdAsync(ServiceDefinition service, string kk, ValidationReport report, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.KkNumber == kk, ct);
        if (household is null)
        {
            report.Error("kkNumber", "register.kk_unknown", ApplicationMessages.Text("register.kk_unknown", Label(service, "kkNumber")));
        }

        return household;
    }

    /// <summary>A typed date that differs from the register is an error; one that differs only from the NIK's digits is a warning.</summary>
    private static void CheckBirthDate(string nik, DateOnly? typed, DateOnly registered, ValidationReport report)
    {
        if (typed is not { } date)
        {
            return;
        }

        if (date != registered)
        {
            report.Error("birthDate", "register.birthdate_mismatch", ApplicationMessages.Text("register.birthdate_mismatch"));
            return;
        }

        if (!NikCarries(nik, date))
        {
            report.Warning("birthDate", "register.birthdate_differs_from_nik", ApplicationMessages.Text("register.birthdate_differs_from_nik"));
        }
    }

    /// <summary>Whether the NIK's DDMMYY digits (day + 40 for women) are this date; the century is not in a NIK.</summary>
    private static bool NikCarries(string nik, DateOnly date)
    {
        var day = int.Parse(nik.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(nik.AsSpan(8, 2), CultureInfo.InvariantCulture);
        var year = int.Parse(nik.AsSpan(10, 2), CultureInfo.InvariantCulture);
        return (day > 40 ? day - 40 : day) == date.Day && month == date.Month && year == date.Year % 100;
    }

    private static DateOnly? ParseIso(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static LocalizedText Label(ServiceDefinition service, string field) =>
        service.Field(field)?.Label ?? new LocalizedText(field, field);
}
