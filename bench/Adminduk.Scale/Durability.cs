using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Adminduk.Scale;

/// <summary>
/// Steady submissions through nginx while one instance is killed with SIGKILL (and started again) and later
/// PostgreSQL is crash-restarted. Each client retries a failed submission with the same Idempotency-Key until it gets
/// a receipt. Afterwards every receipt must be in the database, and every key must have exactly one application.
/// </summary>
public static class Durability
{
    public sealed record Result(
        int Clients, double Seconds, int Attempts, int Receipts, int Failures, IReadOnlyDictionary<string, int> FailuresByKind,
        int ReceiptsMissing, int KeysWithDuplicates, int KeysWithoutApplication, double KillRecoverySeconds, double DatabaseRecoverySeconds);

    public static async Task<Result> RunAsync(int clients, TimeSpan duration, int residents)
    {
        await using var cluster = await Cluster.StartAsync(residents);
        Console.WriteLine($"cluster up at {cluster.BaseAddress}; signing in {clients} citizens");
        var citizens = await Citizens.SignInAsync(cluster.BaseAddress, cluster.ConnectionString, clients, "+6281390");
        var (village, rw, rt) = await SomeRtAsync(cluster.ConnectionString);

        var receipts = new ConcurrentDictionary<string, string>(); // idempotency key -> receipt
        var failures = new ConcurrentDictionary<string, int>();
        var successTimes = new ConcurrentBag<double>();
        var attempts = 0;
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var serial = 0;

        var load = citizens.Select((client, c) => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref serial);
                var key = Guid.NewGuid().ToString("N");
                var body = Arrival(n, village, rw, rt);
                // Retry the same submission (same key, same body) until a receipt comes back.
                while (true)
                {
                    Interlocked.Increment(ref attempts);
                    var kind = await SubmitAsync(client, key, body, receipts);
                    if (kind is null)
                    {
                        successTimes.Add(watch.Elapsed.TotalSeconds);
                        break;
                    }

                    failures.AddOrUpdate(kind, 1, (_, v) => v + 1);
                    await Task.Delay(200);
                }
            }
        })).ToList();

        // The disturbances, at fixed points of the run.
        await Task.Delay(duration / 4);
        var killedAt = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"{killedAt:0.0}s kill -9 instance 2");
        await cluster.KillAppAsync(2);
        await Task.Delay(duration / 8);
        Console.WriteLine($"{watch.Elapsed.TotalSeconds:0.0}s start instance 2 again");
        await cluster.StartAppAsync(2);
        await Task.Delay(duration / 8);
        var restartedAt = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"{restartedAt:0.0}s crash-restart PostgreSQL");
        await cluster.RestartDatabaseAsync();
        var databaseBackAt = watch.Elapsed.TotalSeconds;
        await Task.WhenAll(load);
        var seconds = watch.Elapsed.TotalSeconds;

        // Recovery: from the disturbance to the first receipt after a failure that followed it.
        double Recovery(double from) => successTimes.Where(t => t > from).DefaultIfEmpty(from).Min() - from;

        var (missing, duplicates, without) = await CheckAsync(cluster.ConnectionString, receipts);
        foreach (var c in citizens)
        {
            c.Dispose();
        }

        return new Result(
            clients, seconds, attempts, receipts.Count, failures.Values.Sum(), failures.ToDictionary(), missing, duplicates, without,
            Recovery(killedAt), Math.Max(Recovery(restartedAt), databaseBackAt - restartedAt));
    }

    private static async Task<string?> SubmitAsync(HttpClient client, string key, object body, ConcurrentDictionary<string, string> receipts)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                var receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
                if (receipts.TryGetValue(key, out var earlier) && earlier != receipt)
                {
                    throw new InvalidOperationException($"Key {key} answered {earlier} and later {receipt}.");
                }

                receipts[key] = receipt;
                return null;
            }

            if ((int)response.StatusCode < 500)
            {
                throw new InvalidOperationException($"Submission refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException e)
        {
            return "connection: " + (e.HttpRequestError.ToString());
        }
        catch (TaskCanceledException)
        {
            return "timeout";
        }
    }

    internal static object Arrival(int n, string village, int rw, int rt) => new
    {
        serviceCode = "kedatangan",
        values = new Dictionary<string, string>
        {
            // Newcomers from Surabaya (35.78.01), born 1 January 1990, one serial each: never in this register.
            ["nik"] = string.Create(CultureInfo.InvariantCulture, $"357801{10 + (n / 9999 % 20):00}0190{(n % 9999) + 1:0000}"),
            ["fullName"] = string.Create(CultureInfo.InvariantCulture, $"Pendatang Uji {n}"),
            ["birthDate"] = string.Create(CultureInfo.InvariantCulture, $"{10 + (n / 9999 % 20):00}-01-1990"),
            ["birthPlace"] = "Surabaya",
            ["religion"] = "Islam",
            ["maritalStatus"] = "BelumKawin",
            ["education"] = "Slta",
            ["occupation"] = "Karyawan Swasta",
            ["originRegency"] = "35.78",
            ["skpwniNumber"] = string.Create(CultureInfo.InvariantCulture, $"SKPWNI/3578/2026/{n:000000}"),
            ["destinationKelurahan"] = village,
            ["rw"] = rw.ToString(CultureInfo.InvariantCulture),
            ["rt"] = rt.ToString(CultureInfo.InvariantCulture),
            ["address"] = "Jl. Uji Ketahanan No. 1",
            ["kkOption"] = "kk-baru",
        },
        attachments = new[] { new { code = "skpwni", fileName = "skpwni.pdf", contentBase64 = Convert.ToBase64String("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer<<>>\n%%EOF\n"u8.ToArray()) } },
    };

    internal static async Task<(string Village, int Rw, int Rt)> SomeRtAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "VillageCode", "Rw", "Rt" FROM "RtUnits" ORDER BY "Id" LIMIT 1""", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    private static async Task<(int Missing, int Duplicates, int Without)> CheckAsync(string connectionString, ConcurrentDictionary<string, string> receipts)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "IdempotencyKey", "ReceiptNumber" FROM "Applications" WHERE "ServiceCode" = 'kedatangan' AND "IdempotencyKey" IS NOT NULL""", connection);
        var stored = new List<(string Key, string? Receipt)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }
        }

        var byKey = stored.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.ToList());
        var missing = receipts.Count(r => !byKey.TryGetValue(r.Key, out var rows) || rows.All(x => x.Receipt != r.Value));
        var duplicates = byKey.Count(g => g.Value.Count > 1);
        var without = receipts.Keys.Count(k => !byKey.ContainsKey(k));
        return (missing, duplicates, without);
    }
}
