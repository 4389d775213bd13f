using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Adminduk.Web.Data;
using Adminduk.Web.Features.ListVerification;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Adminduk.Cli.Commands;

/// <summary>
/// `adminduk verify-list FILE... --report OUT`: verifies lists against the register database with the same engine as
/// the web worker. The run is stored (staff can review its pairs on the web), and the report written as CSV or XLSX
/// (by the extension of OUT).
/// </summary>
internal static class VerifyListCommand
{
    public static Command Create()
    {
        var db = new DatabaseOptions();
        var files = new Argument<FileInfo[]>("FILE") { Description = "Lists to verify (CSV or XLSX, headers in the first row)", Arity = ArgumentArity.OneOrMore };
        var report = new Option<FileInfo>("--report") { Description = "Report file to write (.csv or .xlsx)", Required = true };
        var perFamily = new Option<string[]>("--per-family")
        {
            Description = "File name of a list whose aid is paid per family (repeat for several)",
            AllowMultipleArgumentsPerToken = true,
        };
        var map = new Option<string[]>("--map")
        {
            Description = "Column for a field when its header is not a usual one: field=HEADER (fields: " + string.Join(", ", Enum.GetNames<ListField>()) + ")",
            AllowMultipleArgumentsPerToken = true,
        };
        var title = new Option<string?>("--title") { Description = "Title of the run" };
        var english = new Option<bool>("--english") { Description = "Write the report in English (default: Bahasa Indonesia)" };
        var command = new Command("verify-list", "Verify lists (e.g. aid recipients) against the register: NIKs, deceased, moved out, duplicates, households");
        command.Arguments.Add(files);
        command.Options.Add(report);
        command.Options.Add(perFamily);
        command.Options.Add(map);
        command.Options.Add(title);
        command.Options.Add(english);
        db.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var (provider, connectionString) = db.Resolve(result);
            var inputs = result.GetValue(files) ?? [];
            var output = result.GetValue(report)!;
            var family = new HashSet<string>(result.GetValue(perFamily) ?? [], StringComparer.OrdinalIgnoreCase);
            if (!TryParseMap(result.GetValue(map) ?? [], out var overrides, out var mapError))
            {
                await Console.Error.WriteLineAsync(mapError);
                return 2;
            }

            var sources = new List<(FileInfo File, ListFormat Format, IReadOnlyList<string> Headers, ColumnMapping Mapping)>();
            foreach (var file in inputs)
            {
                if (!file.Exists)
                {
                    await Console.Error.WriteLineAsync($"No such file: {file.FullName}");
                    return 2;
                }

                var format = TableReader.FormatOf(file.Name);
                using var reader = TableReader.Open(file.FullName, format);
                var detected = ColumnMapping.Detect(reader.Headers).Columns.ToDictionary();
                foreach (var (field, header) in overrides)
                {
                    detected[field] = header;
                }

                var mapping = new ColumnMapping(detected);
                if (!mapping.IsComplete)
                {
                    await Console.Error.WriteLineAsync(
                        $"{file.Name}: no name column, or none of NIK, KK number, birth date, address. Headers: {string.Join(", ", reader.Headers)}. Use --map field=HEADER.");
                    return 2;
                }

                sources.Add((file, format, reader.Headers, mapping));
            }

            var clock = Stopwatch.StartNew();
            await using var context = DatabaseSetup.CreateContext(provider, connectionString);
            context.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await context.Database.MigrateAsync(ct);
            var now = DateTimeOffset.UtcNow;
            var run = new VerificationRun
            {
                Title = result.GetValue(title) ?? string.Join(", ", inputs.Select(f => Path.GetFileNameWithoutExtension(f.Name))),
                Status = VerificationRunStatus.Running,
                Phase = VerificationPhase.Reading,
                CreatedByName = "cli:" + Environment.UserName,
                CreatedAt = now,
                StartedAt = now,
                Attempts = 1,
                // The CLI holds its run for the day: web workers leave it alone (its files are not stored for them).
                LeaseOwner = $"cli:{Environment.MachineName}:{Environment.ProcessId}",
                LeaseExpiresAt = now.AddDays(1),
            };
            var number = 0;
            foreach (var s in sources)
            {
                run.Lists.Add(new VerificationList
                {
                    Number = ++number,
                    Name = Path.GetFileNameWithoutExtension(s.File.Name),
                    FileName = s.File.Name,
                    FileSize = s.File.Length,
                    PaidPerFamily = family.Contains(s.File.Name) || family.Contains(Path.GetFileNameWithoutExtension(s.File.Name)),
                    HeadersJson = JsonSerializer.Serialize(s.Headers),
                    MappingJson = s.Mapping.ToJson(),
                });
            }

            context.VerificationRuns.Add(run);
            await context.SaveChangesAsync(ct);
            context.ChangeTracker.Clear();

            var engine = new VerificationEngine(TimeProvider.System);
            var progress = new VerificationProgress();
            var phases = new List<(VerificationPhase Phase, TimeSpan At)>();
            var listSources = run.Lists.OrderBy(l => l.Number).Select((l, i) =>
                new ListSource(l.Number, l.Name, l.PaidPerFamily, sources[i].Mapping, () => TableReader.Open(sources[i].File.FullName, sources[i].Format))).ToList();
            try
            {
                await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var tasks = new Dictionary<VerificationPhase, ProgressTask>();
                        var work = engine.RunAsync(context, run.Id, listSources, progress, ct);
                        while (true)
                        {
                            var finished = await Task.WhenAny(work, Task.Delay(200, ct)) == work;
                            Show(ctx, tasks, progress, phases, clock.Elapsed);
                            if (finished)
                            {
                                await work;
                                foreach (var task in tasks.Values)
                                {
                                    task.Value = task.MaxValue;
                                    task.StopTask();
                                }

                                break;
                            }
                        }
                    });
            }
            catch (Exception ex) when (ex is ListFormatException or InvalidDataException)
            {
                await MarkAsync(context, run.Id, VerificationRunStatus.Failed, ex.Message);
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }

            var verified = clock.Elapsed;
            await MarkAsync(context, run.Id, VerificationRunStatus.Completed, null);
            var culture = result.GetValue(english) ? CultureInfo.GetCultureInfo("en") : CultureInfo.GetCultureInfo("id");
            var reportFormat = TableReader.FormatOf(output.Name);
            await ReportWriter.WriteAsync(context, run.Id, reportFormat, output.FullName, culture, ReportWriter.HeadersFor(culture), ReportWriter.StatusNamesFor(culture), ct);
            var done = await context.VerificationRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Run {done.Id}: {done.RowCount:N0} rows: {done.ValidCount:N0} valid, {done.ReviewCount:N0} to review, {done.ProblemCount:N0} with problems, {done.DuplicateGroupCount:N0} duplicate groups; {done.ComparedPairs:N0} row pairs compared."));
            var counts = JsonSerializer.Deserialize<Dictionary<string, int>>(done.CountsJson ?? "{}") ?? [];
            foreach (var (code, count) in counts.OrderByDescending(c => c.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {code,-26} {count,10:N0}"));
            }

            var stages = string.Join(", ", phases.Select((p, i) =>
                string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {((i + 1 < phases.Count ? phases[i + 1].At : verified) - p.At).TotalSeconds:0.0} s")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Verified in {verified.TotalSeconds:0.0} s ({stages}); report {output.FullName} after {clock.Elapsed.TotalSeconds:0.0} s; CPU time {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB."));
            return 0;
        });
        return command;
    }

    private static void Show(ProgressContext ctx, Dictionary<VerificationPhase, ProgressTask> tasks, VerificationProgress progress, List<(VerificationPhase, TimeSpan)> phases, TimeSpan elapsed)
    {
        var phase = progress.Phase;
        if (phase is VerificationPhase.Waiting or VerificationPhase.Done)
        {
            return;
        }

        if (!tasks.TryGetValue(phase, out var task))
        {
            foreach (var earlier in tasks.Values)
            {
                earlier.Value = earlier.MaxValue;
                earlier.StopTask();
            }

            phases.Add((phase, elapsed));
            task = ctx.AddTask(Describe(phase), maxValue: 1);
            tasks[phase] = task;
        }

        var total = progress.Total;
        var done = progress.Done;
        if (total > 0)
        {
            task.IsIndeterminate = false;
            task.Description = Describe(phase);
            task.MaxValue = total;
            task.Value = Math.Min(done, total);
        }
        else
        {
            task.IsIndeterminate = true;
            task.Description = string.Create(CultureInfo.InvariantCulture, $"{Describe(phase)} ({done:N0})");
        }
    }

    private static string Describe(VerificationPhase phase) => phase switch
    {
        VerificationPhase.Reading => "Reading lists",
        VerificationPhase.Register => "Reading the register",
        VerificationPhase.Matching => "Matching rows",
        VerificationPhase.Saving => "Saving results",
        _ => phase.ToString(),
    };

    private static async Task MarkAsync(AdmindukDbContext context, int runId, VerificationRunStatus status, string? error)
    {
        var now = DateTimeOffset.UtcNow;
        await context.VerificationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.Phase, status == VerificationRunStatus.Completed ? VerificationPhase.Done : VerificationPhase.Reading)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.LeaseOwner, (string?)null)
            .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(r => r.Error, error));
    }

    private static bool TryParseMap(string[] values, out Dictionary<ListField, string> map, out string error)
    {
        map = [];
        error = "";
        foreach (var value in values)
        {
            var at = value.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || !Enum.TryParse<ListField>(value[..at], ignoreCase: true, out var field))
            {
                error = $"--map {value}: expected field=HEADER with field one of {string.Join(", ", Enum.GetNames<ListField>())}.";
                return false;
            }

            map[field] = value[(at + 1)..];
        }

        return true;
    }
}
