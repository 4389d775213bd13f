using System.Globalization;
using System.Text.Json;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using NikNumber = Adminduk.Domain.Numbers.Nik;

namespace Adminduk.Web.Features.ListVerification;

public enum DecisionOutcome
{
    Saved,
    NotFound,
    ReasonRequired,

    /// <summary>Someone already decided; only a supervisor may change it.</summary>
    AlreadyDecided,
}

/// <summary>
/// Staff decisions on review pairs: stored for reuse on later runs (by pair key), audited, and applied to the two rows'
/// verdicts and the run's counts at once.
/// </summary>
public sealed class ReviewService(AdmindukDbContext db, AuditLog audit, TimeProvider time)
{
    public const int MaxReason = 500;

    public async Task<DecisionOutcome> DecideAsync(int runId, int pairIndex, PairDecisionKind decision, string? reason, AuditActor actor, bool mayOverride, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return DecisionOutcome.ReasonRequired;
        }

        if (reason.Length > MaxReason)
        {
            reason = reason[..MaxReason];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var pair = await db.Set<VerificationPair>().SingleOrDefaultAsync(p => p.RunId == runId && p.Index == pairIndex, ct);
        if (pair is null)
        {
            return DecisionOutcome.NotFound;
        }

        if (pair.Decision is not null && !pair.DecisionReused && !mayOverride)
        {
            return DecisionOutcome.AlreadyDecided;
        }

        var entry = new VerificationDecision
        {
            PairKey = pair.PairKey,
            Decision = decision,
            Reason = reason,
            DecidedById = actor.Id,
            DecidedByName = actor.Name,
            DecidedAt = time.GetUtcNow(),
            RunId = runId,
            PairIndex = pairIndex,
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        pair.Decision = decision;
        pair.DecisionReused = false;
        pair.DecisionId = entry.Id;
        audit.Add(
            "list-verification.decide",
            "VerificationPair",
            string.Create(CultureInfo.InvariantCulture, $"{runId}/{pairIndex}"),
            JsonSerializer.Serialize(new { decision = decision.ToString(), reason, pair.RowIndex, pair.OtherRowIndex, pair.ResidentId }),
            actor);
        await db.SaveChangesAsync(ct);

        var counts = await db.VerificationRuns.Where(r => r.Id == runId).Select(r => r.CountsJson).SingleAsync(ct);
        var byCode = counts is null ? [] : JsonSerializer.Deserialize<Dictionary<string, int>>(counts) ?? [];
        foreach (var (row, _) in VerificationEngine.Sides(pair))
        {
            await RefreshRowAsync(runId, row, byCode, ct);
        }

        await db.SaveChangesAsync(ct);
        var byStatus = await db.Set<VerificationRow>().Where(r => r.RunId == runId).GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(int status) => byStatus.FirstOrDefault(s => s.Status == status)?.Count ?? 0;
        var json = JsonSerializer.Serialize(byCode.Where(c => c.Value > 0).ToDictionary(), (JsonSerializerOptions?)null);
        await db.VerificationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.ValidCount, Count(0)).SetProperty(r => r.ReviewCount, Count(1)).SetProperty(r => r.ProblemCount, Count(2))
                .SetProperty(r => r.CountsJson, json),
            ct);
        await transaction.CommitAsync(ct);
        return DecisionOutcome.Saved;
    }

    /// <summary>The row's findings with the decisions on its pairs applied.</summary>
    public async Task<List<StoredFinding>> EffectiveFindingsAsync(VerificationRow row, CancellationToken ct) =>
        ReviewRules.Effective(ReviewRules.Deserialize(row.FindingsJson), await DecidedPairsAsync(row.RunId, row.Index, ct));

    private async Task RefreshRowAsync(int runId, int index, Dictionary<string, int> byCode, CancellationToken ct)
    {
        var row = await db.Set<VerificationRow>().SingleAsync(r => r.RunId == runId && r.Index == index, ct);
        var before = row.Codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var effective = await EffectiveFindingsAsync(row, ct);
        row.Status = (int)ReviewRules.StatusOf(effective);
        row.Codes = ReviewRules.CodesOf(effective);
        foreach (var code in before)
        {
            byCode[code] = byCode.GetValueOrDefault(code) - 1;
        }

        foreach (var code in row.Codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            byCode[code] = byCode.GetValueOrDefault(code) + 1;
        }
    }

    private async Task<List<DecidedPair>> DecidedPairsAsync(int runId, int index, CancellationToken ct)
    {
        var pairs = await db.Set<VerificationPair>().AsNoTracking()
            .Where(p => p.RunId == runId && p.Decision != null && (p.RowIndex == index || p.OtherRowIndex == index))
            .OrderBy(p => p.Index)
            .ToListAsync(ct);
        var decided = new List<DecidedPair>();
        foreach (var p in pairs)
        {
            var other = p.RowIndex == index ? p.OtherRowIndex : p.RowIndex;
            string? label = null;
            if (other is { } o)
            {
                var at = await db.Set<VerificationRow>().AsNoTracking().Where(r => r.RunId == runId && r.Index == o)
                    .Select(r => new { r.ListNumber, r.Line }).SingleAsync(ct);
                label = VerificationEngine.RowLabel(at.ListNumber, at.Line);
            }

            var nik = p.ResidentId is { } id ? await db.Residents.AsNoTracking().Where(r => r.Id == id).Select(r => r.Nik).SingleOrDefaultAsync(ct) : null;
            decided.Add(new DecidedPair(p.Decision!.Value, label, nik is null ? null : NikNumber.Mask(nik), p.ResidentStatus));
        }

        return decided;
    }

    /// <summary>All decided pairs of a run, by row (for the report: a few pairs, read once).</summary>
    public static async Task<Dictionary<int, List<DecidedPair>>> DecidedByRowAsync(AdmindukDbContext db, int runId, CancellationToken ct)
    {
        var pairs = await db.Set<VerificationPair>().AsNoTracking().Where(p => p.RunId == runId && p.Decision != null).OrderBy(p => p.Index).ToListAsync(ct);
        var rowIndexes = pairs.SelectMany(p => VerificationEngine.Sides(p).Select(s => s.Row)).Distinct().ToList();
        var labels = new Dictionary<int, string>();
        foreach (var chunk in rowIndexes.Chunk(500))
        {
            foreach (var r in await db.Set<VerificationRow>().AsNoTracking().Where(r => r.RunId == runId && chunk.Contains(r.Index))
                         .Select(r => new { r.Index, r.ListNumber, r.Line }).ToListAsync(ct))
            {
                labels[r.Index] = VerificationEngine.RowLabel(r.ListNumber, r.Line);
            }
        }

        var residentIds = pairs.Where(p => p.ResidentId is not null).Select(p => p.ResidentId!.Value).Distinct().ToList();
        var niks = await db.Residents.AsNoTracking().Where(r => residentIds.Contains(r.Id)).Select(r => new { r.Id, r.Nik }).ToDictionaryAsync(r => r.Id, r => r.Nik, ct);
        var byRow = new Dictionary<int, List<DecidedPair>>();
        foreach (var p in pairs)
        {
            foreach (var (row, other) in VerificationEngine.Sides(p))
            {
                var nik = p.ResidentId is { } id && niks.TryGetValue(id, out var n) ? NikNumber.Mask(n) : null;
                (byRow.TryGetValue(row, out var list) ? list : byRow[row] = [])
                    .Add(new DecidedPair(p.Decision!.Value, other is { } o ? labels[o] : null, nik, p.ResidentStatus));
            }
        }

        return byRow;
    }
}
