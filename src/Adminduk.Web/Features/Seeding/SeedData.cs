using System.Reflection;
using Adminduk.Domain.Population;

namespace Adminduk.Web.Features.Seeding;

/// <summary>
/// The name and street lists in Data/*.txt (embedded): sections "[key]" followed by one entry a line;
/// lines starting with '#' are comments.
/// </summary>
public sealed class SeedData
{
    private static readonly Lazy<SeedData> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<(string Tradition, Sex Sex), string[]> given;
    private readonly Dictionary<(string Tradition, Sex Sex), string[]> family;

    public SeedData(
        IReadOnlyDictionary<string, List<string>> givenSections,
        IReadOnlyDictionary<string, List<string>> familySections,
        IReadOnlyDictionary<string, List<string>> streetSections)
    {
        given = [];
        foreach (var (key, names) in givenSections)
        {
            var (tradition, sex) = SplitKey(key, allowUnisex: false);
            given[(tradition, sex!.Value)] = [.. names];
        }

        // Unisex family names ("U") belong to both sexes.
        var familyBySex = new Dictionary<(string, Sex), List<string>>();
        foreach (var (key, names) in familySections)
        {
            var (tradition, sex) = SplitKey(key, allowUnisex: true);
            foreach (var s in sex is { } one ? [one] : new[] { Sex.Male, Sex.Female })
            {
                if (!familyBySex.TryGetValue((tradition, s), out var list))
                {
                    list = [];
                    familyBySex[(tradition, s)] = list;
                }

                list.AddRange(names);
            }
        }

        family = familyBySex.ToDictionary(e => e.Key, e => e.Value.Distinct(StringComparer.Ordinal).ToArray());
        Streets = streetSections.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value], StringComparer.Ordinal);
        DistinctGivenNames = [.. givenSections.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        DistinctFamilyNames = [.. familySections.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The lists shipped with the application.</summary>
    public static SeedData Default => LazyDefault.Value;

    public IReadOnlyList<string> DistinctGivenNames { get; }

    public IReadOnlyList<string> DistinctFamilyNames { get; }

    /// <summary>Street lists by key: a regency code ("64.71") or "gang".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Streets { get; }

    /// <summary>Given names of one tradition and sex; empty when the tradition has none.</summary>
    public IReadOnlyList<string> Given(string tradition, Sex sex) => given.TryGetValue((tradition, sex), out var names) ? names : [];

    /// <summary>Family or second names of one tradition for one sex (unisex names included).</summary>
    public IReadOnlyList<string> Family(string tradition, Sex sex) => family.TryGetValue((tradition, sex), out var names) ? names : [];

    public static Dictionary<string, List<string>> ReadSections(TextReader reader)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var key = line[1..^1].Trim();
                if (!sections.TryGetValue(key, out current))
                {
                    current = [];
                    sections[key] = current;
                }

                continue;
            }

            if (current is null)
            {
                throw new FormatException($"Entry '{line}' comes before any [section].");
            }

            current.Add(line);
        }

        return sections;
    }

    private static (string Tradition, Sex? Sex) SplitKey(string key, bool allowUnisex)
    {
        var parts = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            throw new FormatException($"Section [{key}] must be \"[tradition sex]\".");
        }

        return parts[1] switch
        {
            "M" => (parts[0], Sex.Male),
            "F" => (parts[0], Sex.Female),
            "U" when allowUnisex => (parts[0], null),
            _ => throw new FormatException($"Section [{key}]: sex must be M or F{(allowUnisex ? " or U" : "")}."),
        };
    }

    private static SeedData Load() => new(Read("given-names.txt"), Read("family-names.txt"), Read("streets.txt"));

    private static Dictionary<string, List<string>> Read(string file)
    {
        var name = "Adminduk.Web.Seeding." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return ReadSections(reader);
    }
}
