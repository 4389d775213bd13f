using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Adminduk.Web.Data;
using Adminduk.Web.Features.CitizenAccount;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.CitizenAccount;

/// <summary>Citizen sign-in steps as a browser (pages) or an app (JSON) takes them, and the codes read from the outbox.</summary>
internal static class CitizenTestData
{
    public const string Phone = "+6281234567890";

    /// <summary>
    /// The app with the outbox dispatcher off: tests read codes from the outbox rows, and a running dispatcher polls
    /// once per simulated second, so advancing the fake clock by hours would run thousands of passes.
    /// </summary>
    public static Task<AppFactory> CreateAppAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool kestrel = false)
    {
        var all = new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return AppFactory.CreateAsync(provider, all, kestrel);
    }

    public static Task<HttpResponseMessage> PostPhoneAsync(HttpClient client, string phone, string? returnUrl = null) =>
        client.PostFormAsync(
            CitizenPaths.SignIn + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl)),
            new Dictionary<string, string> { ["Input.Phone"] = phone });

    public static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string phone, string code, string? returnUrl = null)
    {
        var page = CodePage(phone, returnUrl);
        return client.PostFormAsync(page, new Dictionary<string, string> { ["Phone"] = phone, ["Input.Code"] = code, ["ReturnUrl"] = returnUrl ?? "" });
    }

    public static string CodePage(string phone, string? returnUrl = null) =>
        CitizenPaths.Code + "?Phone=" + Uri.EscapeDataString(phone) + (returnUrl is null ? "" : "&ReturnUrl=" + Uri.EscapeDataString(returnUrl));

    /// <summary>The code of the newest message to <paramref name="phone"/>, read from the outbox payload as a developer would read the log.</summary>
    public static async Task<string> LatestCodeAsync(AppFactory app, string phone)
    {
        await using var db = app.Database.NewContext();
        var payload = await db.OutboxMessages.Where(m => m.Recipient == phone).OrderByDescending(m => m.Id).Select(m => m.PayloadJson).FirstAsync();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(payload)!["code"];
    }

    /// <summary>A six-digit code that is not <paramref name="code"/>.</summary>
    public static string Other(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Signs in through the pages (phone, then the code from the outbox) and returns the client holding the cookie.</summary>
    public static async Task<HttpClient> SignInAsync(AppFactory app, string phone = Phone)
    {
        var client = app.CreateClient(cookies: null);
        using var sent = await PostPhoneAsync(client, phone);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        using var signedIn = await PostCodeAsync(client, phone, await LatestCodeAsync(app, phone));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        return client;
    }

    public static async Task<AppUser> UserAsync(AppFactory app, string phone = Phone)
    {
        await using var db = app.Database.NewContext();
        return await db.Users.SingleAsync(u => u.UserName == phone);
    }

    public static async Task<List<AuditEntry>> AuditAsync(AppFactory app)
    {
        await using var db = app.Database.NewContext();
        return await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());
}
