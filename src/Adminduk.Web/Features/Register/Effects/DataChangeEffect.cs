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
        T Change<T>(string field, T before, T after, Func<T, string> label)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                changes.Add(EffectDetails.Get("Event.DataChange.Item", EffectDetails.Get("Field." + field), label(before), label(after)));
            }

            return after;
        }

        string Option<T>(string field, T value)
            where T : struct, Enum => EffectDetails.Option(context.Service, field, value.ToString());

        if (context.Optional("newName") is { } name)
        {
            resident.FullName = Change("newName", resident.FullName, name, s => s);
        }

        if (context.Optional("newOccupation") is { } occupation)
        {
            resident.Occupation = Change("newOccupation", resident.Occupation, occupation, s => s);
        }

        if (context.Optional("newEducation") is { } education)
        {
            resident.Education = Change("newEducation", resident.Education, Enum.Parse<Education>(education), v => Option("newEducation", v));
        }

        if (context.Optional("newReligion") is { } religion)
        {
            resident.Religion = Change("newReligion", resident.Religion, Enum.Parse<Religion>(religion), v => Option("newReligion", v));
        }

        if (context.Optional("newMaritalStatus") is { } marital)
        {
            resident.MaritalStatus = Change("newMaritalStatus", resident.MaritalStatus, Enum.Parse<MaritalStatus>(marital), v => Option("newMaritalStatus", v));
        }

        resident.UpdatedAt = context.At;
        context.RecordEvent(PopulationEventKind.DataChange, resident, context.Today, EffectDetails.Get("Event.DataChange", string.Join("; ", changes)));
    }
}
