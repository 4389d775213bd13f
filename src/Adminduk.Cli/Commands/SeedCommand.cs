using System.CommandLine;
using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Seeding;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Adminduk.Cli.Commands;

/// <summary>
/// `adminduk seed`: migrates the database, then builds the demo city (Balikpapan and Palembang) into it.
/// Refuses a database that already has offices, so it never mixes demo rows into real data.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var db = new DatabaseOptions();
        var residents = new Option<int>("--residents")
        {
            Description = $"Living residents of Balikpapan ({SeedOptions.FullCityResidents} is the full city)",
            DefaultValueFactory = _ => SeedOptions.DefaultResidents,
        };
        var palembang = new Option<int?>("--palembang-residents")
        {
            Description = "Living residents of Palembang (default: 5 % of --residents, at least three per RT)",
        };
        var seed = new Option<int>("--random-seed")
        {
            Description = "The same seed on the same day yields the same city",
            DefaultValueFactory = _ => SeedOptions.DefaultRandomSeed,
        };
        var command = new Command("seed", "Build the demo city (Balikpapan and Palembang) into an empty database");
        command.Options.Add(residents);
        command.Options.Add(palembang);
        command.Options.Add(seed);
        db.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var (provider, connectionString) = db.Resolve(result);
            var options = new SeedOptions
            {
                Residents = result.GetValue(residents),
                PalembangResidents = result.GetValue(palembang),
                RandomSeed = result.GetValue(seed),
            };
            if (options.Residents < 1 || options.PalembangResidents < 1)
            {
                await Console.Error.WriteLineAsync("--residents and --palembang-residents must be positive.");
                return 2;
            }

            await using var context = DatabaseSetup.CreateContext(provider, connectionString);
            await context.Database.MigrateAsync(ct);
            if (await context.Offices.AnyAsync(ct))
            {
                await Console.Error.WriteLineAsync("The database already has offices: seed only an empty database (drop it, or point --connection elsewhere).");
                return 1;
            }

            var seeder = new DemoCitySeeder(TimeProvider.System);
            SeedResult? seeded = null;
            // When each stage started, to show where the time goes.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var started = new List<(string Stage, TimeSpan At)>();
            try
            {
                await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                        var progress = new ImmediateProgress(p =>
                        {
                            if (!tasks.TryGetValue(p.Stage, out var task))
                            {
                                started.Add((p.Stage, clock.Elapsed));
                                task = ctx.AddTask(p.Stage, maxValue: Math.Max(1, p.Total));
                                tasks[p.Stage] = task;
                            }

                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Total == 0 ? 1 : p.Done;
                        });
                        seeded = await seeder.SeedAsync(context, options, progress, ct);
                        started.Add(("", clock.Elapsed));
                    });
            }
            catch (ArgumentOutOfRangeException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            var s = seeded!;
            var table = new Table().AddColumn("Rows").AddColumn(new TableColumn("Count").RightAligned());
            foreach (var (name, count) in new (string, int)[]
            {
                ("Regions", s.Regions), ("RT units", s.RtUnits), ("Households (KK)", s.Households), ("Residents", s.Residents),
                ("  living", s.LivingResidents), ("Population events", s.PopulationEvents), ("Accounts", s.Accounts),
            })
            {
                table.AddRow(name, count.ToString("N0", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            var stages = new Table().AddColumn("Stage").AddColumn(new TableColumn("Seconds").RightAligned());
            for (var i = 0; i + 1 < started.Count; i++)
            {
                stages.AddRow(started[i].Stage, (started[i + 1].At - started[i].At).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(stages);
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"{provider}: seeded in [bold]{s.Elapsed.TotalSeconds:F1} s[/] ({s.TotalRows / Math.Max(0.001, s.Elapsed.TotalSeconds):N0} rows/s)."));
            return 0;
        });
        return command;
    }

    /// <summary>Reports on the caller's thread at once (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class ImmediateProgress(Action<SeedProgress> report) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => report(value);
    }
}
