using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Applications;

/// <summary>One of the citizen's applications: status, expected day, history, and the correction form when sent back.</summary>
[Authorize(Policy = Policies.Citizen)]
[RequestSizeLimit(ApplicationPages.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ApplicationPages.RequestLimit)]
public sealed class DetailModel(AdmindukDbContext db, ApplicationQueries queries, ApplicationSubmission submission) : PageModel
{
    public ApplicationView View { get; private set; } = null!;

    public ServiceDefinition? Service { get; private set; }

    public bool Created { get; private set; }

    public bool Resubmitted { get; private set; }

    public Dictionary<string, string?> Values { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string receipt, bool created, bool resubmitted, CancellationToken ct)
    {
        if (!await LoadAsync(receipt, ct))
        {
            return NotFound();
        }

        Created = created;
        Resubmitted = resubmitted;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string receipt, CancellationToken ct)
    {
        if (!await LoadAsync(receipt, ct) || Service is null)
        {
            return NotFound();
        }

        var form = await Request.ReadFormAsync(ct);
        var corrected = ApplicationPages.Values(Service, form, View.Corrections.Keys);
        var files = await ApplicationPages.FilesAsync(form, ct);
        var applicant = await ApplicationApi.ApplicantFor(User, db, ct);
        var result = await submission.ResubmitAsync(View.Receipt, corrected, files, applicant, ct);
        if (result.Report.IsValid)
        {
            return RedirectToPage(new { receipt = View.Receipt, resubmitted = true });
        }

        await LoadAsync(receipt, ct);
        foreach (var (k, v) in corrected)
        {
            Values[k] = v;
        }

        ApplicationPages.AddErrors(ModelState, result.Report);
        return Page();
    }

    public string Label(string field)
    {
        if (field.StartsWith(FormValidator.AttachmentsField + ".", StringComparison.Ordinal))
        {
            var code = field[(FormValidator.AttachmentsField.Length + 1)..];
            return Service?.Attachments.FirstOrDefault(a => a.Code == code) is { } a ? ApplicationPages.Text(a.Title) : code;
        }

        return Service?.Field(field) is { } f ? ApplicationPages.Text(f.Label) : field;
    }

    private async Task<bool> LoadAsync(string receipt, CancellationToken ct)
    {
        if (ReceiptNumber.Normalize(receipt) is not { } normalized
            || await queries.ForApplicantAsync(normalized, ApplicationApi.UserId(User), ct) is not { } view)
        {
            return false;
        }

        View = view;
        Service = ServiceCatalog.Default.Find(view.ServiceCode);
        Values = view.Form.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);
        return true;
    }
}
