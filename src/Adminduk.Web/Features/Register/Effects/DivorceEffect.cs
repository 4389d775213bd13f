using Adminduk.Domain.Population;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// A registered divorce: both become Cerai hidup, with a Divorce event each dated on the ruling. The KK is not
/// split here: who keeps the household is the family's decision and its own application (pisah KK).
/// </summary>
public abstract class DivorceEffect : IRegisterEffect
{
    public abstract string ServiceCode { get; }

    public async Task ApplyAsync(RegisterEffectContext context, CancellationToken ct)
    {
        var husband = await context.AliveResidentAsync("husbandNik", ct);
        var wife = await context.AliveResidentAsync("wifeNik", ct);
        if (!await Couples.AreMarriedToEachOtherAsync(context.Db, husband, wife, ct))
        {
            throw new InvalidOperationException($"{ServiceCode}: the two are no longer recorded as married to each other.");
        }

        var ruledOn = context.Date("rulingDate");
        var record = $"{context.Value("courtName")} {context.Value("rulingNumber")}";
        foreach (var (person, spouse, role) in new[] { (husband, wife, "Istri"), (wife, husband, "Suami") })
        {
            person.MaritalStatus = MaritalStatus.CeraiHidup;
            person.UpdatedAt = context.At;
            context.RecordEvent(PopulationEventKind.Divorce, person, ruledOn, $"{role}: {spouse.FullName} ({Domain.Numbers.Nik.Mask(spouse.Nik)}); {record}");
        }
    }
}

public sealed class AktaPerceraianEffect : DivorceEffect
{
    public override string ServiceCode => "akta-perceraian";
}

public sealed class PerceraianPaEffect : DivorceEffect
{
    public override string ServiceCode => "perceraian-pa";
}
