using Adminduk.Domain.Population;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>Pembaruan data: the resident's name spelling, occupation, education, religion or marital status change.</summary>
public sealed class DataChangeEffect : IRegisterEffect
{
    public string ServiceCode => "kk-perubahan";

    public async Task ApplyAsync(RegisterEffectContext context, CancellationToken ct)
    {
        var resident = await context.LivingResidentAsync(context.Required("nik"), ct);
        var changes = new List<string>();
        void Change(string what, string before, string after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add($"{what}: {before} -> {after}");
            }
        }

        if (context.Optional("newName") is { } name)
        {
            Change("name", resident.FullName, name);
            resident.FullName = name;
        }

        if (context.Optional("newOccupation") is { } occupation)
        {
            Change("occupation", resident.Occupation, occupation);
            resident.Occupation = occupation;
        }

        if (context.Optional("newEducation") is { } education)
        {
            var value = Enum.Parse<Education>(education);
            Change("education", resident.Education.ToString(), value.ToString());
            resident.Education = value;
        }

        if (context.Optional("newReligion") is { } religion)
        {
            var value = Enum.Parse<Religion>(religion);
            Change("religion", resident.Religion.ToString(), value.ToString());
            resident.Religion = value;
        }

        if (context.Optional("newMaritalStatus") is { } marital)
        {
            var value = Enum.Parse<MaritalStatus>(marital);
            Change("marital status", resident.MaritalStatus.ToString(), value.ToString());
            resident.MaritalStatus = value;
        }

        resident.UpdatedAt = context.At;
        context.RecordEvent(PopulationEventKind.DataChange, resident, context.Today,
            EffectForm.Details(changes.Count == 0 ? "no change" : string.Join("; ", changes)));
    }
}
