using Adminduk.Domain.Matching.Synthetic;
using Adminduk.Domain.Matching.Verification;
using Adminduk.Domain.Population;

namespace Adminduk.Domain.Matching.Evaluation;

/// <summary>Counts of one verdict rule against the truth: rows expected to carry it and rows that do.</summary>
public readonly record struct RuleCounts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Hard negatives of one kind: pairs of rows of two look-alike people, and how many were wrongly made one.</summary>
public readonly record struct HardNegativeCounts(int RowPairs, int Merged, PairCounts Pairs)
{
    /// <summary>Share of look-alike row pairs kept apart.</summary>
    public double KeptApart => RowPairs == 0 ? 1 : 1 - ((double)Merged / RowPairs);
}

/// <summary>The figures of one run of list verification over the synthetic Indonesian set.</summary>
public sealed class SyntheticReport
{
    public required VerificationResult Result { get; init; }

    /// <summary>Duplicate detection over all row pairs.</summary>
    public required PairCounts Overall { get; init; }

    /// <summary>Over pairs with a row carrying each planted kind.</summary>
    public required IReadOnlyDictionary<PlantedError, PairCounts> ByKind { get; init; }

    /// <summary>Precision over predicted pairs with a row of a hard-negative person, per kind and all together.</summary>
    public required IReadOnlyDictionary<HardNegativeKind, HardNegativeCounts> HardNegatives { get; init; }

    public required PairCounts HardNegativesAll { get; init; }

    /// <summary>Verdict rules against the planted truth, by verdict code.</summary>
    public required IReadOnlyDictionary<string, RuleCounts> Rules { get; init; }

    /// <summary>Rows of register people tied to the right person, to a wrong one, or to none.</summary>
    public required (int Right, int Wrong, int None) Ties { get; init; }
}

/// <summary>Runs list verification over a synthetic set and measures it against the planted truth.</summary>
public static class SyntheticEvaluation
{
    public static SyntheticReport Run(SyntheticDataSet set, MatchOptions? options = null)
    {
        options ??= MatchOptions.Default;
        var register = new InMemoryRegister(set.Register, options);
        var result = ListVerifier.Verify(set.Lists, [.. set.ListRows], register, new VerificationOptions { Matching = options, Today = set.Options.Today });
        return Measure(set, result);
    }

    public static SyntheticReport Measure(SyntheticDataSet set, VerificationResult result)
    {
        var rows = set.Rows;
        var truth = rows.Select(r => r.PersonId).ToList();
        var clusters = result.Clusters();

        var byKind = new Dictionary<PlantedError, PairCounts>();
        foreach (var kind in SyntheticPopulation.CopyKinds.Append(PlantedError.MalformedNik).Append(PlantedError.BirthDateTypo))
        {
            byKind[kind] = PairMetrics.Compare(clusters, truth, (a, b) => rows[a].Errors.HasFlag(kind) || rows[b].Errors.HasFlag(kind));
        }

        var hardKind = new Dictionary<string, HardNegativeKind>(StringComparer.Ordinal);
        foreach (var h in set.HardNegatives)
        {
            hardKind[h.PersonIdA] = h.Kind;
            hardKind[h.PersonIdB] = h.Kind;
        }

        var hard = new Dictionary<HardNegativeKind, HardNegativeCounts>();
        var rowsOf = Enumerable.Range(0, rows.Count).ToLookup(i => truth[i], StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<HardNegativeKind>())
        {
            int pairs = 0, merged = 0;
            foreach (var h in set.HardNegatives.Where(h => h.Kind == kind))
            {
                foreach (var a in rowsOf[h.PersonIdA])
                {
                    foreach (var b in rowsOf[h.PersonIdB])
                    {
                        pairs++;
                        merged += clusters[a] == clusters[b] ? 1 : 0;
                    }
                }
            }

            var counts = PairMetrics.Compare(clusters, truth, (a, b) => Is(hardKind, truth[a], kind) || Is(hardKind, truth[b], kind));
            hard[kind] = new HardNegativeCounts(pairs, merged, counts);
        }

        var hardAll = PairMetrics.Compare(clusters, truth, (a, b) => hardKind.ContainsKey(truth[a]) || hardKind.ContainsKey(truth[b]));

        var status = set.Register.ToDictionary(e => e.Person.Id, e => e.Status, StringComparer.Ordinal);
        var kkOf = set.Register.ToDictionary(e => e.Person.Id, e => e.Person.KkNumber, StringComparer.Ordinal);
        var rowsPerPerson = truth.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var perFamily = set.Lists.Where(l => l.PaidPerFamily).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var householdShared = new HashSet<int>();
        foreach (var g in Enumerable.Range(0, rows.Count)
            .Where(i => perFamily.Contains(rows[i].Row.ListId) && rows[i].InRegister)
            .GroupBy(i => (rows[i].Row.ListId, kkOf[truth[i]])))
        {
            var members = g.ToList();
            if (members.Select(i => truth[i]).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                householdShared.UnionWith(members);
            }
        }

        // What was written, read with the NIK rules: a wrong digit can also break a rule (month 13), and a typo that
        // folding undoes (a doubled letter) leaves the name the same.
        var today = set.Options.Today;
        var registerName = set.Register.ToDictionary(e => e.Person.Id, e => NameFolding.Fold(e.Person.Name), StringComparer.Ordinal);
        bool Written(int i) => !string.IsNullOrWhiteSpace(rows[i].Row.Record.Nik?.Trim('-'));
        bool Breaks(int i) => Written(i) && !Numbers.Nik.Parse(rows[i].Row.Record.Nik, today).Valid;
        bool NameDiffers(int i) => !NameFolding.Fold(rows[i].Row.Record.Name).Equals(registerName[truth[i]]);

        var verdicts = result.Rows;
        var rules = new Dictionary<string, RuleCounts>(StringComparer.Ordinal)
        {
            [VerdictCodes.Deceased] = Rule(verdicts, i => rows[i].InRegister && status[truth[i]] == ResidentStatus.Deceased, v => v.Has(VerdictCodes.Deceased)),
            [VerdictCodes.MovedOut] = Rule(verdicts, i => rows[i].InRegister && status[truth[i]] == ResidentStatus.MovedOut, v => v.Has(VerdictCodes.MovedOut)),
            [VerdictCodes.NikMalformed] = Rule(verdicts, Breaks, v => v.Has(VerdictCodes.NikMalformed)),
            [VerdictCodes.NikNotInRegister] = Rule(verdicts, i => !rows[i].InRegister, v => v.Link == RegisterLink.None),
            [VerdictCodes.HouseholdMultiple] = Rule(verdicts, householdShared.Contains, v => v.Has(VerdictCodes.HouseholdMultiple)),
            [VerdictCodes.NikMistyped] = Rule(
                verdicts,
                i => rows[i].InRegister && rows[i].Errors.HasFlag(PlantedError.WrongNikDigit) && !Breaks(i),
                v => v.Has(VerdictCodes.NikMistyped) || v.Has(VerdictCodes.NikOtherPerson)),
            [VerdictCodes.DataDiffers] = Rule(
                verdicts,
                i => rows[i].InRegister
                    && ((rows[i].Errors & (PlantedError.BirthDateTypo | PlantedError.SwappedDayMonth | PlantedError.OtherAddress)) != 0
                        || (rows[i].Errors.HasFlag(PlantedError.Typo) && NameDiffers(i))),
                v => v.Has(VerdictCodes.DataDiffers),
                skip: i => rows[i].Errors.HasFlag(PlantedError.NameVariant) || !rows[i].InRegister),
            [VerdictCodes.Valid] = Rule(
                verdicts,
                i => rows[i].InRegister && rows[i].Errors == PlantedError.None && status[truth[i]] == ResidentStatus.Alive
                    && rowsPerPerson[truth[i]] == 1 && !householdShared.Contains(i),
                v => v.Status == RowStatus.Valid),
        };

        int right = 0, wrong = 0, none = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].InRegister)
            {
                continue;
            }

            var tied = verdicts[i].Register?.Person.Id;
            if (tied is null)
            {
                none++;
            }
            else if (tied == truth[i])
            {
                right++;
            }
            else
            {
                wrong++;
            }
        }

        return new SyntheticReport
        {
            Result = result,
            Overall = PairMetrics.Compare(clusters, truth),
            ByKind = byKind,
            HardNegatives = hard,
            HardNegativesAll = hardAll,
            Rules = rules,
            Ties = (right, wrong, none),
        };
    }

    private static bool Is(Dictionary<string, HardNegativeKind> kinds, string person, HardNegativeKind kind) =>
        kinds.TryGetValue(person, out var k) && k == kind;

    private static RuleCounts Rule(IReadOnlyList<RowVerdict> verdicts, Func<int, bool> expected, Func<RowVerdict, bool> found, Func<int, bool>? skip = null)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < verdicts.Count; i++)
        {
            if (skip?.Invoke(i) == true)
            {
                continue;
            }

            var e = expected(i);
            var f = found(verdicts[i]);
            tp += e && f ? 1 : 0;
            fp += !e && f ? 1 : 0;
            fn += e && !f ? 1 : 0;
        }

        return new RuleCounts(tp, fp, fn);
    }
}
