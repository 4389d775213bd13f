using Adminduk.Domain.Population;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// A registered marriage: both spouses become Kawin, with a Marriage event each from this application (which is how
/// <see cref="Couples"/> later knows they are married to each other). Households are left as they are: moving onto
/// one KK is the couple's own choice and its own application (joining a KK or splitting one off).
/// </summary>
public abstract class MarriageEffect : IRegisterEffect
{
    public abstract string ServiceCode { get; }

    public async Task ApplyAsync(RegisterEffectContext context, CancellationToken ct)
    {
        var husband = await context.AliveResidentAsync("husbandNik", ct);
        var wife = await context.AliveResidentAsync("wifeNik", ct);
        // The check at submission may be days old: someone may have been recorded married since.
        if (husband.MaritalStatus == MaritalStatus.Kawin || wife.MaritalStatus == MaritalStatus.Kawin)
        {
            throw new InvalidOperationException($"{ServiceCode}: a spouse is already recorded as married.");
        }

        var marriedOn = context.Date("marriageDate");
        var record = Record(context);
        foreach (var (person, spouse, role) in new[] { (husband, wife, "Istri"), (wife, husband, "Suami") })
        {
            person.MaritalStatus = MaritalStatus.Kawin;
            person.UpdatedAt = context.At;
            context.RecordEvent(PopulationEventKind.Marriage, person, marriedOn, $"{role}: {spouse.FullName} ({Domain.Numbers.Nik.Mask(spouse.Nik)}); {record}");
        }
    }

    /// <summary>Where the marriage is recorded, for the event's details.</summary>
    protected abstract string Record(RegisterEffectContext context);
}

public sealed class AktaPerkawinanEffect : MarriageEffect
{
    public override string ServiceCode => "akta-perkawinan";

    protected override string Record(RegisterEffectContext context) =>
        $"{context.Value("marriagePlace")}, {context.Value("religion")}";
}

public sealed class PerkawinanKuaEffect : MarriageEffect
{
    public override string ServiceCode => "perkawinan-kua";

    protected override string Record(RegisterEffectContext context) =>
        $"{context.Value("kuaName")}, akta nikah {context.Value("marriageBookNumber")}";
}
