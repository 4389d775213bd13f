extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Rt;
using Adminduk.Web.Features.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Npgsql;

// The RT dashboard's server-side latency with the full demo city in PostgreSQL.
//   dotnet run -c Release --project bench/Adminduk.Bench.Dashboard -- --connection "Host=...;Username=postgres;Database=postgres"
//     [--residents 704110] [--rts 300] [--rounds 3] [--database NAME (reuse a seeded database, else a new one is created and dropped)]
// The real app is hosted in-process (TestServer, no network) and each sampled RT's head requests GET /Rt one request at a
// time: authentication, the head's RT lookup, the dashboard queries, the audit insert and the page with its SVG charts.
var options = Options.Parse(args);
var database = options.Database ?? "bench_dashboard_" + Guid.NewGuid().ToString("N")[..8];
var created = options.Database is null;
var connection = new NpgsqlConnectionStringBuilder(options.Connection) { Database = database, MaxPoolSize = 20 }.ConnectionString;
if (created)
{
    await ExecuteAsync(options.Connection, $"CREATE DATABASE {database}");
}

try
{
    if (created)
    {
        await using var db = DatabaseSetup.CreateContext(DatabaseProvider.Postgres, connection);
        await db.Database.MigrateAsync();
        var seedWatch = Stopwatch.StartNew();
        var seeded = await new DemoCitySeeder(TimeProvider.System).SeedAsync(db, new SeedOptions { Residents = options.Residents });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seeded {seeded.Residents:N0} residents ({seeded.LivingResidents:N0} living), {seeded.Households:N0} households, {seeded.PopulationEvents:N0} events, {seeded.RtUnits:N0} RT in {seedWatch.Elapsed.TotalSeconds:0.0} s"));
    }

    // The app's content root (pages, static files) for WebApplicationFactory, found from this program's output folder.
    var root = new DirectoryInfo(AppContext.BaseDirectory);
    while (root is not null && !File.Exists(Path.Combine(root.FullName, "Adminduk.slnx")))
    {
        root = root.Parent;
    }

    Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ADMINDUK_WEB", Path.Combine(root!.FullName, "src", "Adminduk.Web"));
    await using var app = new BenchApp(connection);
    var heads = await app.RtHeadsAsync(options.Rts);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{heads.Count} RT heads sampled across Balikpapan; {options.Rounds} rounds; warm-up: one round over 20 RT"));
    var clients = new List<HttpClient>();
    foreach (var head in heads)
    {
        clients.Add(await app.ClientAsync(head));
    }

    foreach (var client in clients.Take(20))
    {
        await GetAsync(client);
    }

    var times = new List<double>();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var round = 0; round < options.Rounds; round++)
    {
        foreach (var client in clients)
        {
            times.Add(await GetAsync(client));
        }
    }

    var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / times.Count;

    // The dashboard's database work alone (the same calls the page makes), on the read-only context.
    var reader = app.Services.GetRequiredService<ReadOnlyDatabase>();
    var queries = new List<double>();
    var queryCpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var round = 0; round < options.Rounds; round++)
    {
        foreach (var head in heads)
        {
            var watch = Stopwatch.StartNew();
            await using var read = reader.CreateContext();
            var area = await RtDashboardQuery.AreaAsync(read, head.RtUnitId!.Value, DateTimeOffset.UtcNow, CancellationToken.None);
            await RtDashboardQuery.LoadAsync(read, area!, CancellationToken.None);
            queries.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    var queryCpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - queryCpu).TotalMilliseconds / queries.Count;
    Console.WriteLine("| measured | requests | mean ms | p50 ms | p95 ms | p99 ms | max ms |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    Console.WriteLine(Row("GET /Rt (whole request, in-process)", times));
    Console.WriteLine(Row("dashboard queries only", queries));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"app CPU per GET /Rt: {cpuPerRequest:0.0} ms, per dashboard query set: {queryCpuPerCall:0.0} ms; load average at the end: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
    foreach (var client in clients)
    {
        client.Dispose();
    }
}
finally
{
    if (created && !options.Keep)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(options.Connection, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }
    else
    {
        Console.WriteLine($"database kept: {database}");
    }
}

static string Row(string what, List<double> times)
{
    times.Sort();
    double P(double p) => times[Math.Clamp((int)Math.Ceiling(p / 100 * times.Count), 1, times.Count) - 1];
    return string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {times.Count} | {times.Average():0.0} | {P(50):0.0} | {P(95):0.0} | {P(99):0.0} | {times[^1]:0.0} |");
}

static async Task<double> GetAsync(HttpClient client)
{
    var watch = Stopwatch.StartNew();
    using var response = await client.GetAsync("/Rt");
    var html = await response.Content.ReadAsStringAsync();
    var elapsed = watch.Elapsed.TotalMilliseconds;
    if (response.StatusCode != HttpStatusCode.OK || !html.Contains("data-figure=\"residents\"", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"GET /Rt answered {(int)response.StatusCode} without the dashboard.");
    }

    return elapsed;
}

static async Task ExecuteAsync(string server, string sql)
{
    await using var connection = new NpgsqlConnection(server);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

internal sealed record Options(string Connection, int Residents, int Rts, int Rounds, string? Database, bool Keep)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var connection = Value("--connection") ?? Environment.GetEnvironmentVariable("ADMINDUK_TEST_POSTGRES")
            ?? throw new ArgumentException("--connection (a PostgreSQL server) is required; scripts/pg-cluster.sh start DIR prints one.");
        return new Options(connection, Number("--residents", SeedOptions.FullCityResidents), Number("--rts", 300), Number("--rounds", 3),
            Value("--database") is { Length: > 0 } name ? name : null, args.Contains("--keep"));
    }
}

/// <summary>The web app on the seeded database, in-process, with the demo seed off.</summary>
internal sealed class BenchApp(string connection) : WebApplicationFactory<web::Program>
{
    /// <summary>Heads of RTs spread evenly over Balikpapan's RT ids; their first-password requirement is lifted (bench database only).</summary>
    public async Task<IReadOnlyList<AppUser>> RtHeadsAsync(int count)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        var heads = await (
                from u in db.Users
                join rt in db.RtUnits on u.RtUnitId equals rt.Id
                where rt.VillageCode.StartsWith("64.71.")
                orderby rt.Id
                select u)
            .ToListAsync();
        var step = Math.Max(heads.Count / Math.Max(count, 1), 1);
        var sample = heads.Where((_, i) => i % step == 0).Take(count).ToList();
        foreach (var head in sample)
        {
            head.MustChangePassword = false;
        }

        await db.SaveChangesAsync();
        return sample;
    }

    public async Task<HttpClient> ClientAsync(AppUser user)
    {
        await using var scope = Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        signIn.Context = context;
        await signIn.SignInAsync((await signIn.UserManager.FindByIdAsync(user.Id.ToString()))!, isPersistent: false);
        var jar = new CookieContainer();
        foreach (var cookie in SetCookieHeaderValue.ParseList([.. context.Response.Headers.SetCookie.OfType<string>()]))
        {
            jar.Add(new Uri("http://localhost"), new Cookie(cookie.Name.ToString(), cookie.Value.ToString(), "/"));
        }

        return CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Adminduk", connection);
        builder.UseSetting("Seed:OnStartup", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
    }
}
