using System.Globalization;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Regions;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.BackOffice.Assisted;

/// <summary>Assisted entry for a walk-in (in-person exception): pick the service, fill in the catalogue's form, attach scans.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AdmindukDbContext db, AssistedEntry entry) : PageModel
{
    public const string FilePrefix = "file-";

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public string? ApplicantBirthDate { get; set; }

    [BindProperty]
    public string IdempotencyKey { get; set; } = "";

    public Office? CurrentOffice { get; private set; }

    public ServiceDefinition? Definition { get; private set; }

    public bool MayEnter { get; private set; }

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IDictionary<string, string[]> Warnings { get; private set; } = new Dictionary<string, string[]>();

    public string? Receipt { get; private set; }

    public string? BatchDay { get; private set; }

    public static IReadOnlyList<ServiceDefinition> Services => ServiceCatalog.Default.Services;

    /// <summary>Kelurahan of the office's city, for the Kelurahan field.</summary>
    public IReadOnlyList<Region> Villages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Receipt = TempData["Assisted.Receipt"] as string;
        BatchDay = TempData["Assisted.BatchDay"] as string;
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var who = await StaffMember.ForAsync(User, db, ct);
        if (!MayEnter || Definition is null || who is null || string.IsNullOrEmpty(IdempotencyKey) || IdempotencyKey.Length > 100)
        {
            return Page();
        }

        var files = new List<AssistedFile>();
        foreach (var file in Request.Form.Files.Where(f => f.Name.StartsWith(FilePrefix, StringComparison.Ordinal) && f.Length > 0))
        {
            // Files over the limit are not read: their size alone gets them refused.
            var content = file.Length <= AttachmentRules.MaxFileBytes ? await ReadAsync(file, ct) : await HeadAsync(file, ct);
            files.Add(new AssistedFile(file.Name[FilePrefix.Length..], file.FileName, content, file.Length));
        }

        var values = Values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var result = await entry.SubmitAsync(who, CurrentOffice!, new AssistedRequest(Definition.Code, values, files, ApplicantBirthDate, IdempotencyKey), ct);
        if (result.Application is not { } application)
        {
            Errors = result.Report.ToDictionary(Severity.Error, CultureInfo.CurrentUICulture);
            Warnings = result.Report.ToDictionary(Severity.Warning, CultureInfo.CurrentUICulture);
            return Page();
        }

        TempData["Assisted.Receipt"] = application.ReceiptNumber;
        TempData["Assisted.BatchDay"] = application.BatchDay?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        return RedirectToPage(new { office = Request.Query["office"].ToString() is { Length: > 0 } o ? o : null });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Request.Query["office"], ct);
        if (CurrentOffice is null)
        {
            return false;
        }

        ViewData["OfficeCode"] = who!.OfficeId is null ? CurrentOffice.Code : null;
        // Entry is done by the office's own staff; an administrator looking in from outside only sees the page.
        MayEnter = CurrentOffice.WalkInPolicy == WalkInPolicy.Serve && who.OfficeId == CurrentOffice.Id;
        Definition = string.IsNullOrEmpty(Service) ? null : ServiceCatalog.Default.Find(Service);
        Villages = [.. RegionCatalog.Default.ChildrenOf(CurrentOffice.RegencyCode).SelectMany(d => RegionCatalog.Default.ChildrenOf(d.Code))];
        return true;
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static async Task<byte[]> HeadAsync(IFormFile file, CancellationToken ct)
    {
        var head = new byte[AttachmentRules.SniffLength];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return head[..read];
    }
}
