namespace Adminduk.Domain.Regions;

/// <summary>One thing a region code has meant, and when.</summary>
/// <param name="Code">The code that was looked up, dotted.</param>
/// <param name="Name">The region's name under that code.</param>
/// <param name="FromYear">First year of this meaning when known (codes of provinces formed by a recoding); null when older or unknown.</param>
/// <param name="UntilYear">Year the code was retired for this meaning; null while it is current.</param>
/// <param name="Current">The current region that covers this area now (the region itself when the meaning is current).</param>
public sealed record RegionMeaning(string Code, string Name, RegionLevel Level, int? FromYear, int? UntilYear, Region Current)
{
    public bool IsCurrent => UntilYear is null;

    /// <summary>The period in a language-neutral form: "2022–", "–2012", "2012–2022" or "" when open on both sides.</summary>
    public string Period => FromYear is null && UntilYear is null
        ? ""
        : $"{FromYear?.ToString(System.Globalization.CultureInfo.InvariantCulture)}–{UntilYear?.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>Every meaning of one code. No meaning: unknown; more than one: ambiguous, never silently narrowed to one.</summary>
public sealed record RegionResolution(string Code, RegionLevel Level, IReadOnlyList<RegionMeaning> Meanings)
{
    public bool IsKnown => Meanings.Count > 0;

    public bool IsAmbiguous => Meanings.Count > 1;

    /// <summary>The only meaning, or null when the code is unknown or ambiguous.</summary>
    public RegionMeaning? Meaning => Meanings.Count == 1 ? Meanings[0] : null;

    public string? Name => Meaning?.Name;
}

/// <summary>The three levels encoded in the first six digits of a NIK or KK number. A level is null when it was not looked up
/// because the level above is unknown.</summary>
public sealed record RegionPrefix(RegionResolution Province, RegionResolution? Regency, RegionResolution? District);

/// <summary>
/// Resolves 2-, 4- and 6-digit region codes (plain or dotted) to their current and historical meanings, using the current
/// <see cref="RegionCatalog"/> and the retired codes of <see cref="HistoricalRegions"/>. Pure and thread-safe.
/// </summary>
public sealed class HistoricalRegionResolver
{
    private static readonly Lazy<HistoricalRegionResolver> LazyDefault =
        new(() => new HistoricalRegionResolver(RegionCatalog.Default, HistoricalRegions.All), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly RegionCatalog catalog;
    private readonly Dictionary<string, List<HistoricalRegion>> historical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> currentSince = new(StringComparer.Ordinal);

    public HistoricalRegionResolver(RegionCatalog catalog, IEnumerable<HistoricalRegion> retired)
    {
        this.catalog = catalog;
        foreach (var h in retired)
        {
            if (catalog.Find(h.SuccessorCode) is not { } successor || successor.Level != h.Level)
            {
                throw new ArgumentException($"Successor {h.SuccessorCode} of retired code {h.Code} is not a current region of the same level.", nameof(retired));
            }

            if (!historical.TryGetValue(h.Code, out var list))
            {
                list = [];
                historical[h.Code] = list;
            }

            list.Add(h);
            Since(h.SuccessorCode, h.RetiredBy.Year);
            foreach (var province in h.RetiredBy.NewProvinceCodes)
            {
                Since(province, h.RetiredBy.Year);
            }
        }
    }

    public static HistoricalRegionResolver Default => LazyDefault.Value;

    /// <summary>All meanings of a 2-, 4- or 6-digit code ("94", "9404", "94.04.01"), current one first.</summary>
    /// <exception cref="ArgumentException">The code is not 2, 4 or 6 digits (dotted or plain).</exception>
    public RegionResolution Resolve(string code)
    {
        var dotted = Normalize(code)
            ?? throw new ArgumentException("A region code has 2, 4 or 6 digits, plain or dotted (e.g. 64, 6471, 64.71.01).", nameof(code));
        var level = RegionCode.LevelOf(dotted)!.Value;
        var meanings = new List<RegionMeaning>();

        if (catalog.Find(dotted) is { } current)
        {
            meanings.Add(new RegionMeaning(dotted, current.Name, level, SinceYear(dotted), null, current));
        }

        if (historical.TryGetValue(dotted, out var retired))
        {
            foreach (var h in retired)
            {
                meanings.Add(new RegionMeaning(dotted, h.Name, level, null, h.RetiredBy.Year, catalog.Find(h.SuccessorCode)!));
            }
        }

        // A district of a moved regency: named through the successor only when the move kept district suffixes.
        if (level == RegionLevel.District && historical.TryGetValue(RegionCode.ParentOf(dotted)!, out var movedRegencies))
        {
            var suffix = dotted[^2..];
            foreach (var h in movedRegencies.Where(h => h.RetiredBy.DistrictSuffixesKept))
            {
                if (catalog.Find($"{h.SuccessorCode}.{suffix}") is { } district)
                {
                    meanings.Add(new RegionMeaning(dotted, district.Name, level, null, h.RetiredBy.Year, district));
                }
            }
        }

        return new RegionResolution(dotted, level, meanings);
    }

    /// <summary>Resolves the province, regency and district of a 6-digit prefix, stopping below an unknown level.</summary>
    public RegionPrefix ResolvePrefix(string sixDigits)
    {
        if (sixDigits.Length != 6 || !sixDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A region prefix has exactly 6 digits.", nameof(sixDigits));
        }

        var province = Resolve(sixDigits[..2]);
        if (!province.IsKnown)
        {
            return new RegionPrefix(province, null, null);
        }

        var regency = Resolve(sixDigits[..4]);
        return !regency.IsKnown
            ? new RegionPrefix(province, regency, null)
            : new RegionPrefix(province, regency, Resolve(sixDigits));
    }

    /// <summary>"6471" or "64.71" -> "64.71"; null unless 2, 4 or 6 digits.</summary>
    public static string? Normalize(string code)
    {
        var digits = code.Replace(".", "", StringComparison.Ordinal);
        if (digits.Length is not (2 or 4 or 6) || (code.Contains('.', StringComparison.Ordinal) && RegionCode.FromDigits(digits) != code))
        {
            return null;
        }

        return RegionCode.FromDigits(digits);
    }

    private void Since(string code, int year) =>
        currentSince[code] = currentSince.TryGetValue(code, out var existing) ? Math.Max(existing, year) : year;

    private int? SinceYear(string dotted)
    {
        int? since = null;
        for (var code = dotted; code is not null; code = RegionCode.ParentOf(code))
        {
            if (currentSince.TryGetValue(code, out var year) && (since is null || year > since))
            {
                since = year;
            }
        }

        return since;
    }
}
