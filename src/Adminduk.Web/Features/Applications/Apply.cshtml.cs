using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Applications;

/// <summary>The application form of one service: resume a draft, save a draft, submit. Works without JavaScript.</summary>
[Authorize(Policy = Policies.Citizen)]
[RequestSizeLimit(ApplicationPages.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ApplicationPages.RequestLimit)]
public sealed class ApplyModel(AdmindukDbContext db, ApplicationSubmission submission) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ServiceDefinition Service { get; private set; } = null!;

    public ServiceSetting? Setting { get; private set; }

    public Dictionary<string, string?> Values { get; private set; } = [];

    public IReadOnlyList<ApplicationAttachment> Attached { get; private set; } = [];

    public IReadOnlyList<ValidationIssue> Warnings { get; private set; } = [];

    public bool NotLinked { get; private set; }

    public bool DraftSaved { get; private set; }

    public bool Failed { get; private set; }

    /// <summary>Sent back with the form: a repeat post of the same form gives the same application (idempotency key).</summary>
    [BindProperty]
    public string FormToken { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        FormToken = Guid.NewGuid().ToString("N");
        DraftSaved = saved;
        return Page();
    }

    /// <summary>A post without a handler name (Enter pressed in a field) submits.</summary>
    public Task<IActionResult> OnPostAsync(string code, CancellationToken ct) => OnPostSubmitAsync(code, ct);

    public async Task<IActionResult> OnPostSubmitAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var request = await RequestAsync(ct);
        var applicant = await ApplicationApi.ApplicantFor(User, db, ct);
        var result = await submission.SubmitAsync(request, applicant, ct);
        if (result.Succeeded)
        {
            return RedirectToPage("/Applications/Detail", new { receipt = result.Application!.ReceiptNumber, created = true });
        }

        // Keep what was typed and every acceptable file, so nothing has to be entered twice.
        await submission.SaveDraftAsync(request, applicant, ct);
        await LoadAsync(code, ct);
        Values = new Dictionary<string, string?>(request.Values, StringComparer.Ordinal);
        ApplicationPages.AddErrors(ModelState, result.Report);
        Warnings = [.. result.Report.Warnings];
        Failed = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }

        var applicant = await ApplicationApi.ApplicantFor(User, db, ct);
        await submission.SaveDraftAsync(await RequestAsync(ct), applicant, ct);
        return RedirectToPage(new { code, saved = true });
    }

    private async Task<SubmissionRequest> RequestAsync(CancellationToken ct)
    {
        var form = await Request.ReadFormAsync(ct);
        return new SubmissionRequest(Service.Code, ApplicationPages.Values(Service, form), await ApplicationPages.FilesAsync(form, ct), FormToken);
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        if (ServiceCatalog.Default.Find(code) is not { } service)
        {
            return false;
        }

        Service = service;
        var userId = ApplicationApi.UserId(User);
        var applicant = await ApplicationApi.ApplicantFor(User, db, ct);
        var office = await submission.OfficeForAsync(null, applicant, Values, ct);
        Setting = office is null ? null : await db.ServiceSettings.AsNoTracking().FirstOrDefaultAsync(s => s.OfficeId == office.Id && s.ServiceCode == code, ct);
        var draft = await db.Applications.AsNoTracking().Include(a => a.Attachments)
            .FirstOrDefaultAsync(a => a.ApplicantUserId == userId && a.ServiceCode == code && a.Status == ApplicationStatus.Draft, ct);
        Values = draft is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string?>>(draft.FormJson, Json) ?? [];
        Attached = draft?.Attachments ?? [];
        Service = ApplicationSubmission.EffectiveService(service, applicant);
        NotLinked = service.Eligibility == Eligibility.RegisteredResident && applicant.ResidentId is null;
        return true;
    }
}
