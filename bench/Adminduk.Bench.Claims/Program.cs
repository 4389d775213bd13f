using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Take-next throughput on PostgreSQL with several app instances (own service provider and connection pool each).
//   dotnet run -c Release --project bench/Adminduk.Bench.Claims -- --connection "Host=...;Username=postgres;Database=postgres"
//     [--applications 5000] [--operators 20] [--instances 2] [--runs 3]
// The connection names a server; the bench creates and drops its own database there.
var options = Options.Parse(args);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"take-next on PostgreSQL: {options.Applications} applications, {options.Operators} operators on {options.Instances} instances, {options.Runs} runs"));
Console.WriteLine("| run | claims | seconds | claims/s (take + approve) | take-next p50 ms | p95 ms | p99 ms |");
Console.WriteLine("|---|---|---|---|---|---|---|");
var results = new List<double>();
for (var run = 1; run <= options.Runs; run++)
{
    var result = await Bench.RunAsync(options);
    results.Add(result.ClaimsPerSecond);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {run} | {result.Claims} | {result.Seconds:0.0} | {result.ClaimsPerSecond:0} | {result.P50:0.0} | {result.P95:0.0} | {result.P99:0.0} |"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median claims/s: {results.Order().ElementAt(results.Count / 2):0}"));

internal sealed record Options(string Connection, int Applications, int Operators, int Instances, int Runs)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var connection = Value("--connection") ?? Environment.GetEnvironmentVariable("ADMINDUK_TEST_POSTGRES")
            ?? throw new ArgumentException("--connection (a PostgreSQL server) is required; scripts/pg-cluster.sh start DIR prints one.");
        return new Options(connection, Number("--applications", 5000), Number("--operators", 20), Number("--instances", 2), Number("--runs", 3));
    }
}

internal sealed record RunResult(int Claims, double Seconds, double P50, double P95, double P99)
{
    public double ClaimsPerSecond => Claims / Seconds;
}

internal static class Bench
{
    public static async Task<RunResult> RunAsync(Options options)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(options.Connection, $"CREATE DATABASE {name}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(options.Connection) { Database = name }.ConnectionString;
            var (officeId, operators) = await SeedAsync(connection, options);
            var instances = Enumerable.Range(0, options.Instances).Select(i => Build(connection, $"bench-{i}", options)).ToList();
            var latencies = new ConcurrentBag<double>();
            var claims = 0;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(operators.Select((id, i) => Task.Run(async () =>
            {
                var services = instances[i % instances.Count];
                var who = new StaffMember(id, $"operator{i}", $"Operator {i}", officeId, false, false);
                while (true)
                {
                    var take = Stopwatch.StartNew();
                    var taken = await InScopeAsync(services, sp => sp.GetRequiredService<ClaimQueue>().TakeNextAsync(who, CancellationToken.None));
                    latencies.Add(take.Elapsed.TotalMilliseconds);
                    if (taken.Application is not { } application)
                    {
                        return;
                    }

                    Interlocked.Increment(ref claims);
                    var decided = await InScopeAsync(services, sp => sp.GetRequiredService<DecisionService>()
                        .DecideAsync(who, new DecisionRequest(application.Id, application.Version, DecisionKind.Approve), CancellationToken.None));
                    if (decided.Outcome != DecisionOutcome.Done)
                    {
                        throw new InvalidOperationException($"Decision on {application.Id}: {decided.Outcome}");
                    }
                }
            })));
            watch.Stop();
            foreach (var services in instances)
            {
                await services.DisposeAsync();
            }

            if (claims != options.Applications)
            {
                throw new InvalidOperationException($"{claims} claims for {options.Applications} applications.");
            }

            var sorted = latencies.Order().ToList();
            double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count), 1, sorted.Count) - 1];
            return new RunResult(claims, watch.Elapsed.TotalSeconds, Percentile(50), Percentile(95), Percentile(99));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(options.Connection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static ServiceProvider Build(string connection, string instance, Options options)
    {
        var perInstance = new NpgsqlConnectionStringBuilder(connection)
        {
            ApplicationName = instance,
            MaxPoolSize = Math.Max(10, options.Operators / options.Instances + 5),
        }.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Adminduk"] = perInstance,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAdmindukDatabase(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddAdmindukAudit();
        services.AddScoped<Outbox>();
        services.AddAdmindukBackOffice(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<T> InScopeAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task<(int OfficeId, IReadOnlyList<Guid> Operators)> SeedAsync(string connection, Options options)
    {
        await using var db = DatabaseSetup.CreateContext(DatabaseProvider.Postgres, connection);
        await db.Database.MigrateAsync();
        var office = new Office { Code = "BPN", Name = "Disdukcapil Kota Balikpapan", RegencyCode = "64.71", TimeZoneId = "Asia/Makassar" };
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        var users = Enumerable.Range(0, options.Operators).Select(i => new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = $"operator{i}",
            NormalizedUserName = $"OPERATOR{i}",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            FullName = $"Operator {i}",
            OfficeId = office.Id,
        }).ToList();
        db.Users.AddRange(users);
        var calendar = await OfficeCalendars.ForAsync(db, office, CancellationToken.None);
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        db.Applications.AddRange(Enumerable.Range(0, options.Applications).Select(i =>
        {
            var at = start.AddSeconds(i);
            return new Application
            {
                ReceiptNumber = ReceiptNumber.Generate(office.Code, calendar.LocalDate(at)),
                OfficeId = office.Id,
                ServiceCode = i % 3 == 0 ? "kk-perubahan" : "ktp-penggantian",
                Status = ApplicationStatus.Queued,
                ApplicantUserId = Guid.NewGuid(),
                FormJson = "{}",
                CreatedAt = at,
                UpdatedAt = at,
                SubmittedAt = at,
                QueuedAt = at,
                BatchDay = calendar.BatchDay(at),
            };
        }));
        await db.SaveChangesAsync();
        return (office.Id, [.. users.Select(u => u.Id)]);
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync();
    }
}
