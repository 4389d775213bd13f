using System.Globalization;
using System.Text.Json;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NikNumber = Adminduk.Domain.Numbers.Nik;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>One side of a review pair, ready to show (NIK and KK masked).</summary>
public sealed record PairSide(string Title, string? Name, string? Nik, string? Kk, string? BirthDate, string? Sex, string? Address, string? Region, string? Status);

public sealed record PairField(string Field, string Outcome, double Similarity);

public sealed record PairListItem(VerificationPair Pair, string RowLabel, string? RowName, string OtherLabel, string? OtherName);

/// <summary>
/// Pairs scored between the review and the sure threshold: two rows, or a row and a register resident, side by side
/// with what matched; staff mark duplicate / not duplicate with a reason. Decisions are audited and carried over to
/// later runs that meet the same pair.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ReviewModel(AdmindukDbContext db, ReviewService reviews) : PageModel
{
    public const int PageSize = 50;

    public VerificationRun? Run { get; private set; }

    public VerificationPair? Pair { get; private set; }

    public PairSide? Left { get; private set; }

    public PairSide? Right { get; private set; }

    public IReadOnlyList<PairField> PairFields { get; private set; } = [];

    public IReadOnlyList<StoredFinding> LeftFindings { get; private set; } = [];

    public VerificationDecision? Decision { get; private set; }

    public IReadOnlyList<PairListItem> Pairs { get; private set; } = [];

    public int PairCount { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public PairDecisionKind? Choice { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? Error { get; private set; }

    public bool MayChange => Pair is not null && (Pair.Decision is null || Pair.DecisionReused || ListVerificationPages.Oversees(User));

    public async Task<IActionResult> OnGetAsync(int id, int? pair, CancellationToken ct)
    {
        if (!await LoadRunAsync(id, ct))
        {
            return NotFound();
        }

        if (pair is null)
        {
            await LoadListAsync(id, ct);
            return Page();
        }

        return await LoadPairAsync(id, pair.Value, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? pair, CancellationToken ct)
    {
        if (!await LoadRunAsync(id, ct) || pair is null)
        {
            return NotFound();
        }

        if (Choice is null)
        {
            Error = "Review.ChooseDecision";
        }
        else
        {
            var outcome = await reviews.DecideAsync(id, pair.Value, Choice.Value, Reason, AuditLog.ActorOf(User), ListVerificationPages.Oversees(User), ct);
            switch (outcome)
            {
                case DecisionOutcome.NotFound:
                    return NotFound();
                case DecisionOutcome.ReasonRequired:
                    Error = "Review.ReasonRequired";
                    break;
                case DecisionOutcome.AlreadyDecided:
                    Error = "Review.AlreadyDecided";
                    break;
                default:
                    var next = await db.Set<VerificationPair>().Where(p => p.RunId == id && p.Decision == null)
                        .OrderBy(p => p.Index).Select(p => (int?)p.Index).FirstOrDefaultAsync(ct);
                    TempData["ListVerification.Saved"] = true;
                    return next is null
                        ? RedirectToPage("/ListVerification/Review", new { id, pair = (int?)null })
                        : RedirectToPage("/ListVerification/Review", new { id, pair = next });
            }
        }

        return await LoadPairAsync(id, pair.Value, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadRunAsync(int id, CancellationToken ct)
    {
        Run = await ListVerificationPages.Visible(db.VerificationRuns.AsNoTracking(), User)
            .SingleOrDefaultAsync(r => r.Id == id && r.Status == VerificationRunStatus.Completed, ct);
        return Run is not null;
    }

    private async Task LoadListAsync(int id, CancellationToken ct)
    {
        PairCount = await db.Set<VerificationPair>().CountAsync(p => p.RunId == id, ct);
        PageNumber = Math.Max(1, PageNumber);
        var page = await db.Set<VerificationPair>().AsNoTracking().Where(p => p.RunId == id)
            .OrderBy(p => p.Decision != null).ThenBy(p => p.Index)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var indexes = page.SelectMany(p => VerificationEngine.Sides(p).Select(s => s.Row)).Distinct().ToList();
        var rows = await db.Set<VerificationRow>().AsNoTracking().Where(r => r.RunId == id && indexes.Contains(r.Index))
            .Select(r => new { r.Index, r.ListNumber, r.Line, r.Name }).ToDictionaryAsync(r => r.Index, ct);
        var residentIds = page.Where(p => p.ResidentId != null).Select(p => p.ResidentId!.Value).ToList();
        var residents = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Nik, r.FullName }).ToDictionaryAsync(r => r.Id, ct);
        Pairs = [.. page.Select(p =>
        {
            var a = rows[p.RowIndex];
            (string Label, string? Name) other = p.OtherRowIndex is { } o
                ? (VerificationEngine.RowLabel(rows[o].ListNumber, rows[o].Line), rows[o].Name)
                : residents.TryGetValue(p.ResidentId!.Value, out var r) ? ("NIK " + NikNumber.Mask(r.Nik), r.FullName) : ("", null);
            return new PairListItem(p, VerificationEngine.RowLabel(a.ListNumber, a.Line), a.Name, other.Label, other.Name);
        })];
    }

    private async Task<bool> LoadPairAsync(int id, int index, CancellationToken ct)
    {
        Pair = await db.Set<VerificationPair>().AsNoTracking().SingleOrDefaultAsync(p => p.RunId == id && p.Index == index, ct);
        if (Pair is null)
        {
            return false;
        }

        var lists = await db.Set<VerificationList>().AsNoTracking().Where(l => l.RunId == id).ToDictionaryAsync(l => l.Number, l => l.Name, ct);
        var row = await db.Set<VerificationRow>().AsNoTracking().SingleAsync(r => r.RunId == id && r.Index == Pair.RowIndex, ct);
        Left = Side(row, lists);
        LeftFindings = await reviews.EffectiveFindingsAsync(row, ct);
        if (Pair.OtherRowIndex is { } other)
        {
            Right = Side(await db.Set<VerificationRow>().AsNoTracking().SingleAsync(r => r.RunId == id && r.Index == other, ct), lists);
        }
        else
        {
            var resident = await db.Residents.AsNoTracking().Include(r => r.Household).Include(r => r.RtUnit)
                .SingleOrDefaultAsync(r => r.Id == Pair.ResidentId, ct);
            Right = resident is null
                ? new PairSide("", null, null, null, null, null, null, null, null)
                : new PairSide(
                    "register",
                    resident.FullName,
                    NikNumber.Mask(resident.Nik),
                    resident.Household is null ? null : NikNumber.Mask(resident.Household.KkNumber),
                    resident.BirthDate.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
                    resident.Sex.ToString(),
                    resident.Household is null ? null : resident.RtUnit is null ? resident.Household.Address
                        : string.Create(CultureInfo.InvariantCulture, $"{resident.Household.Address} RT {resident.RtUnit.Rt:000} RW {resident.RtUnit.Rw:000}"),
                    resident.RtUnit?.VillageCode,
                    resident.Status.ToString());
        }

        PairFields = JsonSerializer.Deserialize<List<PairField>>(Pair.FieldsJson) ?? [];
        if (Pair.DecisionId is { } decisionId)
        {
            Decision = await db.Set<VerificationDecision>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId, ct);
        }

        return true;
    }

    private static PairSide Side(VerificationRow row, Dictionary<int, string> lists) => new(
        VerificationEngine.RowLabel(row.ListNumber, row.Line) + " " + lists.GetValueOrDefault(row.ListNumber, ""),
        row.Name,
        row.Nik is null ? null : NikNumber.Mask(row.Nik),
        row.KkNumber is null ? null : NikNumber.Mask(row.KkNumber),
        row.BirthDate?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        ListValues.Sex(row.Sex)?.ToString() ?? row.Sex,
        row.Address,
        row.Region,
        null);
}
