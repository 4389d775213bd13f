using System.Diagnostics;
using System.Globalization;
using System.Text;
using Adminduk.Domain.Matching.Evaluation;
using Adminduk.Domain.Matching.Synthetic;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

// List verification at scale: writes a CSV list drawn from the register in the database (--rows rows, --duplicates of
// them planted copies of listed people with one error each), runs `adminduk verify-list` on it in a child process
// (its own time and peak memory), and measures duplicate detection against the planted truth.
//   adminduk seed --residents 930000 --provider Postgres --connection "$cs"     (about 1,000,000 residents)
//   dotnet run -c Release --project bench/Adminduk.Bench.ListVerification -- --connection "$cs" [--rows 1000000] [--duplicates 0.05]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var connection = Value("--connection") ?? throw new ArgumentException("--connection (a seeded PostgreSQL database) is required");
var provider = Enum.Parse<DatabaseProvider>(Value("--provider") ?? "Postgres", ignoreCase: true);
var rows = int.Parse(Value("--rows") ?? "1000000", CultureInfo.InvariantCulture);
var duplicateShare = double.Parse(Value("--duplicates") ?? "0.05", CultureInfo.InvariantCulture);
var directory = Value("--out") ?? Directory.CreateTempSubdirectory("listbench").FullName;
var rng = new Random(20261123);

Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {Environment.OSVersion}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

// 1. The register as the list writer sees it.
var clock = Stopwatch.StartNew();
List<Person> register;
await using (var db = DatabaseSetup.CreateContext(provider, connection))
{
    register = await (from r in db.Residents.AsNoTracking()
                      join h in db.Households on r.HouseholdId equals h.Id into hs
                      from h in hs.DefaultIfEmpty()
                      join u in db.RtUnits on r.RtUnitId equals u.Id into us
                      from u in us.DefaultIfEmpty()
                      orderby r.Id
                      select new Person(r.Id, r.Nik, r.FullName, r.BirthDate, r.Sex, r.Status, h == null ? null : h.KkNumber, h == null ? null : h.Address,
                          u == null ? null : u.VillageCode, u == null ? 0 : u.Rt, u == null ? 0 : u.Rw)).ToListAsync();
}

Console.WriteLine($"Register: {register.Count:N0} residents ({register.Count(p => p.Status == ResidentStatus.Deceased):N0} deceased, {register.Count(p => p.Status == ResidentStatus.MovedOut):N0} moved out), read in {clock.Elapsed.TotalSeconds:0.0} s");

// 2. The list: originals are distinct residents; copies repeat an original with one planted error.
var copies = (int)Math.Round(rows * duplicateShare);
var originals = rows - copies;
if (originals > register.Count)
{
    throw new ArgumentException($"{originals:N0} distinct people needed, the register has {register.Count:N0}");
}

var order = Enumerable.Range(0, register.Count).ToArray();
rng.Shuffle(order);
var kinds = new[] { "NameVariant", "Title", "Typo", "SwappedDayMonth", "WrongNikDigit", "MissingNik", "OtherAddress" };
var list = new List<(Person Person, string[] Cells, string Kind)>(rows);
for (var i = 0; i < originals; i++)
{
    var p = register[order[i]];
    list.Add((p, Cells(p, p.Name, p.Nik, p.BirthDate, Address(p), p.Village), "Original"));
}

for (var i = 0; i < copies; i++)
{
    var p = list[rng.Next(originals)].Person;
    var kind = kinds[rng.Next(kinds.Length)];
    var name = p.Name;
    string? nik = p.Nik;
    var birth = p.BirthDate;
    var address = Address(p);
    var village = p.Village;
    switch (kind)
    {
        case "NameVariant":
            name = PlantedVariants.NameVariant(p.Name, rng) ?? PlantedVariants.Typo(p.Name, rng);
            break;
        case "Title":
            name = PlantedVariants.WithTitles(p.Name, p.Sex == Sex.Female, rng);
            break;
        case "Typo":
            name = PlantedVariants.Typo(p.Name, rng);
            break;
        case "SwappedDayMonth":
            birth = PlantedVariants.SwapDayMonth(p.BirthDate) ?? p.BirthDate.AddDays(1);
            break;
        case "WrongNikDigit":
            nik = PlantedVariants.WrongDigit(p.Nik, rng);
            break;
        case "MissingNik":
            nik = null;
            break;
        default:
            var elsewhere = register[rng.Next(register.Count)];
            address = Address(elsewhere);
            village = elsewhere.Village;
            break;
    }

    list.Add((p, Cells(p, name, nik, birth, address, village), kind));
}

rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
var file = Path.Combine(directory, "bansos.csv");
await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16))
{
    await writer.WriteLineAsync("NIK,NO_KK,NAMA,TGL_LAHIR,JENIS_KELAMIN,ALAMAT,KODE_KELURAHAN");
    foreach (var (_, cells, _) in list)
    {
        await writer.WriteLineAsync(string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? "\"" + c + "\"" : c)));
    }
}

Console.WriteLine($"List: {list.Count:N0} rows ({originals:N0} people, {copies:N0} planted copies), {new FileInfo(file).Length / (1024.0 * 1024):0.0} MiB at {file}");

// 3. The CLI, as an operator would run it.
var cli = Path.Combine(AppContext.BaseDirectory, "adminduk.dll");
var report = Path.Combine(directory, "report.csv");
var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
foreach (var a in new[] { cli, "verify-list", file, "--report", report, "--provider", provider.ToString(), "--connection", connection })
{
    start.ArgumentList.Add(a);
}

clock.Restart();
using var process = Process.Start(start)!;
var stdout = process.StandardOutput.ReadToEndAsync();
var stderr = process.StandardError.ReadToEndAsync();
await process.WaitForExitAsync();
var wall = clock.Elapsed;
var output = await stdout;
Console.WriteLine(string.Join('\n', output.Split('\n').Where(l => !l.Contains('━', StringComparison.Ordinal) && !l.Contains('\u001b', StringComparison.Ordinal))));
Console.Error.Write(await stderr);
if (process.ExitCode != 0)
{
    return process.ExitCode;
}

Console.WriteLine($"verify-list wall clock (process start to exit, report included): {wall.TotalSeconds:0.0} s");

// 4. Quality against the planted truth.
await using (var db = DatabaseSetup.CreateContext(provider, connection))
{
    var runId = await db.VerificationRuns.MaxAsync(r => r.Id);
    var groups = await db.Set<VerificationRow>().AsNoTracking().Where(r => r.RunId == runId).OrderBy(r => r.Line)
        .Select(r => r.DuplicateGroup).ToListAsync();
    var next = groups.Count;
    var clusters = groups.Select(g => g ?? next++).ToList();
    var truth = list.Select(r => r.Person.Id.ToString(CultureInfo.InvariantCulture)).ToList();
    var all = PairMetrics.Compare(clusters, truth);
    Console.WriteLine();
    Console.WriteLine("| pairs with a row of kind | true pairs | precision | recall | F1 |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    Console.WriteLine($"| all pairs | {all.TruePositives + all.FalseNegatives:N0} | {all.Precision:0.0000} | {all.Recall:0.0000} | {all.F1:0.0000} |");
    foreach (var kind in kinds)
    {
        var m = PairMetrics.Compare(clusters, truth, (a, b) => list[a].Kind == kind || list[b].Kind == kind);
        Console.WriteLine($"| {kind} | {m.TruePositives + m.FalseNegatives:N0} | {m.Precision:0.0000} | {m.Recall:0.0000} | {m.F1:0.0000} |");
    }
}

return 0;

static string Address(Person p) => p.Address is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{p.Address} RT {p.Rt:000} RW {p.Rw:000}");

static string[] Cells(Person p, string name, string? nik, DateOnly birth, string address, string? village) =>
[
    nik ?? "", p.Kk ?? "", name, birth.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), p.Sex == Sex.Female ? "P" : "L", address, village ?? "",
];

internal sealed record Person(int Id, string Nik, string Name, DateOnly BirthDate, Sex Sex, ResidentStatus Status, string? Kk, string? Address, string? Village, int Rt, int Rw);
