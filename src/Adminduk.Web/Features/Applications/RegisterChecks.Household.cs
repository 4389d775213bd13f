using System.Globalization;
using Adminduk.Domain.Population;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using NikNumber = Adminduk.Domain.Numbers.Nik;

namespace Adminduk.Web.Features.Applications;

/// <summary>The register rules of the household services (add a member, split a household) and of the death report.</summary>
public sealed partial class RegisterChecks
{
    private async Task<RegisterFacts> CheckAddMemberAsync(
        ServiceDefinition service,
        IReadOnlyDictionary<string, string> values,
        Resident? applicantResident,
        Office office,
        DateOnly today,
        ValidationReport report,
        CancellationToken ct)
    {
        var household = values.TryGetValue("kkNumber", out var kk) ? await FindHouseholdAsync(service, kk, report, ct) : null;
        var head = values.TryGetValue("headNik", out var headNik) ? await FindResidentAsync(service, "headNik", headNik, office, report, ct) : null;
        var member = values.TryGetValue("memberNik", out var memberNik) ? await FindResidentAsync(service, "memberNik", memberNik, office, report, ct) : null;

        if (household is not null && head is not null && (head.HouseholdId != household.Id || head.RelationshipToHead != RelationshipToHead.KepalaKeluarga))
        {
            report.Error("headNik", "household.not_head", HouseholdCheckMessages.Text("household.not_head"));
        }

        if (member is not null)
        {
            if (household is not null && member.HouseholdId == household.Id)
            {
                report.Error("memberNik", "household.already_member", HouseholdCheckMessages.Text("household.already_member"));
            }
            else if (member.RelationshipToHead == RelationshipToHead.KepalaKeluarga && member.HouseholdId is { } own
                && await db.Residents.AnyAsync(r => r.HouseholdId == own && r.Id != member.Id && r.Status == ResidentStatus.Alive, ct))
            {
                // Leaving would leave that household without a head.
                report.Error("memberNik", "household.member_heads_other", HouseholdCheckMessages.Text("household.member_heads_other"));
            }

            if (values.TryGetValue("relationship", out var relationText) && Enum.TryParse<RelationshipToHead>(relationText, out var relation))
            {
                CheckNewRelationship(relation, member, head, report);
            }
        }

        // The applicant is in the receiving household or is the person joining it.
        if (applicantResident is not null && household is not null
            && applicantResident.HouseholdId != household.Id && applicantResident.Id != member?.Id)
        {
            report.Error(FormLevel, "household.applicant_not_involved", HouseholdCheckMessages.Text("household.applicant_not_involved"));
        }

        return new RegisterFacts(member, applicantResident?.BirthDate);
    }

    private static void CheckNewRelationship(RelationshipToHead relation, Resident member, Resident? head, ValidationReport report)
    {
        if ((relation == RelationshipToHead.Suami && member.Sex != Sex.Male) || (relation == RelationshipToHead.Istri && member.Sex != Sex.Female))
        {
            report.Error("relationship", "household.relationship_sex", HouseholdCheckMessages.Text("household.relationship_sex"));
        }

        if (relation is RelationshipToHead.Suami or RelationshipToHead.Istri)
        {
            // A spouse joins after the marriage is registered (Dukcapil or KUA), which sets both to "kawin".
            if (member.MaritalStatus != MaritalStatus.Kawin || head is { MaritalStatus: not MaritalStatus.Kawin })
            {
                report.Error("relationship", "household.spouse_not_married", HouseholdCheckMessages.Text("household.spouse_not_married"));
            }
        }

        if (head is not null && relation is RelationshipToHead.Anak or RelationshipToHead.Cucu && member.BirthDate <= head.BirthDate)
        {
            report.Error("relationship", "household.child_not_younger", HouseholdCheckMessages.Text("household.child_not_younger"));
        }

        if (head is not null && relation is RelationshipToHead.OrangTua or RelationshipToHead.Mertua && member.BirthDate >= head.BirthDate)
        {
            report.Error("relationship", "household.parent_not_older", HouseholdCheckMessages.Text("household.parent_not_older"));
        }
    }

    private async Task CheckSplitAsync(IReadOnlyDictionary<string, string> values, Resident applicant, DateOnly today, ValidationReport report, CancellationToken ct)
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

        if (applicant.HouseholdId is not { } householdId || !values.TryGetValue("memberNiks", out var list)
            || !values.TryGetValue("kkNumber", out var kk) || !await db.Households.AnyAsync(h => h.Id == householdId && h.KkNumber == kk, ct))
        {
            return;
        }

        var members = await db.Residents.AsNoTracking()
            .Where(r => r.HouseholdId == householdId && r.Status == ResidentStatus.Alive)
            .ToListAsync(ct);
        var leaving = list.Split(',');
        foreach (var nik in leaving.Where(n => members.All(m => m.Nik != n)))
        {
            report.Error("memberNiks", "household.split_not_member", HouseholdCheckMessages.Text("household.split_not_member", NikNumber.Mask(nik)));
        }

        if (members.FirstOrDefault(m => m.RelationshipToHead == RelationshipToHead.KepalaKeluarga) is { } oldHead && leaving.Contains(oldHead.Nik))
        {
            report.Error("memberNiks", "household.split_head_leaves", HouseholdCheckMessages.Text("household.split_head_leaves"));
        }
        else if (members.All(m => leaving.Contains(m.Nik)))
        {
            report.Error("memberNiks", "household.split_nobody_stays", HouseholdCheckMessages.Text("household.split_nobody_stays"));
        }

        if (values.TryGetValue("newHeadNik", out var headNik) && members.FirstOrDefault(m => m.Nik == headNik) is { } newHead
            && !PersonRules.MayHoldKtp(newHead.BirthDate, newHead.MaritalStatus, today))
        {
            report.Error("newHeadNik", "household.new_head_too_young", HouseholdCheckMessages.Text("household.new_head_too_young", PersonRules.AgeOn(newHead.BirthDate, today)));
        }
    }

    private async Task<RegisterFacts> CheckDeathAsync(
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

        var recorded = await db.Residents.AsNoTracking().Where(r => r.Nik == nik && r.Status == ResidentStatus.Deceased).Select(r => r.DeceasedOn).ToListAsync(ct);
        if (recorded.Count > 0)
        {
            var on = recorded[0]?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "-";
            report.Error("nik", "death.already_recorded", HouseholdCheckMessages.Text("death.already_recorded", on));
            return new RegisterFacts(null, applicantResident?.BirthDate);
        }

        var deceased = await FindResidentAsync(service, "nik", nik, office, report, ct);
        if (deceased is null)
        {
            return new RegisterFacts(null, applicantResident?.BirthDate);
        }

        if (values.TryGetValue("kkNumber", out var kk) && await FindHouseholdAsync(service, kk, report, ct) is { } household && deceased.HouseholdId != household.Id)
        {
            report.Error("kkNumber", "register.not_in_kk", ApplicationMessages.Text("register.not_in_kk"));
        }

        if (values.TryGetValue("deathDate", out var died) && ParseIso(died) is { } deathDate && deathDate < deceased.BirthDate)
        {
            report.Error("deathDate", "death.before_birth", HouseholdCheckMessages.Text("death.before_birth"));
        }

        var reporter = values.TryGetValue("reporterNik", out var reporterNik) ? await FindResidentAsync(service, "reporterNik", reporterNik, office, report, ct) : null;
        if (reporter is not null && reporter.Id != deceased.Id && !PersonRules.MayHoldKtp(reporter.BirthDate, reporter.MaritalStatus, today))
        {
            report.Error("reporterNik", "death.reporter_too_young", HouseholdCheckMessages.Text("death.reporter_too_young"));
        }

        // Family often lives on another KK: the reporter may apply, as may anyone of the deceased's household.
        if (applicantResident is not null && applicantResident.Id != reporter?.Id
            && (applicantResident.HouseholdId is null || applicantResident.HouseholdId != deceased.HouseholdId))
        {
            report.Error(FormLevel, "death.applicant_not_reporter", HouseholdCheckMessages.Text("death.applicant_not_reporter"));
        }

        await CheckNewHeadAsync(service, values, deceased, today, report, ct);
        return new RegisterFacts(deceased, applicantResident?.BirthDate);
    }

    /// <summary>A head who dies leaves the household to a new head from its living members; anyone else's death changes no head.</summary>
    private async Task CheckNewHeadAsync(
        ServiceDefinition service, IReadOnlyDictionary<string, string> values, Resident deceased, DateOnly today, ValidationReport report, CancellationToken ct)
    {
        var others = deceased.HouseholdId is { } householdId
            ? await db.Residents.AsNoTracking().Where(r => r.HouseholdId == householdId && r.Id != deceased.Id && r.Status == ResidentStatus.Alive).ToListAsync(ct)
            : [];
        var needsHead = deceased.RelationshipToHead == RelationshipToHead.KepalaKeluarga && others.Count > 0;
        if (!values.TryGetValue("newHeadNik", out var headNik))
        {
            if (needsHead)
            {
                report.Error("newHeadNik", "death.new_head_required", HouseholdCheckMessages.Text("death.new_head_required", Label(service, "newHeadNik")));
            }

            return;
        }

        if (!needsHead)
        {
            report.Error("newHeadNik", "death.new_head_not_needed", HouseholdCheckMessages.Text("death.new_head_not_needed"));
            return;
        }

        if (headNik == deceased.Nik)
        {
            return; // Reported by the form rules already.
        }

        if (others.FirstOrDefault(r => r.Nik == headNik) is not { } head)
        {
            report.Error("newHeadNik", "death.new_head_not_member", HouseholdCheckMessages.Text("death.new_head_not_member"));
        }
        else if (!PersonRules.MayHoldKtp(head.BirthDate, head.MaritalStatus, today))
        {
            report.Error("newHeadNik", "household.new_head_too_young", HouseholdCheckMessages.Text("household.new_head_too_young", PersonRules.AgeOn(head.BirthDate, today)));
        }
    }
}
