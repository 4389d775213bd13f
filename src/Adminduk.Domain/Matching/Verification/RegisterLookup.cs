namespace Adminduk.Domain.Matching.Verification;

/// <summary>A register entry with its matching form.</summary>
public sealed record RegisterCandidate(RegisterEntry Entry, MatchRecord Match)
{
    public string Id => Entry.Person.Id;
}

/// <summary>
/// The register as list verification needs it: look-ups by NIK and by blocking key, asked in batches so a
/// database-backed register can answer each batch with a few set-based queries.
/// </summary>
public interface IRegisterLookup
{
    /// <summary>For each query record, the entries holding its NIK (<see cref="MatchRecord.IdDigits"/>); empty when none or no NIK.</summary>
    IReadOnlyList<IReadOnlyList<RegisterCandidate>> FindByNik(IReadOnlyList<MatchRecord> queries);

    /// <summary>
    /// For each query record, the entries sharing a blocking key with it (<see cref="MatchRecord.Keys"/>); in a
    /// block larger than <see cref="MatchOptions.MaxBlockSize"/> only the nearest in name order.
    /// </summary>
    IReadOnlyList<IReadOnlyList<RegisterCandidate>> FindCandidates(IReadOnlyList<MatchRecord> queries);
}

/// <summary>The register held in memory: for tests, the benchmark, and registers small enough to load whole.</summary>
public sealed class InMemoryRegister : IRegisterLookup
{
    private readonly RegisterCandidate[] entries;
    private readonly Dictionary<string, List<int>> byNik = new(StringComparer.Ordinal);
    private readonly BlockIndex index;
    private Dictionary<string, int>? byId;

    public InMemoryRegister(IEnumerable<RegisterEntry> register, MatchOptions? options = null)
        : this(register.AsParallel().AsOrdered().Select(e => new RegisterCandidate(e, MatchRecord.From(e.Person))).ToArray(), options)
    {
    }

    private InMemoryRegister(RegisterCandidate[] prepared, MatchOptions? options)
    {
        entries = prepared;
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i].Match.IdDigits is { } nik)
            {
                if (!byNik.TryGetValue(nik, out var list))
                {
                    list = [];
                    byNik[nik] = list;
                }

                list.Add(i);
            }
        }

        index = new BlockIndex(entries.Select(e => e.Match).ToList(), options ?? MatchOptions.Default);
    }

    public int Count => entries.Length;

    /// <summary>From entries already prepared for matching (a register read in batches and folded as it streams in).</summary>
    public static InMemoryRegister FromPrepared(RegisterCandidate[] prepared, MatchOptions? options = null) => new(prepared, options);

    /// <summary>The entry with this id, if present.</summary>
    public RegisterCandidate? Get(string id)
    {
        var byId = LazyInitializer.EnsureInitialized(ref this.byId, () =>
        {
            var map = new Dictionary<string, int>(entries.Length, StringComparer.Ordinal);
            for (var i = 0; i < entries.Length; i++)
            {
                map[entries[i].Id] = i;
            }

            return map;
        });
        return byId.TryGetValue(id, out var index) ? entries[index] : null;
    }

    public IReadOnlyList<IReadOnlyList<RegisterCandidate>> FindByNik(IReadOnlyList<MatchRecord> queries) =>
        [.. queries.Select(q => (IReadOnlyList<RegisterCandidate>)(q.IdDigits is { } nik && byNik.TryGetValue(nik, out var list)
            ? [.. list.Select(i => entries[i])]
            : []))];

    public IReadOnlyList<IReadOnlyList<RegisterCandidate>> FindCandidates(IReadOnlyList<MatchRecord> queries)
    {
        var result = new IReadOnlyList<RegisterCandidate>[queries.Count];
        Parallel.For(
            0,
            queries.Count,
            () => (Seen: new HashSet<int>(), Found: new List<int>()),
            (q, _, local) =>
            {
                index.Candidates(queries[q], -1, local.Seen, local.Found);
                result[q] = [.. local.Found.Select(i => entries[i])];
                return local;
            },
            _ => { });
        return result;
    }
}
