using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>Runs so far and the upload of one or more lists (CSV or XLSX) for a new run.</summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class IndexModel(AdmindukDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public const long UploadLimit = 512L * 1024 * 1024;

    public IReadOnlyList<VerificationRun> Runs { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var files = Files.Where(f => f.Length > 0).ToList();
        if (files.Count == 0)
        {
            Errors.Add("Upload.NoFiles");
        }
        else if (files.Any(f => !f.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !f.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
        {
            Errors.Add("Upload.WrongType");
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        var actor = AuditLog.ActorOf(User);
        var run = new VerificationRun
        {
            Title = Clip(string.IsNullOrWhiteSpace(Title) ? string.Join(", ", files.Select(f => Path.GetFileNameWithoutExtension(f.FileName))) : Title.Trim(), 200),
            Status = VerificationRunStatus.Draft,
            CreatedById = actor.Id,
            CreatedByName = actor.Name,
            CreatedAt = time.GetUtcNow(),
        };
        db.VerificationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var number = 0;
        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            var list = await ListUploads.AddAsync(db, run, ++number, file.FileName, stream, ct);
            if (list is null)
            {
                await db.VerificationRuns.Where(r => r.Id == run.Id).ExecuteDeleteAsync(ct);
                Errors.Add("Upload.Unreadable");
                await LoadAsync(ct);
                return Page();
            }
        }

        await audit.WriteAsync("list-verification.upload", "VerificationRun", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join(", ", files.Select(f => $"{f.FileName} ({f.Length} B)")), cancellationToken: ct);
        return RedirectToPage("/ListVerification/Mapping", new { id = run.Id });
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    private async Task LoadAsync(CancellationToken ct) =>
        Runs = await ListVerificationPages.Visible(db.VerificationRuns.AsNoTracking(), User)
            .OrderByDescending(r => r.Id).Take(50).ToListAsync(ct);
}
