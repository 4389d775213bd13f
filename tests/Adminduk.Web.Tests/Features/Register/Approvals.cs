using System.Text.Json;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Tests.Infrastructure;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.Register;

/// <summary>Register changes the way they happen for real: a queued application, taken by an operator and approved.</summary>
internal static class Approvals
{
    public static string Json(IReadOnlyDictionary<string, string?> form) => JsonSerializer.Serialize(form);

    /// <summary>Queues the application and has <paramref name="operator"/> take it (the oldest in the queue).</summary>
    public static async Task<Application> ClaimAsync(AppFactory app, Office office, StaffMember @operator, string service, IReadOnlyDictionary<string, string?> form)
    {
        await app.QueueAsync(office, app.Time.GetUtcNow().AddMinutes(-30), service, formJson: Json(form));
        var taken = await app.TakeNextAsync(@operator);
        return taken.Application.ShouldNotBeNull();
    }

    public static Task<DecisionResult> ApproveAsync(AppFactory app, StaffMember @operator, Application claim) =>
        app.DecideAsync(@operator, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve));

    /// <summary>Queues, claims and approves; the approval must go through.</summary>
    public static async Task<Application> ApprovedAsync(AppFactory app, Office office, StaffMember @operator, string service, IReadOnlyDictionary<string, string?> form)
    {
        var claim = await ClaimAsync(app, office, @operator, service, form);
        (await ApproveAsync(app, @operator, claim)).Outcome.ShouldBe(DecisionOutcome.Done);
        return claim;
    }
}
