using System.Net.Http.Json;
using System.Text.Json;

namespace Adminduk.Web.Tests.Features.Applications;

/// <summary>Helpers for calling the application API the way an integrating client does.</summary>
public static class ApiClient
{
    public static readonly byte[] Pdf = [.. "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer<<>>\n%%EOF\n"u8];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];

    public static object File(string code, byte[]? content = null, string name = "berkas.pdf") =>
        new { code, fileName = name, contentBase64 = Convert.ToBase64String(content ?? Pdf) };

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string service, IDictionary<string, string?> values, IEnumerable<object>? files = null, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications")
        {
            Content = JsonContent.Create(new { serviceCode = service, values, attachments = files ?? [] }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The "errors" map of an RFC 9457 validation problem: field -> messages.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(this HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        return json.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray())
            : [];
    }

    /// <summary>The machine codes of every issue, as "field:code".</summary>
    public static async Task<List<string>> CodesAsync(this HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        return json.TryGetProperty("codes", out var codes)
            ? [.. codes.EnumerateArray().Select(c => $"{c.GetProperty("field").GetString()}:{c.GetProperty("code").GetString()}")]
            : [];
    }
}
