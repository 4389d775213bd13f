using System.Net;
using System.Text.RegularExpressions;

namespace Adminduk.Web.Tests.Infrastructure;

/// <summary>Posting Razor Pages forms the way a browser does: read the antiforgery token from the page, then post.</summary>
public static partial class AppFactoryForms
{
    /// <summary>GETs <paramref name="pagePath"/> and returns the antiforgery token of its first form.</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string pagePath)
    {
        using var response = await client.GetAsync(pagePath);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {pagePath} answered {(int)response.StatusCode}, not a form page.");
        }

        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {pagePath}.");
    }

    /// <summary>Posts <paramref name="fields"/> to the form page <paramref name="pagePath"/> with a token read from <paramref name="tokenPage"/> (default: the same page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pagePath, IReadOnlyDictionary<string, string> fields, string? tokenPage = null)
    {
        var token = await client.GetAntiforgeryTokenAsync(tokenPage ?? pagePath);
        var body = fields.Append(KeyValuePair.Create("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(body);
        return await client.PostAsync(pagePath, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
