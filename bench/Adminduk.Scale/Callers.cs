using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Adminduk.Scale;

/// <summary>A signed-in (or anonymous) client of one role, with its cookie jar and an antiforgery token for its session.</summary>
public sealed partial class Caller(string role, Func<Cluster, Task<HttpClient>> signIn)
{
    private string? token;

    public string Role { get; } = role;

    public HttpClient Client { get; private set; } = null!;

    public async Task RenewAsync(Cluster cluster)
    {
        Client = await signIn(cluster);
        token = null;
    }

    public IEnumerable<Cookie> Cookies(Uri baseAddress) =>
        ((HttpClientHandlerAccessor)Client).Jar.GetCookies(baseAddress).Cast<Cookie>();

    public async Task<string> TokenAsync(string pagePath, CancellationToken ct)
    {
        if (token is { } cached)
        {
            return cached;
        }

        using var page = await Client.GetAsync(pagePath, ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        var match = TokenPattern().Match(html);
        if (!match.Success)
        {
            using var home = await Client.GetAsync("/Applications/Status", ct);
            match = TokenPattern().Match(await home.Content.ReadAsStringAsync(ct));
        }

        token = WebUtility.HtmlDecode(match.Groups[1].Value);
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>An HttpClient that keeps a handle on its cookie jar.</summary>
public sealed class HttpClientHandlerAccessor(CookieContainer jar, HttpMessageHandler handler) : HttpClient(handler)
{
    public CookieContainer Jar { get; } = jar;
}

public static class Callers
{
    private const string DemoPassword = "Demo#2026!";

    public static async Task<Dictionary<string, Caller>> SignInAllAsync(Cluster cluster)
    {
        var callers = new Dictionary<string, Caller>
        {
            ["anonymous"] = new("anonymous", c => Task.FromResult<HttpClient>(NewClient(c))),
            ["citizen"] = new("citizen", c => CitizenAsync(c, "+6281200000010")),
            ["rt-head"] = new("rt-head", c => PasswordAsync(c, "/Account/SignInRt", "Input.Phone", "+6281200000001")),
            ["operator"] = new("operator", c => PasswordAsync(c, "/Account/SignInStaff", "Input.UserName", "operator.bpn@adminduk.example")),
            ["supervisor"] = new("supervisor", c => PasswordAsync(c, "/Account/SignInStaff", "Input.UserName", "supervisor.bpn@adminduk.example")),
            ["administrator"] = new("administrator", c => PasswordAsync(c, "/Account/SignInStaff", "Input.UserName", "admin@adminduk.example")),
        };
        foreach (var caller in callers.Values)
        {
            await caller.RenewAsync(cluster);
        }

        return callers;
    }

    /// <summary>A real application by the citizen, so routes with a receipt have one to work on.</summary>
    public static async Task<string> SubmitOneAsync(Cluster cluster, Caller citizen)
    {
        using var response = await citizen.Client.PostAsJsonAsync("/api/applications", await ArrivalAsync(cluster));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("receipt").GetString()!;
    }

    private static async Task<object> ArrivalAsync(Cluster cluster)
    {
        var (village, rw, rt) = await Durability.SomeRtAsync(cluster.ConnectionString);
        return Durability.Arrival(424_242, village, rw, rt);
    }

    private static HttpClientHandlerAccessor NewClient(Cluster cluster)
    {
        var jar = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        return new HttpClientHandlerAccessor(jar, handler) { BaseAddress = cluster.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    private static async Task<HttpClient> PasswordAsync(Cluster cluster, string page, string field, string user)
    {
        var client = NewClient(cluster);
        var caller = new Caller("sign-in", _ => Task.FromResult<HttpClient>(client));
        await caller.RenewAsync(cluster);
        var token = await caller.TokenAsync(page, CancellationToken.None);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field] = user,
            ["Input.Password"] = DemoPassword,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync(page, form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {user} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    private static async Task<HttpClient> CitizenAsync(Cluster cluster, string phone)
    {
        var client = NewClient(cluster);
        using var sent = await client.PostAsJsonAsync("/api/auth/code", new { phone });
        sent.EnsureSuccessStatusCode();
        var code = await Citizens.LatestCodeAsync(cluster.ConnectionString, phone);
        using var verified = await client.PostAsJsonAsync("/api/auth/verify", new { phone, code });
        verified.EnsureSuccessStatusCode();
        return client;
    }
}
