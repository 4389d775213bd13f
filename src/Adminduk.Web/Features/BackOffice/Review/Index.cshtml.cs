using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.BackOffice.Review;

/// <summary>
/// The decision page. It takes no application id: it shows the caller's current claim, which only take-next gives.
/// Every post names the application and the version the operator saw and is refused unless that is still the
/// caller's claim, so a stale or forged form cannot act on anything else.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AdmindukDbContext db, ClaimQueue queue, DecisionService decisions, AuditLog audit) : PageModel
{
    /// <summary>Standard correction reasons; the text stored is the Indonesian one (BackOffice.Reason.{code}).</summary>
    public static readonly IReadOnlyList<string> StandardReasons = ["mismatch-register", "illegible", "incomplete", "wrong-document", "wrong-format"];

    [BindProperty]
    public long ApplicationId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public IdentityVerdict Identity { get; set; }

    [BindProperty]
    public string? RejectReason { get; set; }

    /// <summary>Ticked standard reasons as "field|code".</summary>
    [BindProperty]
    public List<string> Reasons { get; set; } = [];

    /// <summary>Written reasons per field.</summary>
    [BindProperty]
    public Dictionary<string, string?> OtherReasons { get; set; } = [];

    public Dossier? Dossier { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public static string ReasonValue(string field, string code) => $"{field}|{code}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        if (who is null)
        {
            return Challenge();
        }

        var claim = await queue.CurrentClaimAsync(who, ct);
        if (claim is null)
        {
            TempData[BackOffice.IndexModel.MessageKey] = "BackOffice.NoClaim";
            return RedirectToPage("/BackOffice/Index");
        }

        await ShowAsync(claim, ct);
        return Page();
    }

    /// <summary>A post without a handler name (nothing this page's forms send) goes back to the page.</summary>
    public IActionResult OnPost() => RedirectToPage();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => DecideAsync(DecisionKind.Approve, ct);

    public Task<IActionResult> OnPostSendBackAsync(CancellationToken ct) => DecideAsync(DecisionKind.SendBack, ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => DecideAsync(DecisionKind.Reject, ct);

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        if (who is null)
        {
            return Challenge();
        }

        TempData[BackOffice.IndexModel.MessageKey] = await queue.ReleaseAsync(who, ApplicationId, ct)
            ? "BackOffice.Released"
            : "BackOffice.NotYourClaim";
        return RedirectToPage("/BackOffice/Index");
    }

    private async Task<IActionResult> DecideAsync(DecisionKind kind, CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        if (who is null)
        {
            return Challenge();
        }

        var request = new DecisionRequest(ApplicationId, Version, kind, Identity, RejectReason, kind == DecisionKind.SendBack ? Corrections() : null);
        var result = await decisions.DecideAsync(who, request, ct);
        switch (result.Outcome)
        {
            case DecisionOutcome.Done:
                TempData[BackOffice.IndexModel.MessageKey] = "BackOffice.Decided." + kind;
                return RedirectToPage("/BackOffice/Index");
            case DecisionOutcome.Invalid when await queue.CurrentClaimAsync(who, ct) is { } claim:
                Errors = result.Errors;
                await ShowAsync(claim, ct);
                return Page();
            case DecisionOutcome.Changed:
                TempData[BackOffice.IndexModel.MessageKey] = "BackOffice.Changed";
                return RedirectToPage();
            default:
                TempData[BackOffice.IndexModel.MessageKey] = "BackOffice.NotYourClaim";
                return RedirectToPage("/BackOffice/Index");
        }
    }

    private Dictionary<string, IReadOnlyList<string>> Corrections()
    {
        var corrections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var value in Reasons)
        {
            var parts = value.Split('|', 2);
            if (parts.Length == 2 && StandardReasons.Contains(parts[1]))
            {
                Add(parts[0], StoredText.Get("BackOffice.Reason." + parts[1]));
            }
        }

        foreach (var (field, text) in OtherReasons)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                Add(field, text.Trim());
            }
        }

        return corrections.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value, StringComparer.Ordinal);

        void Add(string field, string reason)
        {
            if (!corrections.TryGetValue(field, out var list))
            {
                corrections[field] = list = [];
            }

            list.Add(reason);
        }
    }

    private async Task ShowAsync(Application claim, CancellationToken ct)
    {
        Dossier = await Dossier.LoadAsync(db, claim, ct);
        ApplicationId = claim.Id;
        Version = claim.Version;
        // Viewing the register data and the form is itself recorded.
        await audit.WriteAsync("application.view", "application", ClaimQueue.Id(claim), Dossier.AuditDetails, cancellationToken: ct);
    }
}
