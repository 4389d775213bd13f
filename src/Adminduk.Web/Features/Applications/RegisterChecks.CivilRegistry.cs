using System.Globalization;
using Adminduk.Domain.Population;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Register.Effects;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Applications;

/// <summary>Register checks of marriage, divorce, moving, SKTT, akta reissue and legalisir.</summary>
public sealed partial class RegisterChecks
{
    /// <summary>Minimum age to marry for both spouses (UU 16/2019 amending UU 1/1974).</summary>
    public const int MarriageAge = 19;

    /// <summary>Marriages and divorces are to be reported within this many days (UU 24/2013 art. 34 and 40).</summary>
    public const int ReportWithinDays = 60;

    private static readonly HashSet<string> CivilRegistryServices = new(StringComparer.Ordinal)
    {
        "akta-perkawinan", "perkawinan-kua", "akta-perceraian", "perceraian-pa",
        "pindah-keluar", "pindah-dalam-kota", "akta-terbit-ulang", "legalisir",
    };

    private static bool IsCivilRegistryService(string code) => CivilRegistryServices.Contains(code);

    private async Task<RegisterFacts> CheckCivilRegistryAsync(
        ServiceDefinition service,
        IReadOnlyDictionary<string, string> values,
        Resident? applicantResident,
        Office office,
        DateOnly today,
        ValidationReport report,
        CancellationToken ct)
    {
        switch (service.Code)
        {
            case "akta-perkawinan" or "perkawinan-kua" or "akta-perceraian" or "perceraian-pa":
                return await CheckCoupleAsync(service, values, applicantResident, office, today, report, ct);
            case "akta-terbit-ulang":
                return await CheckReissueAsync(service, values, applicantResident, office, report, ct);
        }

        var facts = await CheckResidentServiceAsync(service, values, applicantResident, office, today, report, ct);
        if (facts.Subject is not { } subject)
        {
            return facts;
        }

        if (service.Code == "pindah-keluar")
        {
            await CheckDepartureAsync(service, values, subject, report, ct);
        }
        else if (service.Code == "pindah-dalam-kota")
        {
            await CheckMoveWithinCityAsync(values, subject, report, ct);
        }

        return facts;
    }

    private async Task<RegisterFacts> CheckCoupleAsync(
        ServiceDefinition service,
        IReadOnlyDictionary<string, string> values,
        Resident? applicantResident,
        Office office,
        DateOnly today,
        ValidationReport report,
        CancellationToken ct)
    {
        var husband = values.TryGetValue("husbandNik", out var h) ? await FindResidentAsync(service, "husbandNik", h, office, report, ct) : null;
        var wife = values.TryGetValue("wifeNik", out var w) ? await FindResidentAsync(service, "wifeNik", w, office, report, ct) : null;
        if (husband is not null && husband.Sex != Sex.Male)
        {
            report.Error("husbandNik", "couple.husband_not_male", CivilRegistryMessages.Text("couple.husband_not_male", Label(service, "husbandNik")));
        }

        if (wife is not null && wife.Sex != Sex.Female)
        {
            report.Error("wifeNik", "couple.wife_not_female", CivilRegistryMessages.Text("couple.wife_not_female", Label(service, "wifeNik")));
        }

        // Only the spouses themselves apply: a marriage or divorce is not a household member's errand.
        if (applicantResident is not null && husband is not null && wife is not null
            && applicantResident.Id != husband.Id && applicantResident.Id != wife.Id)
        {
            report.Error(FormLevel, "couple.applicant_not_spouse", CivilRegistryMessages.Text("couple.applicant_not_spouse"));
        }

        var spouses = new[] { ("husbandNik", husband), ("wifeNik", wife) };
        var marriage = service.Code is "akta-perkawinan" or "perkawinan-kua";
        if (marriage)
        {
            CheckMarriage(service, values, spouses, today, report);
        }
        else
        {
            await CheckDivorceAsync(service, values, husband, wife, today, report, ct);
        }

        var subject = applicantResident?.Id == wife?.Id ? wife : husband ?? wife;
        return new RegisterFacts(subject, applicantResident?.BirthDate ?? subject?.BirthDate);
    }

    private static void CheckMarriage(
        ServiceDefinition service, IReadOnlyDictionary<string, string> values, (string Field, Resident? Person)[] spouses, DateOnly today, ValidationReport report)
    {
        var marriedOn = values.TryGetValue("marriageDate", out var d) ? ParseIso(d) : null;
        foreach (var (field, person) in spouses)
        {
            if (person is null)
            {
                continue;
            }

            if (person.MaritalStatus == MaritalStatus.Kawin)
            {
                report.Error(field, "marriage.already_married", CivilRegistryMessages.Text("marriage.already_married", Label(service, field)));
            }

            var age = PersonRules.AgeOn(person.BirthDate, marriedOn ?? today);
            if (age < MarriageAge)
            {
                report.Error(field, "marriage.under_age", CivilRegistryMessages.Text("marriage.under_age", Label(service, field), age));
            }

            // Muslim marriages are the KUA's (UU 1/1974 with UU 32/1954); the civil registry records the others.
            if (service.Code == "akta-perkawinan" && person.Religion == Religion.Islam)
            {
                report.Error(field, "marriage.muslim_use_kua", CivilRegistryMessages.Text("marriage.muslim_use_kua", Label(service, field)));
            }
            else if (service.Code == "perkawinan-kua" && person.Religion != Religion.Islam)
            {
                report.Error(field, "marriage.kua_not_muslim", CivilRegistryMessages.Text("marriage.kua_not_muslim", Label(service, field)));
            }
        }

        if (marriedOn is { } on && today.DayNumber - on.DayNumber > ReportWithinDays)
        {
            report.Warning("marriageDate", "marriage.late", CivilRegistryMessages.Text("marriage.late", today.DayNumber - on.DayNumber));
        }
    }

    private async Task CheckDivorceAsync(
        ServiceDefinition service, IReadOnlyDictionary<string, string> values, Resident? husband, Resident? wife, DateOnly today, ValidationReport report, CancellationToken ct)
    {
        foreach (var (field, person) in new[] { ("husbandNik", husband), ("wifeNik", wife) })
        {
            if (person is not null && person.MaritalStatus != MaritalStatus.Kawin)
            {
                report.Error(field, "divorce.not_married", CivilRegistryMessages.Text("divorce.not_married", Label(service, field)));
            }
        }

        if (husband is null || wife is null || husband.MaritalStatus != MaritalStatus.Kawin || wife.MaritalStatus != MaritalStatus.Kawin)
        {
            return;
        }

        if (!await Couples.AreMarriedToEachOtherAsync(db, husband, wife, ct))
        {
            report.Error(FormLevel, "divorce.not_spouses", CivilRegistryMessages.Text("divorce.not_spouses"));
        }

        var muslims = (husband.Religion == Religion.Islam ? 1 : 0) + (wife.Religion == Religion.Islam ? 1 : 0);
        if (service.Code == "akta-perceraian" && muslims == 2)
        {
            report.Error(FormLevel, "divorce.muslim_use_pa", CivilRegistryMessages.Text("divorce.muslim_use_pa"));
        }
        else if (service.Code == "perceraian-pa" && muslims == 0)
        {
            report.Error(FormLevel, "divorce.pa_not_muslim", CivilRegistryMessages.Text("divorce.pa_not_muslim"));
        }

        if (values.TryGetValue("rulingDate", out var r) && ParseIso(r) is { } ruled && today.DayNumber - ruled.DayNumber > ReportWithinDays)
        {
            report.Warning("rulingDate", "divorce.late", CivilRegistryMessages.Text("divorce.late", today.DayNumber - ruled.DayNumber));
        }
    }

    private async Task CheckDepartureAsync(ServiceDefinition service, IReadOnlyDictionary<string, string> values, Resident subject, ValidationReport report, CancellationToken ct)
    {
        if (values.GetValueOrDefault("moveScope") != "sebagian" || subject.HouseholdId is not { } householdId)
        {
            return;
        }

        var movers = CivilRegistryRules.MemberNiks(values.GetValueOrDefault("memberNiks"));
        if (movers.Count == 0)
        {
            return;
        }

        var members = await db.Residents.AsNoTracking()
            .Where(r => r.HouseholdId == householdId && r.Status == ResidentStatus.Alive)
            .Select(r => new { r.Nik, r.RelationshipToHead })
            .ToListAsync(ct);
        var label = Label(service, "memberNiks");
        foreach (var nik in movers.Where(n => members.All(m => m.Nik != n)))
        {
            report.Error("memberNiks", "move.member_not_in_kk", CivilRegistryMessages.Text("move.member_not_in_kk", label, Domain.Numbers.Nik.Mask(nik)));
        }

        var head = members.FirstOrDefault(m => m.RelationshipToHead == RelationshipToHead.KepalaKeluarga);
        if (head is not null && movers.Contains(head.Nik) && members.Any(m => !movers.Contains(m.Nik)))
        {
            report.Error("memberNiks", "move.head_leaves_alone", CivilRegistryMessages.Text("move.head_leaves_alone", label));
        }

        if (!movers.Contains(subject.Nik))
        {
            report.Warning("memberNiks", "move.applicant_not_moving", CivilRegistryMessages.Text("move.applicant_not_moving", label));
        }
    }

    private async Task CheckMoveWithinCityAsync(IReadOnlyDictionary<string, string> values, Resident subject, ValidationReport report, CancellationToken ct)
    {
        if (!values.TryGetValue("kelurahan", out var village) || !values.TryGetValue("rw", out var rwText) || !values.TryGetValue("rt", out var rtText))
        {
            return;
        }

        var rw = int.Parse(rwText, CultureInfo.InvariantCulture);
        var rt = int.Parse(rtText, CultureInfo.InvariantCulture);
        var unit = await db.RtUnits.AsNoTracking().FirstOrDefaultAsync(u => u.VillageCode == village && u.Rw == rw && u.Rt == rt, ct);
        if (unit is null)
        {
            report.Error("rt", "register.rt_unknown", ApplicationMessages.Text("register.rt_unknown", rt, rw));
            return;
        }

        var household = subject.HouseholdId is { } id ? await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) : null;
        if (household is not null && household.RtUnitId == unit.Id
            && string.Equals(household.Address.Trim(), values.GetValueOrDefault("address")?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            report.Error("address", "move.same_address", CivilRegistryMessages.Text("move.same_address"));
        }
    }

    /// <summary>A reissued akta names someone who may have died since (a death certificate always does).</summary>
    private async Task<RegisterFacts> CheckReissueAsync(
        ServiceDefinition service,
        IReadOnlyDictionary<string, string> values,
        Resident? applicantResident,
        Office office,
        ValidationReport report,
        CancellationToken ct)
    {
        if (!values.TryGetValue("nik", out var nik))
        {
            return new RegisterFacts(null, applicantResident?.BirthDate);
        }

        var kind = values.GetValueOrDefault("aktaKind");
        var person = await db.Residents.AsNoTracking().Include(r => r.RtUnit).SingleOrDefaultAsync(r => r.Nik == nik, ct);
        if (person is null || (person.RtUnit is not null && !person.RtUnit.VillageCode.StartsWith(office.RegencyCode + ".", StringComparison.Ordinal)))
        {
            report.Error("nik", "register.nik_unknown", ApplicationMessages.Text("register.nik_unknown", Label(service, "nik")));
            return new RegisterFacts(null, applicantResident?.BirthDate);
        }

        if (person.Status == ResidentStatus.MovedOut)
        {
            report.Error("nik", "register.moved_out", ApplicationMessages.Text("register.moved_out", Label(service, "nik")));
        }
        else if (kind == "kematian" && person.Status != ResidentStatus.Deceased)
        {
            report.Error("nik", "reissue.not_deceased", CivilRegistryMessages.Text("reissue.not_deceased", Label(service, "nik")));
        }
        else if (kind == "perkawinan" && person.MaritalStatus == MaritalStatus.BelumKawin)
        {
            report.Error("nik", "reissue.never_married", CivilRegistryMessages.Text("reissue.never_married", Label(service, "nik")));
        }
        else if (kind == "perceraian" && person.MaritalStatus != MaritalStatus.CeraiHidup
            && !await db.PopulationEvents.AnyAsync(e => e.ResidentId == person.Id && e.Kind == PopulationEventKind.Divorce, ct))
        {
            report.Error("nik", "reissue.never_divorced", CivilRegistryMessages.Text("reissue.never_divorced", Label(service, "nik")));
        }
        else if (kind != "kematian" && person.Status == ResidentStatus.Deceased)
        {
            report.Error("nik", "register.deceased", ApplicationMessages.Text("register.deceased", Label(service, "nik")));
        }

        // As for every household service: oneself, or a member of the same KK (a deceased person's KK stays on record).
        if (applicantResident is not null && applicantResident.Id != person.Id
            && (applicantResident.HouseholdId is null || applicantResident.HouseholdId != person.HouseholdId))
        {
            report.Error(FormLevel, "register.not_authorized_household", ApplicationMessages.Text("register.not_authorized_household"));
        }

        return new RegisterFacts(person, applicantResident?.BirthDate ?? person.BirthDate);
    }

    private async Task<RegisterFacts> CheckForeignerAsync(IReadOnlyDictionary<string, string> values, ValidationReport report, CancellationToken ct)
    {
        if (values.TryGetValue("kelurahan", out var village) && values.TryGetValue("rw", out var rwText) && values.TryGetValue("rt", out var rtText))
        {
            var rw = int.Parse(rwText, CultureInfo.InvariantCulture);
            var rt = int.Parse(rtText, CultureInfo.InvariantCulture);
            if (!await db.RtUnits.AnyAsync(u => u.VillageCode == village && u.Rw == rw && u.Rt == rt, ct))
            {
                report.Error("rt", "register.rt_unknown", ApplicationMessages.Text("register.rt_unknown", rt, rw));
            }
        }

        return new RegisterFacts(null, values.TryGetValue("birthDate", out var bd) ? ParseIso(bd) : null);
    }
}
