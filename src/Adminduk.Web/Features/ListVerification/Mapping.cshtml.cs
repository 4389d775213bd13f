using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>
/// The mapping step: which column of each list holds which field (found from the headers, changeable here), the list's
/// name and whether its aid is paid per family; then the run is queued for the worker.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class MappingModel(AdmindukDbContext db, AuditLog audit, VerificationWorker worker) : PageModel
{
    public VerificationRun? Run { get; private set; }

    public IReadOnlyList<VerificationList> Lists { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public static IReadOnlyList<ListField> Fields { get; } = Enum.GetValues<ListField>();

    public static string MapName(VerificationList list, ListField field) => string.Create(CultureInfo.InvariantCulture, $"map-{list.Number}-{field}");

    public static string NameName(VerificationList list) => string.Create(CultureInfo.InvariantCulture, $"name-{list.Number}");

    public static string FamilyName(VerificationList list) => string.Create(CultureInfo.InvariantCulture, $"family-{list.Number}");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Run!.Status == VerificationRunStatus.Draft ? Page() : RedirectToPage("/ListVerification/Run", new { id });
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct, tracked: true))
        {
            return NotFound();
        }

        if (Run!.Status != VerificationRunStatus.Draft)
        {
            return RedirectToPage("/ListVerification/Run", new { id });
        }

        foreach (var list in Lists)
        {
            var headers = ListUploads.Headers(list);
            var columns = new Dictionary<ListField, string>();
            foreach (var field in Fields)
            {
                var chosen = Request.Form[MapName(list, field)].ToString();
                if (!string.IsNullOrEmpty(chosen) && headers.Contains(chosen, StringComparer.Ordinal))
                {
                    columns[field] = chosen;
                }
            }

            var mapping = new ColumnMapping(columns);
            list.MappingJson = mapping.ToJson();
            var name = Request.Form[NameName(list)].ToString().Trim();
            list.Name = name.Length == 0 ? list.Name : name[..Math.Min(200, name.Length)];
            list.PaidPerFamily = Request.Form[FamilyName(list)].Contains("true");
            if (!mapping.IsComplete)
            {
                Errors.Add(list.FileName);
            }
        }

        if (Errors.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            return Page();
        }

        Run.Status = VerificationRunStatus.Queued;
        Run.Phase = VerificationPhase.Waiting;
        audit.Add("list-verification.queue", "VerificationRun", id.ToString(CultureInfo.InvariantCulture),
            string.Join("; ", Lists.Select(l => $"{l.Number} {l.Name}: {l.MappingJson}{(l.PaidPerFamily ? " per-family" : "")}")));
        await db.SaveChangesAsync(ct);
        worker.Signal();
        return RedirectToPage("/ListVerification/Run", new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct, bool tracked = false)
    {
        var runs = ListVerificationPages.Visible(db.VerificationRuns, User);
        Run = await (tracked ? runs : runs.AsNoTracking()).Include(r => r.Lists).SingleOrDefaultAsync(r => r.Id == id, ct);
        Lists = Run?.Lists.OrderBy(l => l.Number).ToList() ?? [];
        return Run is not null;
    }
}
