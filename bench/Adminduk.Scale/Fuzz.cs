using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Adminduk.Scale;

/// <summary>
/// Hostile input against every API endpoint and form, signed in as every role that may use it, with valid antiforgery
/// tokens: bad JSON, wrong types, huge fields, odd Unicode, SQL and script injection, oversized and malformed uploads.
/// Expected: no 5xx, at least 80 % of each endpoint's requests reach binding and validation (not 401/403/404/429),
/// the server healthy afterwards, and no page that shows stored data opens a script dialog.
/// </summary>
public static partial class Fuzz
{
    public sealed record Outcome(bool Ok, string Markdown);

    private static readonly string[] Hostile =
    [
        "", " ", "0", "-1", "99999999999999999999", "1e309", "NaN", "true", "null",
        "' OR '1'='1", "'; DROP TABLE \"Applications\"; --", "1; SELECT pg_sleep(5)--", "\" OR \"\"=\"",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
        "{{7*7}}", "${7*7}", "../../../../etc/passwd", "%00", "\u0000", "\u202Eevil\u202C", "\u200B\u200B", "Ｎ Ｉ Ｋ",
        "𝕬𝖉𝖒𝖎𝖓𝖉𝖚𝖐 👩‍👩‍👧", "\uFEFFbom", "ÄÖÜ ẞ ǅ", "6471050101900001", "6471055001900001", "3578011001900001",
        "2026-11-23", "23-11-2026", "31-02-2026", "+6281200000010", "08123", "BPN-20261123-AAAAAAAA", "kk-perubahan",
        new string('A', 5000), new string('9', 300),
    ];

    private static readonly string HugeField = new('x', 1_200_000);

    public static async Task<Outcome> RunAsync(int total, int residents)
    {
        await using var cluster = await Cluster.StartAsync(residents);
        var callers = await Callers.SignInAllAsync(cluster);
        var receipt = await Callers.SubmitOneAsync(cluster, callers["citizen"]);
        var endpoints = await DiscoverAsync(cluster, callers, receipt);
        Console.WriteLine($"{endpoints.Count} endpoints to fuzz: {endpoints.Count(e => e.Api)} API, {endpoints.Count(e => !e.Api)} forms");

        var stats = new ConcurrentDictionary<string, EndpointStats>();
        var sent = 0;
        var random = new ThreadLocal<Random>(() => new Random(Environment.CurrentManagedThreadId * 7919));
        var started = DateTime.UtcNow;
        async Task SendOneAsync(int i, CancellationToken ct)
        {
            var endpoint = endpoints[i % endpoints.Count];
            var role = endpoint.Roles[(i / endpoints.Count) % endpoint.Roles.Count];
            var caller = callers[role];
            var s = stats.GetOrAdd(endpoint.Name, _ => new EndpointStats());
            var (status, location) = await SendAsync(caller, endpoint, random.Value!, ct);
            s.Record(status, location);
            if (Interlocked.Increment(ref sent) % 10_000 == 0)
            {
                Console.WriteLine($"{sent} requests, {(DateTime.UtcNow - started).TotalSeconds:0} s");
            }

            if (endpoint.SignsOut)
            {
                await caller.RenewAsync(cluster);
            }
        }

        // Signing out ends the session the other requests of that role use: those requests go last, one at a time.
        var all = Enumerable.Range(0, total).ToList();
        await Parallel.ForEachAsync(all.Where(i => !endpoints[i % endpoints.Count].SignsOut), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) => await SendOneAsync(i, ct));
        foreach (var i in all.Where(i => endpoints[i % endpoints.Count].SignsOut))
        {
            await SendOneAsync(i, CancellationToken.None);
        }

        var seconds = (DateTime.UtcNow - started).TotalSeconds;

        using var health = new HttpClient { BaseAddress = cluster.BaseAddress };
        var healthy = (await health.GetAsync("/health")).IsSuccessStatusCode;
        var dialogs = await OpenPagesAsync(cluster, callers, receipt);

        var rows = stats.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var serverErrors = rows.Sum(r => r.Value.ServerErrors);
        var below = rows.Where(r => r.Value.ReachedShare < 0.8).ToList();
        var ok = serverErrors == 0 && healthy && dialogs.Count == 0 && below.Count == 0;
        var md = new StringBuilder();
        md.AppendLine("## Hostile input: fuzzing every endpoint and form");
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd}, {Report.Machine()}. `dotnet run -c Release --project bench/Adminduk.Scale -- fuzz`: {sent:N0} requests in {seconds:0} s through nginx to two instances, 8 at a time, over {endpoints.Count} endpoints and forms, each as every role allowed to use it (valid sessions and antiforgery tokens). Reached = answered by binding/validation or the handler, not 401/403/404/429 or a redirect to sign-in."));
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Result: {serverErrors} server errors (5xx); health afterwards {(healthy ? "OK" : "FAILED")}; script dialogs on pages with stored data: {dialogs.Count}{(dialogs.Count > 0 ? " (" + string.Join(", ", dialogs) + ")" : "")}; endpoints under 80 % reached: {below.Count}{(below.Count > 0 ? " (" + string.Join(", ", below.Select(b => b.Key)) + ")" : "")}. {(ok ? "Passed." : "FAILED.")}"));
        md.AppendLine();
        md.AppendLine("| endpoint | requests | reached | 2xx/3xx | 400/422 | 401/403/404/429 | 413/415 | 5xx |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var (name, s) in rows)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{name}` | {s.Total} | {s.ReachedShare:P0} | {s.Success} | {s.Invalid} | {s.Refused} | {s.TooLarge} | {s.ServerErrors} |"));
        }

        return new Outcome(ok, md.ToString());
    }

    private sealed class EndpointStats
    {
        private int total, success, invalid, refused, tooLarge, serverErrors;

        public int Total => total;

        public int Success => success;

        public int Invalid => invalid;

        public int Refused => refused;

        public int TooLarge => tooLarge;

        public int ServerErrors => serverErrors;

        public double ReachedShare => total == 0 ? 0 : (double)(total - refused) / total;

        public void Record(int status, string? location)
        {
            Interlocked.Increment(ref total);
            var toSignIn = location is not null && (location.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase)
                || location.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase) || location.Contains("/CitizenAccount/SignIn", StringComparison.OrdinalIgnoreCase));
            if (status is 401 or 403 or 404 or 429 || toSignIn)
            {
                Interlocked.Increment(ref refused);
            }
            else if (status >= 500 || status == 0)
            {
                Interlocked.Increment(ref serverErrors);
            }
            else if (status is 413 or 415)
            {
                Interlocked.Increment(ref tooLarge);
            }
            else if (status is 400 or 422 or 409)
            {
                Interlocked.Increment(ref invalid);
            }
            else
            {
                Interlocked.Increment(ref success);
            }
        }
    }

    /// <summary>One API operation or one form, with the roles that may use it.</summary>
    private sealed record Endpoint(string Name, bool Api, string Method, string Path, IReadOnlyList<string> Roles, JsonObject? Schema, FormSpec? Form, bool SignsOut);

    private sealed record FormSpec(string Action, bool Multipart, IReadOnlyList<string> Fields, IReadOnlyList<string> Files);

    private static async Task<(int Status, string? Location)> SendAsync(Caller caller, Endpoint endpoint, Random random, CancellationToken ct)
    {
        try
        {
            using var request = endpoint.Api ? ApiRequest(endpoint, random) : await FormRequestAsync(caller, endpoint, random, ct);
            using var response = await caller.Client.SendAsync(request, ct);
            return ((int)response.StatusCode, response.Headers.Location?.ToString());
        }
        catch (HttpRequestException)
        {
            return (0, null);
        }
        catch (TaskCanceledException)
        {
            return (0, null);
        }
    }

    private static HttpRequestMessage ApiRequest(Endpoint endpoint, Random random)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), FillPath(endpoint.Path, random));
        if (endpoint.Method is "GET" or "DELETE")
        {
            return request;
        }

        request.Headers.Add("Idempotency-Key", random.Next(4) == 0 ? Pick(random) : Guid.NewGuid().ToString("N"));
        var body = random.Next(10) switch
        {
            0 => "{\"serviceCode\": \"kk-perubahan\", \"values\": {", // truncated
            1 => "not json at all <script>",
            2 => "[1,2,3]",
            3 => "{\"values\": \"" + HugeField + "\"}",
            _ => MutateObject(endpoint.Schema, random).ToJsonString(),
        };
        request.Content = new StringContent(body, Encoding.UTF8, random.Next(20) == 0 ? "text/plain" : "application/json");
        return request;
    }

    private static JsonNode MutateObject(JsonObject? schema, Random random)
    {
        var result = new JsonObject();
        var properties = schema?["properties"] as JsonObject;
        foreach (var (name, property) in properties ?? [])
        {
            if (random.Next(8) == 0)
            {
                continue; // missing
            }

            result[name] = MutateValue(property as JsonObject, random, depth: 0);
        }

        if (random.Next(6) == 0)
        {
            result["unexpected"] = Pick(random);
        }

        return result;
    }

    private static JsonNode? MutateValue(JsonObject? schema, Random random, int depth)
    {
        var type = schema?["type"]?.ToString() ?? "";
        switch (random.Next(12))
        {
            case 0: return null;
            case 1: return random.Next(1_000_000) - 500_000;
            case 2: return new JsonArray(Pick(random), Pick(random));
            case 3: return new JsonObject { ["x"] = Pick(random) };
            case 4: return random.Next(2) == 0;
        }

        if (depth < 2 && type.Contains("object", StringComparison.Ordinal))
        {
            var o = new JsonObject();
            foreach (var key in new[] { "nik", "kkNumber", "birthDate", "fullName", "reason", "address", Pick(random) })
            {
                o[key] = Pick(random);
            }

            return o;
        }

        if (depth < 2 && type.Contains("array", StringComparison.Ordinal))
        {
            return new JsonArray(new JsonObject { ["code"] = Pick(random), ["fileName"] = Pick(random), ["contentBase64"] = random.Next(3) == 0 ? "!!not base64!!" : Convert.ToBase64String(Upload(random)) });
        }

        return Pick(random);
    }

    private static async Task<HttpRequestMessage> FormRequestAsync(Caller caller, Endpoint endpoint, Random random, CancellationToken ct)
    {
        var token = await caller.TokenAsync(endpoint.Path, ct);
        var form = endpoint.Form!;
        var fields = form.Fields.Where(_ => random.Next(10) != 0).Select(f => KeyValuePair.Create(f, random.Next(25) == 0 ? HugeField : Pick(random))).ToList();
        fields.Add(KeyValuePair.Create("__RequestVerificationToken", token));
        var request = new HttpRequestMessage(HttpMethod.Post, form.Action);
        if (form.Multipart)
        {
            var content = new MultipartFormDataContent();
            foreach (var (k, v) in fields)
            {
                content.Add(new StringContent(v), k);
            }

            foreach (var file in form.Files)
            {
                var bytes = Upload(random);
                var part = new ByteArrayContent(bytes);
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(random.Next(2) == 0 ? "application/pdf" : "image/jpeg");
                content.Add(part, file, Pick(random) is { Length: > 0 and < 200 } name ? name + ".pdf" : "berkas.pdf");
            }

            request.Content = content;
        }
        else
        {
            request.Content = new FormUrlEncodedContent(fields);
        }

        return request;
    }

    private static byte[] Upload(Random random) => random.Next(6) switch
    {
        0 => new byte[11 * 1024 * 1024], // over the 10 MB request limit
        1 => [],
        2 => "<html><script>alert(1)</script></html>"u8.ToArray(), // claims to be a PDF
        3 => [.. "%PDF-1.7\n"u8, .. Enumerable.Repeat((byte)0xFF, 3 * 1024 * 1024)], // PDF header, over the 2 MB file limit
        4 => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10], // a truncated JPEG
        _ => "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
    };

    private static string Pick(Random random) => Hostile[random.Next(Hostile.Length)];

    private static string FillPath(string path, Random random) =>
        PathHole().Replace(path, m => Uri.EscapeDataString(Pick(random)));

    [GeneratedRegex(@"\{fuzz\}")]
    private static partial Regex PathHole();

    /// <summary>API operations from the OpenAPI document; forms from the pages the route table lists.</summary>
    private static async Task<List<Endpoint>> DiscoverAsync(Cluster cluster, IReadOnlyDictionary<string, Caller> callers, string receipt)
    {
        var routes = RouteTable.Load();
        var endpoints = new List<Endpoint>();
        using var anonymous = new HttpClient { BaseAddress = cluster.BaseAddress };
        var openApi = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var schemas = openApi["components"]?["schemas"] as JsonObject;
        foreach (var route in routes.Where(r => r.Route.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var operation = openApi["paths"]?[route.Route]?[route.Method.ToLowerInvariant()] as JsonObject;
            var schemaRef = operation?["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.ToString();
            var schema = schemaRef is null ? null : schemas?[schemaRef.Split('/')[^1]] as JsonObject;
            endpoints.Add(new Endpoint($"{route.Method} {route.Route}", true, route.Method, Concrete(route.Route, receipt), route.Allowed, schema, null, false));
        }

        foreach (var route in routes.Where(r => r.Method == "POST" && !r.Route.StartsWith("/api/", StringComparison.Ordinal) && r.Route != "/health"))
        {
            var path = Concrete(route.Route, receipt);
            var caller = callers[route.Allowed[0]];
            using var page = await caller.Client.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            foreach (var form in Forms(html, path))
            {
                endpoints.Add(new Endpoint($"POST {form.Action}", false, "POST", path, route.Allowed, null, form, route.Route.Contains("SignOut", StringComparison.Ordinal)));
            }
        }

        return endpoints.Where(e => e.Roles.Count > 0).ToList();
    }

    private static string Concrete(string route, string receipt) => route
        .Replace("{receipt}", receipt, StringComparison.Ordinal)
        .Replace("{office}", "BPN", StringComparison.Ordinal)
        .Replace("{officeCode}", "BPN", StringComparison.Ordinal)
        .Replace("{code}", "kk-perubahan", StringComparison.Ordinal)
        .Replace("{serviceCode}", "kk-perubahan", StringComparison.Ordinal)
        .Replace("{nik}", "{fuzz}", StringComparison.Ordinal);

    private static IEnumerable<FormSpec> Forms(string html, string pagePath)
    {
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = form.Groups[1].Value;
            if (!attributes.Contains("post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = ActionPattern().Match(attributes) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : pagePath;
            if (!action.StartsWith('/'))
            {
                continue;
            }

            var inputs = NamePattern().Matches(form.Groups[2].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
                .Where(n => n != "__RequestVerificationToken").Distinct().ToList();
            var files = FilePattern().Matches(form.Groups[2].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
            yield return new FormSpec(action, attributes.Contains("multipart", StringComparison.OrdinalIgnoreCase), inputs.Except(files).ToList(), files);
        }
    }

    [GeneratedRegex("<form([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("action=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<(?:input|select|textarea|button)[^>]*?name=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();

    [GeneratedRegex("<input[^>]*?type=\"file\"[^>]*?name=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FilePattern();

    /// <summary>Every page a role may open, in Chromium; any alert/confirm/prompt means stored input ran as script.</summary>
    private static async Task<List<string>> OpenPagesAsync(Cluster cluster, IReadOnlyDictionary<string, Caller> callers, string receipt)
    {
        var dialogs = new List<string>();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var pages = RouteTable.Load().Where(r => r.Method == "GET" && !r.Route.StartsWith("/api/", StringComparison.Ordinal)
            && !r.Route.StartsWith("/scalar", StringComparison.Ordinal) && !r.Route.StartsWith("/openapi", StringComparison.Ordinal)
            && r.Route != "/health" && !r.Route.Contains("SignOut", StringComparison.Ordinal) && !r.Route.Contains("Attachment", StringComparison.Ordinal)).ToList();
        foreach (var (role, caller) in callers)
        {
            await using var context = await browser.NewContextAsync();
            await context.AddCookiesAsync(caller.Cookies(cluster.BaseAddress).Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Url = cluster.BaseAddress.ToString() }));
            var page = await context.NewPageAsync();
            string current = "";
            page.Dialog += async (_, dialog) =>
            {
                lock (dialogs)
                {
                    dialogs.Add($"{role} {current}: {dialog.Message}");
                }

                await dialog.DismissAsync();
            };
            foreach (var route in pages.Where(p => p.Allowed.Contains(role)))
            {
                current = Concrete(route.Route, receipt);
                await page.GotoAsync(new Uri(cluster.BaseAddress, current).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
            }
        }

        Console.WriteLine($"opened {pages.Count} page routes as every role allowed; {dialogs.Count} dialogs");
        return dialogs;
    }
}
