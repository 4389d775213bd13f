namespace Adminduk.Domain.Matching;

/// <summary>
/// Records indexed by blocking key: one sorted array of (key, record) entries, ordered inside a key by the records'
/// <see cref="MatchRecord.SortKey"/>, so that oversized blocks can be walked by sorted neighbourhood.
/// </summary>
public sealed class BlockIndex
{
    private readonly IReadOnlyList<MatchRecord> records;
    private readonly ulong[] keys;
    private readonly int[] members;
    private readonly int maxBlockSize;
    private readonly int window;

    public BlockIndex(IReadOnlyList<MatchRecord> records, MatchOptions options)
    {
        this.records = records;
        maxBlockSize = options.MaxBlockSize;
        window = options.Window;
        var total = 0;
        for (var i = 0; i < records.Count; i++)
        {
            total += records[i].Keys.Count;
        }

        var entries = new List<(ulong Key, int Record)>(total);
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var k in records[i].Keys)
            {
                entries.Add((k, i));
            }
        }

        entries.Sort((x, y) =>
        {
            var c = x.Key.CompareTo(y.Key);
            if (c != 0)
            {
                return c;
            }

            c = MatchRecord.CompareOrder(records[x.Record], records[y.Record]);
            return c != 0 ? c : x.Record.CompareTo(y.Record);
        });
        keys = new ulong[entries.Count];
        members = new int[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            (keys[i], members[i]) = entries[i];
        }
    }

    public IReadOnlyList<MatchRecord> Records => records;

    /// <summary>Size of the block for a key (0 when no record has it).</summary>
    public int BlockSize(ulong key)
    {
        var (start, end) = Range(key);
        return end - start;
    }

    /// <summary>
    /// Adds to <paramref name="into"/> the indexes of records that share a key with <paramref name="query"/>
    /// (all of a block up to the size limit, otherwise the nearest in sort order), each once.
    /// </summary>
    /// <param name="self">The query's own index when it is in this index (excluded, and only later records are given, so each pair comes once); otherwise -1.</param>
    public void Candidates(MatchRecord query, int self, HashSet<int> seen, List<int> into)
    {
        seen.Clear();
        into.Clear();
        foreach (var key in query.Keys)
        {
            var (start, end) = Range(key);
            if (end - start <= 1 && self >= 0)
            {
                continue;
            }

            if (end - start > maxBlockSize)
            {
                var at = Position(start, end, query, self);
                (start, end) = (Math.Max(start, at - window), Math.Min(end, at + window + (self >= 0 ? 1 : 0)));
            }

            for (var e = start; e < end; e++)
            {
                var m = members[e];
                if (m > self && seen.Add(m))
                {
                    into.Add(m);
                }
            }
        }
    }

    private (int Start, int End) Range(ulong key)
    {
        var lo = Bound(key, upper: false);
        return lo < keys.Length && keys[lo] == key ? (lo, Bound(key, upper: true)) : (lo, lo);
    }

    /// <summary>First entry with a key not below (upper: above) the given one.</summary>
    private int Bound(ulong key, bool upper)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] < key || (upper && keys[mid] == key))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Where a record with this sort key sits (or would sit) inside a block.</summary>
    private int Position(int start, int end, MatchRecord query, int self)
    {
        int lo = start, hi = end;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var m = members[mid];
            var c = MatchRecord.CompareOrder(records[m], query);
            if (c == 0 && self >= 0)
            {
                c = m.CompareTo(self);
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
