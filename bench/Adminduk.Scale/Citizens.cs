using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Adminduk.Scale;

/// <summary>Citizens signed in through the real one-time-code flow; the code is read from the outbox like a phone would receive it.</summary>
public static class Citizens
{
    public static async Task<List<HttpClient>> SignInAsync(Uri baseAddress, string connectionString, int count, string phonePrefix)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            var phone = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{phonePrefix}{i:0000}");
            var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
            var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            using var sent = await client.PostAsJsonAsync("/api/auth/code", new { phone });
            sent.EnsureSuccessStatusCode();
            var code = await LatestCodeAsync(connectionString, phone);
            using var verified = await client.PostAsJsonAsync("/api/auth/verify", new { phone, code });
            verified.EnsureSuccessStatusCode();
            clients.Add(client);
        }

        return clients;
    }

    internal static async Task<string> LatestCodeAsync(string connectionString, string phone)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "PayloadJson" FROM "OutboxMessages" WHERE "Recipient" = @phone ORDER BY "Id" DESC LIMIT 1""", connection);
        command.Parameters.AddWithValue("phone", phone);
        var payload = (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No code sent to {phone}.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(payload)!["code"];
    }
}
