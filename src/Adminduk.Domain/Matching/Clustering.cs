namespace Adminduk.Domain.Matching;

/// <summary>A compared pair (record indexes) with its evidence total and score.</summary>
public readonly record struct ScoredPair(int A, int B, double Weight, double Score);

/// <summary>
/// Groups records linked by sure pairs into clusters (union-find with path halving and union by size). Pairs are
/// joined strongest first; an optional label per record (e.g. the register person a row was linked to) forbids
/// joining two clusters that carry different labels, so a chain of fuzzy pairs cannot merge people the register
/// keeps apart.
/// </summary>
public sealed class Clustering
{
    private readonly int[] parent;
    private readonly int[] size;
    private readonly string?[] label;

    public Clustering(int count, Func<int, string?>? labelOf = null)
    {
        parent = new int[count];
        size = new int[count];
        label = new string?[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = i;
            size[i] = 1;
            label[i] = labelOf?.Invoke(i);
        }
    }

    public int Count => parent.Length;

    public int Find(int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    /// <summary>Joins the clusters of a and b; false when they were one already or their labels differ.</summary>
    public bool Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return false;
        }

        if (label[ra] is { } la && label[rb] is { } lb && !string.Equals(la, lb, StringComparison.Ordinal))
        {
            return false;
        }

        if (size[ra] < size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        parent[rb] = ra;
        size[ra] += size[rb];
        label[ra] ??= label[rb];
        return true;
    }

    /// <summary>Joins every pair at or above the weight, strongest first.</summary>
    public void UnionAll(IEnumerable<ScoredPair> pairs, double minimumWeight)
    {
        foreach (var p in pairs.Where(p => p.Weight >= minimumWeight).OrderByDescending(p => p.Weight).ThenBy(p => p.A).ThenBy(p => p.B))
        {
            Union(p.A, p.B);
        }
    }

    /// <summary>Cluster number per record: 0, 1, 2, ... in order of each cluster's first record.</summary>
    public int[] Assignments()
    {
        var result = new int[parent.Length];
        var numbers = new Dictionary<int, int>();
        for (var i = 0; i < parent.Length; i++)
        {
            var root = Find(i);
            if (!numbers.TryGetValue(root, out var n))
            {
                n = numbers.Count;
                numbers[root] = n;
            }

            result[i] = n;
        }

        return result;
    }

    /// <summary>Clusters of two or more records, each as its record indexes in ascending order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Groups()
    {
        var byRoot = new Dictionary<int, List<int>>();
        for (var i = 0; i < parent.Length; i++)
        {
            var root = Find(i);
            if (size[root] < 2)
            {
                continue;
            }

            if (!byRoot.TryGetValue(root, out var list))
            {
                list = [];
                byRoot[root] = list;
            }

            list.Add(i);
        }

        return [.. byRoot.Values.OrderBy(g => g[0])];
    }
}
