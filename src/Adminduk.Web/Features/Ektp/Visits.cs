using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;

namespace Adminduk.Web.Features.Ektp;

/// <summary>Which in-person visits an application needs, and at which desk each is made.</summary>
public static class Visits
{
    /// <summary>Services whose approval yields an e-KTP card to print (besides any service that needs a recording).</summary>
    public static readonly IReadOnlySet<string> CardServices = new HashSet<string>(StringComparer.Ordinal) { "ktp-baru", "ktp-penggantian" };

    /// <summary>The legalisir form's answer that the document was issued electronically (no paper original to bring).</summary>
    public const string ElectronicField = "issuedElectronically";

    public static DeskKind DeskFor(VisitKind kind) => kind == VisitKind.Recording ? DeskKind.Recording : DeskKind.Counter;

    public static bool YieldsCard(ServiceDefinition service) =>
        CardServices.Contains(service.Code) || service.InPersonStep == InPersonStep.Recording;

    /// <summary>The visits an application needs while it is still open (not a draft, not finished).</summary>
    public static IReadOnlyList<VisitKind> Needed(ServiceDefinition service, Application application, IReadOnlyDictionary<string, string?> form)
    {
        if (application.Status is ApplicationStatus.Draft or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn or ApplicationStatus.Completed)
        {
            return [];
        }

        var visits = new List<VisitKind>();
        if (service.InPersonStep == InPersonStep.Recording)
        {
            visits.Add(VisitKind.Recording);
        }

        // A document issued electronically is checked online; only a paper original has to be seen.
        if (service.InPersonStep == InPersonStep.BringOriginal
            && !string.Equals(form.GetValueOrDefault(ElectronicField)?.Trim(), "ya", StringComparison.OrdinalIgnoreCase))
        {
            visits.Add(VisitKind.BringOriginal);
        }

        if (application.NeedsIdentityConfirmation)
        {
            visits.Add(VisitKind.IdentityConfirmation);
        }

        return visits;
    }
}
