using System.Globalization;
using System.Text.Json;
using Adminduk.Domain.Matching.Verification;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.ListVerification;

public sealed record RowView(VerificationRow Row, string Label, IReadOnlyList<StoredFinding> Findings);

/// <summary>
/// One run: progress while it works (the page refreshes itself, no script), then the summary counts, the rows with
/// their reasons (filtered by status, paged), the way to the review pairs and the report downloads.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RunModel(AdmindukDbContext db, ReviewService reviews, AuditLog audit) : PageModel
{
    public const int PageSize = 50;

    public VerificationRun? Run { get; private set; }

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public int PairsOpen { get; private set; }

    public int PairsTotal { get; private set; }

    public IReadOnlyList<RowView> Rows { get; private set; } = [];

    public int RowsMatching { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool Working => Run?.Status is VerificationRunStatus.Queued or VerificationRunStatus.Running;

    public int Percent => Run is { ProgressTotal: > 0 } r ? (int)Math.Clamp(r.ProgressDone * 100 / r.ProgressTotal, 0, 100) : 0;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Run = await ListVerificationPages.Visible(db.VerificationRuns.AsNoTracking(), User).Include(r => r.Lists).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (Run is null)
        {
            return NotFound();
        }

        if (Run.Status == VerificationRunStatus.Draft)
        {
            return RedirectToPage("/ListVerification/Mapping", new { id });
        }

        if (Run.Status != VerificationRunStatus.Completed)
        {
            return Page();
        }

        Counts = Run.CountsJson is null ? new Dictionary<string, int>() : JsonSerializer.Deserialize<Dictionary<string, int>>(Run.CountsJson) ?? [];
        PairsTotal = await db.Set<VerificationPair>().CountAsync(p => p.RunId == id, ct);
        PairsOpen = await db.Set<VerificationPair>().CountAsync(p => p.RunId == id && p.Decision == null, ct);

        var rows = db.Set<VerificationRow>().AsNoTracking().Where(r => r.RunId == id);
        if (Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        RowsMatching = Status is null ? Run.RowCount : await rows.CountAsync(ct);
        PageNumber = Math.Max(1, PageNumber);
        var page = await rows.OrderByDescending(r => r.Status).ThenBy(r => r.Index).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var views = new List<RowView>(page.Count);
        foreach (var row in page)
        {
            views.Add(new RowView(row, VerificationEngine.RowLabel(row.ListNumber, row.Line), await reviews.EffectiveFindingsAsync(row, ct)));
        }

        Rows = views;
        return Page();
    }

    /// <summary>The report as CSV or XLSX, in the reader's language.</summary>
    public async Task<IActionResult> OnGetReportAsync(int id, string? format, CancellationToken ct)
    {
        var run = await ListVerificationPages.Visible(db.VerificationRuns.AsNoTracking(), User).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || run.Status != VerificationRunStatus.Completed)
        {
            return NotFound();
        }

        var kind = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? ListFormat.Xlsx : ListFormat.Csv;
        var path = Path.GetTempFileName();
        var culture = CultureInfo.CurrentUICulture;
        await ReportWriter.WriteAsync(db, id, kind, path, culture, ReportWriter.HeadersFor(culture), ReportWriter.StatusNamesFor(culture), ct);
        await audit.WriteAsync("list-verification.report", "VerificationRun", id.ToString(CultureInfo.InvariantCulture), kind.ToString(), cancellationToken: ct);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return File(stream, ReportWriter.ContentType(kind), ReportWriter.FileName(id, kind));
    }

    /// <summary>The message of a code in the reader's language (the verdict code's own message where it has no arguments).</summary>
    public static string CodeTitle(IStringLocalizer text, string code)
    {
        var key = "Code." + code;
        var found = text[key];
        return found.ResourceNotFound ? code : found.Value;
    }

    public static bool IsProblemCode(string code) => code != VerdictCodes.Valid && !VerdictCodes.IsReview(code);
}
