namespace Adminduk.Domain.Matching;

/// <summary>The pairs found among a set of records and the clusters their sure pairs form.</summary>
public sealed class DeduplicationResult
{
    internal DeduplicationResult(IReadOnlyList<MatchRecord> records, IReadOnlyList<ScoredPair> pairs, int[] clusters, long compared, double sureWeight)
    {
        Records = records;
        Pairs = pairs;
        Clusters = clusters;
        Compared = compared;
        SureWeight = sureWeight;
    }

    public IReadOnlyList<MatchRecord> Records { get; }

    /// <summary>Pairs at or above the review threshold, ordered by record indexes.</summary>
    public IReadOnlyList<ScoredPair> Pairs { get; }

    /// <summary>Cluster number per record (records alone form their own cluster).</summary>
    public IReadOnlyList<int> Clusters { get; }

    /// <summary>Pairs scored: the work blocking left.</summary>
    public long Compared { get; }

    internal double SureWeight { get; }

    public IEnumerable<ScoredPair> Sure => Pairs.Where(p => p.Weight >= SureWeight);

    public IEnumerable<ScoredPair> ForReview => Pairs.Where(p => p.Weight < SureWeight);
}

/// <summary>Finds duplicates among records: blocking, pair scoring, clustering of the sure pairs.</summary>
public static class Deduplicator
{
    public static DeduplicationResult Run(IReadOnlyList<PersonRecord> records, MatchOptions? options = null) =>
        Run(records.AsParallel().AsOrdered().Select(MatchRecord.From).ToList(), options);

    public static DeduplicationResult Run(IReadOnlyList<MatchRecord> records, MatchOptions? options = null)
    {
        options ??= MatchOptions.Default;
        var scorer = new PairScorer(options.Weights);
        var index = new BlockIndex(records, options);
        var (pairs, compared) = ScorePairs(index, scorer, scorer.WeightAt(options.ReviewThreshold));
        var sure = scorer.WeightAt(options.SureThreshold);
        var clustering = new Clustering(records.Count);
        clustering.UnionAll(pairs, sure);
        return new DeduplicationResult(records, pairs, clustering.Assignments(), compared, sure);
    }

    /// <summary>Scores every candidate pair in the index (in parallel) and keeps those at or above the weight.</summary>
    internal static (List<ScoredPair> Pairs, long Compared) ScorePairs(BlockIndex index, PairScorer scorer, double minimumWeight)
    {
        var records = index.Records;
        var found = new List<ScoredPair>[records.Count];
        long compared = 0;
        Parallel.For(
            0,
            records.Count,
            () => (Seen: new HashSet<int>(), Candidates: new List<int>(), Compared: 0L),
            (i, _, local) =>
            {
                index.Candidates(records[i], i, local.Seen, local.Candidates);
                foreach (var j in local.Candidates)
                {
                    var weight = scorer.WeightIfAtLeast(records[i], records[j], minimumWeight);
                    if (weight >= minimumWeight)
                    {
                        (found[i] ??= []).Add(new ScoredPair(i, j, weight, scorer.ScoreOf(weight)));
                    }
                }

                local.Compared += local.Candidates.Count;
                return local;
            },
            local => Interlocked.Add(ref compared, local.Compared));

        var pairs = new List<ScoredPair>();
        foreach (var list in found)
        {
            if (list is not null)
            {
                list.Sort((x, y) => x.B.CompareTo(y.B));
                pairs.AddRange(list);
            }
        }

        return (pairs, compared);
    }
}
