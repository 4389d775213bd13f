using System.Diagnostics;

namespace Adminduk.Scale;

/// <summary>scripts/cluster.sh from C#: PostgreSQL, two app instances and nginx on loopback.</summary>
public sealed class Cluster : IAsyncDisposable
{
    private readonly string directory;
    private readonly Dictionary<string, string> environment;

    private Cluster(string directory, Dictionary<string, string> environment, Uri baseAddress, string connectionString)
    {
        this.directory = directory;
        this.environment = environment;
        BaseAddress = baseAddress;
        ConnectionString = connectionString;
    }

    public Uri BaseAddress { get; }

    /// <summary>The cluster's PostgreSQL (Npgsql connection string).</summary>
    public string ConnectionString { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<Cluster> StartAsync(int residents)
    {
        var directory = Path.Combine(Path.GetTempPath(), "adminduk-scale-" + Guid.NewGuid().ToString("N")[..8]);
        var environment = new Dictionary<string, string>
        {
            ["CONFIG"] = "Release",
            ["RESIDENTS"] = residents.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EXTRA_SETTINGS"] = Path.Combine(RepositoryRoot, "bench", "cluster.env"),
        };
        var output = await RunAsync(environment, "start", directory);
        var env = File.ReadAllLines(Path.Combine(directory, "env"))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('\''));
        // No pooling: the database is crash-restarted during runs, and a pooled connection would be dead afterwards.
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(env["PG"]) { Pooling = false }.ConnectionString;
        return new Cluster(directory, environment, new Uri(output.Trim().Split('\n')[^1]), connection);
    }

    public Task KillAppAsync(int instance) => RunAsync(environment, "kill-app", directory, instance.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StartAppAsync(int instance) => RunAsync(environment, "start-app", directory, instance.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task RestartDatabaseAsync() => RunAsync(environment, "restart-db", directory);

    public async ValueTask DisposeAsync() => await RunAsync(environment, "stop", directory);

    private static async Task<string> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, "scripts", "cluster.sh"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster.sh {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Adminduk.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
