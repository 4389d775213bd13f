using System.Globalization;

namespace Adminduk.Domain.Matching.Evaluation;

/// <summary>Pair counts of a duplicate detection against the truth, with precision, recall and F1.</summary>
public readonly record struct PairCounts(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>Share of predicted pairs that are true; 1 when nothing was predicted.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Share of true pairs found; 1 when there were none.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PairCounts operator +(PairCounts a, PairCounts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"P {Precision:0.0000} R {Recall:0.0000} F1 {F1:0.0000} (TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives})");
}

/// <summary>
/// Pairwise evaluation of clusters: every two records in one predicted cluster are a predicted pair, every two
/// records of one true entity a true pair (so a cluster that chains two people counts all its wrong pairs).
/// </summary>
public static class PairMetrics
{
    /// <summary>Counts over all pairs, in time linear in the number of records.</summary>
    public static PairCounts Compare(IReadOnlyList<int> predictedCluster, IReadOnlyList<string> truthEntity)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(predictedCluster.Count, truthEntity.Count, nameof(truthEntity));
        var clusters = new Dictionary<int, long>();
        var entities = new Dictionary<string, long>(StringComparer.Ordinal);
        var both = new Dictionary<(int, string), long>();
        for (var i = 0; i < predictedCluster.Count; i++)
        {
            clusters[predictedCluster[i]] = clusters.GetValueOrDefault(predictedCluster[i]) + 1;
            entities[truthEntity[i]] = entities.GetValueOrDefault(truthEntity[i]) + 1;
            var key = (predictedCluster[i], truthEntity[i]);
            both[key] = both.GetValueOrDefault(key) + 1;
        }

        var predicted = clusters.Values.Sum(Pairs);
        var truth = entities.Values.Sum(Pairs);
        var tp = both.Values.Sum(Pairs);
        return new PairCounts(tp, predicted - tp, truth - tp);
    }

    /// <summary>
    /// Counts over the pairs a filter selects (e.g. pairs with a row of one planted kind). Enumerates the pairs inside
    /// each cluster and each entity, so it suits small clusters.
    /// </summary>
    public static PairCounts Compare(IReadOnlyList<int> predictedCluster, IReadOnlyList<string> truthEntity, Func<int, int, bool> include)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(predictedCluster.Count, truthEntity.Count, nameof(truthEntity));
        long tp = 0, fp = 0, fn = 0;
        foreach (var group in Groups(predictedCluster))
        {
            ForEachPair(group, (a, b) =>
            {
                if (include(a, b))
                {
                    if (string.Equals(truthEntity[a], truthEntity[b], StringComparison.Ordinal))
                    {
                        tp++;
                    }
                    else
                    {
                        fp++;
                    }
                }
            });
        }

        foreach (var group in Groups(truthEntity))
        {
            ForEachPair(group, (a, b) =>
            {
                if (include(a, b) && predictedCluster[a] != predictedCluster[b])
                {
                    fn++;
                }
            });
        }

        return new PairCounts(tp, fp, fn);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;

    private static IEnumerable<List<int>> Groups<T>(IReadOnlyList<T> labels)
        where T : notnull
    {
        var groups = new Dictionary<T, List<int>>();
        for (var i = 0; i < labels.Count; i++)
        {
            if (!groups.TryGetValue(labels[i], out var list))
            {
                list = [];
                groups[labels[i]] = list;
            }

            list.Add(i);
        }

        return groups.Values.Where(g => g.Count > 1);
    }

    private static void ForEachPair(List<int> group, Action<int, int> action)
    {
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = i + 1; j < group.Count; j++)
            {
                action(group[i], group[j]);
            }
        }
    }
}
