using System.Diagnostics;
using System.Globalization;
using Adminduk.Domain.Matching;
using Adminduk.Domain.Matching.Evaluation;
using Adminduk.Domain.Matching.Synthetic;
using Adminduk.Domain.Matching.Verification;

// Matching quality with the one default configuration: duplicate detection on the three FEBRL files, then list
// verification of the synthetic Indonesian set against its register (and, for comparison, without the register).
// Usage: dotnet run -c Release --project bench/Adminduk.Bench.Matching [-- --households N] [--seed S]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var households = Option(args, "--households", new SyntheticOptions().Households);
var seed = Option(args, "--seed", new SyntheticOptions().Seed);
var options = MatchOptions.Default;
var scorer = new PairScorer(options.Weights);

Print($"Matching quality, default configuration: sure >= {options.SureThreshold} ({scorer.WeightAt(options.SureThreshold):0.0} bits), review >= {options.ReviewThreshold} ({scorer.WeightAt(options.ReviewThreshold):0.0} bits), block <= {options.MaxBlockSize}, window {options.Window}");
Print($"Machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}");
Print();
PrintText("## FEBRL duplicate detection (pairs within clusters)");
Print();
PrintText("| file | records | true pairs | compared pairs | precision | recall | F1 | time |");
PrintText("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var file in new[] { "dataset1.csv", "dataset2.csv", "dataset3.csv" })
{
    using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Data", "febrl", file));
    var records = FebrlRecords.Read(reader);
    var clock = Stopwatch.StartNew();
    var result = Deduplicator.Run(records.Select(r => r.Person).ToList(), options);
    var elapsed = clock.Elapsed;
    var m = PairMetrics.Compare(result.Clusters, records.Select(r => r.Entity).ToList());
    Print($"| {file} | {records.Count:N0} | {m.TruePositives + m.FalseNegatives:N0} | {result.Compared:N0} | {m.Precision:0.0000} | {m.Recall:0.0000} | {m.F1:0.0000} | {elapsed.TotalSeconds:0.00} s |");
}

Print();
var generation = Stopwatch.StartNew();
var set = SyntheticPopulation.Generate(new SyntheticOptions { Households = households, Seed = seed });
Print($"## Synthetic Indonesian set (seed {set.Options.Seed}, {set.Options.Households:N0} households)");
Print();
var copies = set.Rows.Count(r => r.Role == SyntheticRowRole.Copy);
Print($"{set.People:N0} people ({set.Register.Count:N0} in the register, {set.Outsiders:N0} outside it), {set.Rows.Count:N0} list rows ({string.Join(", ", set.Lists.Select(l => $"{l.Id} {set.Rows.Count(r => r.Row.ListId == l.Id):N0}"))}), {copies:N0} planted duplicate rows, {set.HardNegatives.Count:N0} hard-negative pairs; generated in {generation.Elapsed.TotalSeconds:0.0} s.");
Print();

var clock2 = Stopwatch.StartNew();
var register = new InMemoryRegister(set.Register, options);
var indexed = clock2.Elapsed;
var verification = ListVerifier.Verify(set.Lists, [.. set.ListRows], register, new VerificationOptions { Matching = options, Today = set.Options.Today });
var verified = clock2.Elapsed - indexed;
var report = SyntheticEvaluation.Measure(set, verification);
Print($"Register indexed in {indexed.TotalSeconds:0.00} s; rows verified in {verified.TotalSeconds:0.00} s ({verification.ComparedPairs:N0} row pairs compared); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB.");
Print();
PrintText("### Duplicate detection with the register (the product path)");
Print();
PrintText("| pairs with a row of kind | true pairs | precision | recall | F1 |");
PrintText("|---|---:|---:|---:|---:|");
Print($"| all pairs | {Truth(report.Overall):N0} | {report.Overall.Precision:0.0000} | {report.Overall.Recall:0.0000} | {report.Overall.F1:0.0000} |");
foreach (var (kind, m) in report.ByKind)
{
    Print($"| {kind} | {Truth(m):N0} | {m.Precision:0.0000} | {m.Recall:0.0000} | {m.F1:0.0000} |");
}

Print();
PrintText("| hard negatives | look-alike row pairs | wrongly merged | precision of pairs touching them |");
PrintText("|---|---:|---:|---:|");
foreach (var (kind, h) in report.HardNegatives)
{
    Print($"| {kind} | {h.RowPairs:N0} | {h.Merged:N0} | {h.Pairs.Precision:0.0000} |");
}

Print($"| all hard negatives | {report.HardNegatives.Values.Sum(h => h.RowPairs):N0} | {report.HardNegatives.Values.Sum(h => h.Merged):N0} | {report.HardNegativesAll.Precision:0.0000} |");
Print();
PrintText("### Verdict rules against the planted truth");
Print();
PrintText("| rule | expected rows | precision | recall | F1 |");
PrintText("|---|---:|---:|---:|---:|");
foreach (var (code, r) in report.Rules)
{
    Print($"| {code} | {r.TruePositives + r.FalseNegatives:N0} | {r.Precision:0.0000} | {r.Recall:0.0000} | {r.F1:0.0000} |");
}

Print();
Print($"Rows of register people tied to the right person: {report.Ties.Right:N0}, to a wrong person: {report.Ties.Wrong:N0}, to nobody (left for review): {report.Ties.None:N0}.");
Print();

var listOnly = ListVerifier.Verify(set.Lists, [.. set.ListRows], new InMemoryRegister([], options), new VerificationOptions { Matching = options, Today = set.Options.Today });
var rowsOnly = SyntheticEvaluation.Measure(set, listOnly);
PrintText("### For comparison: rows only, without the register");
Print();
PrintText("| measure | precision | recall | F1 |");
PrintText("|---|---:|---:|---:|");
Print($"| all pairs | {rowsOnly.Overall.Precision:0.0000} | {rowsOnly.Overall.Recall:0.0000} | {rowsOnly.Overall.F1:0.0000} |");
Print($"| pairs touching hard negatives | {rowsOnly.HardNegativesAll.Precision:0.0000} | {rowsOnly.HardNegativesAll.Recall:0.0000} | {rowsOnly.HardNegativesAll.F1:0.0000} |");
foreach (var (kind, h) in rowsOnly.HardNegatives)
{
    Print($"| {kind}: {h.Merged:N0} of {h.RowPairs:N0} look-alike pairs merged | {h.Pairs.Precision:0.0000} | | |");
}

return;

static long Truth(PairCounts m) => m.TruePositives + m.FalseNegatives;

static int Option(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static void Print(FormattableString? line = null) => Console.WriteLine(line is null ? "" : FormattableString.Invariant(line));

static void PrintText(string line) => Console.WriteLine(line);
