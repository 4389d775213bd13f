using System.Text.Json;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;

namespace Adminduk.Web.Features.Register;

/// <summary>What an approved application changes in the register, with everything needed to change it.</summary>
public sealed record RegisterEffectContext(
    AdmindukDbContext Db,
    Application Application,
    ServiceDefinition Service,
    IReadOnlyDictionary<string, string?> Form,
    StaffMember Operator,
    DateTimeOffset At,
    DateOnly Today)
{
    /// <summary>A population event caused by this application (saved with the approval).</summary>
    public PopulationEvent RecordEvent(Domain.Population.PopulationEventKind kind, Resident resident, DateOnly occurredOn, string? details = null)
    {
        var e = new PopulationEvent
        {
            Kind = kind,
            ResidentId = resident.Id,
            Resident = resident.Id == 0 ? resident : null,
            HouseholdId = resident.HouseholdId,
            RtUnitId = resident.RtUnitId,
            OccurredOn = occurredOn,
            RecordedAt = At,
            Details = details,
            ApplicationId = Application.Id,
        };
        Db.PopulationEvents.Add(e);
        return e;
    }
}

/// <summary>
/// The register change of one service (birth adds a resident, death marks one deceased, ...). Runs inside the
/// approval's transaction: if it throws, nothing of the approval is saved.
/// </summary>
public interface IRegisterEffect
{
    /// <summary>The catalogue code of the service whose approvals this effect applies.</summary>
    string ServiceCode { get; }

    Task ApplyAsync(RegisterEffectContext context, CancellationToken ct);
}

/// <summary>The approval step that applies the approved service's register effect, if it has one.</summary>
public sealed class RegisterEffectsStep(IEnumerable<IRegisterEffect> effects) : IApprovalStep
{
    private readonly Dictionary<string, IRegisterEffect> byService = BuildIndex(effects);

    public async Task HandOverAsync(ApprovalHandover handover, CancellationToken ct)
    {
        var application = handover.Application;
        if (!byService.TryGetValue(application.ServiceCode, out var effect))
        {
            return;
        }

        var service = ServiceCatalog.Default.Find(application.ServiceCode)
            ?? throw new InvalidOperationException($"Service '{application.ServiceCode}' is not in the catalogue.");
        var form = JsonSerializer.Deserialize<Dictionary<string, string?>>(application.FormJson) ?? [];
        var office = await handover.Db.Offices.FindAsync([application.OfficeId], ct)
            ?? throw new InvalidOperationException($"Office {application.OfficeId} is missing.");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(handover.At, TimeZoneInfo.FindSystemTimeZoneById(office.TimeZoneId)).DateTime);
        await effect.ApplyAsync(new RegisterEffectContext(handover.Db, application, service, form, handover.Operator, handover.At, today), ct);
    }

    private static Dictionary<string, IRegisterEffect> BuildIndex(IEnumerable<IRegisterEffect> effects)
    {
        var index = new Dictionary<string, IRegisterEffect>(StringComparer.Ordinal);
        foreach (var e in effects)
        {
            if (!index.TryAdd(e.ServiceCode, e))
            {
                throw new InvalidOperationException($"Two register effects for service '{e.ServiceCode}'.");
            }
        }

        return index;
    }
}
