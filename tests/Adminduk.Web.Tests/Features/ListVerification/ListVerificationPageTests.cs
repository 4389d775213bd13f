using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.ListVerification;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Adminduk.Web.Tests.Features.ListVerification.ListVerificationTestData;

namespace Adminduk.Web.Tests.Features.ListVerification;

public sealed partial class ListVerificationPageTests
{
    private static readonly Dictionary<string, string?> NoBackgroundWorker = new() { ["ListVerification:WorkerEnabled"] = "false" };

    [Theory, BothDatabases]
    public async Task Operator_uploads_two_lists_maps_columns_reviews_a_pair_and_downloads_both_reports(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, NoBackgroundWorker);
        await app.SeedAsync(db => SeedRegisterAsync(db, app.Time.GetUtcNow()));
        var user = await app.CreateUserAsync(Roles.Operator);
        using var client = await app.CreateClientAsync(user);

        using var upload = await UploadAsync(client, ("pkh.csv", Pkh), ("pbi.csv", Pbi));
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mappingPath = upload.Headers.Location!.OriginalString;
        var runId = int.Parse(mappingPath.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var mappingPage = await client.GetStringAsync(mappingPath);
        mappingPage.ShouldContain("No Induk");
        var fields = new Dictionary<string, string>
        {
            ["name-1"] = "PKH 2026",
            ["family-1"] = "true",
            ["map-1-Nik"] = "NIK",
            ["map-1-Name"] = "NAMA",
            ["map-1-BirthDate"] = "TGL_LAHIR",
            ["map-1-Address"] = "ALAMAT",
            ["map-1-Region"] = "KELURAHAN",
            ["name-2"] = "PBI 2026",
            ["map-2-Name"] = "Nama Penerima",
            ["map-2-BirthDate"] = "Tanggal Lahir",
        };
        using (var incomplete = await client.PostFormAsync(mappingPath, new Dictionary<string, string> { ["map-2-BirthDate"] = "Tanggal Lahir" }))
        {
            incomplete.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await incomplete.Content.ReadAsStringAsync()).ShouldContain("pbi.csv");
        }

        fields["map-2-Nik"] = "No Induk";
        fields["map-2-Address"] = "Alamat Rumah";
        fields["map-2-Region"] = "Kode Kelurahan";
        using (var queued = await client.PostFormAsync(mappingPath, fields))
        {
            queued.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            queued.Headers.Location!.OriginalString.ShouldBe($"/ListVerification/Run/{runId}");
        }

        var waiting = await client.GetStringAsync($"/ListVerification/Run/{runId}");
        waiting.ShouldContain("http-equiv=\"refresh\"");
        waiting.ShouldContain("Dalam antrean");

        (await app.Services.GetRequiredService<VerificationWorker>().RunPendingAsync(default)).ShouldBe(1);
        var done = await client.GetStringAsync($"/ListVerification/Run/{runId}");
        done.ShouldNotContain("http-equiv=\"refresh\"");
        CountOf(done, "count-rows").ShouldBe("10");
        done.ShouldContain("Meninggal");
        done.ShouldContain("register.deceased");

        var list = await client.GetStringAsync($"/ListVerification/Review/{runId}");
        var pairLinks = PairLink().Matches(list).Select(m => m.Groups[1].Value).Distinct().ToList();
        pairLinks.Count.ShouldBe(2);
        var pairPath = $"/ListVerification/Review/{runId}/{pairLinks[0]}";
        var pairPage = await client.GetStringAsync(pairPath);
        pairPage.ShouldContain("Skor");
        using (var noReason = await client.PostFormAsync(pairPath, new Dictionary<string, string> { ["Choice"] = "Duplicate", ["Reason"] = "" }))
        {
            (await noReason.Content.ReadAsStringAsync()).ShouldContain("Tuliskan alasan keputusan.");
        }

        using (var decided = await client.PostFormAsync(pairPath, new Dictionary<string, string> { ["Choice"] = "NotDuplicate", ["Reason"] = "Alamat berbeda, orang lain" }))
        {
            decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            decided.Headers.Location!.OriginalString.ShouldBe($"/ListVerification/Review/{runId}/{pairLinks[1]}");
        }

        (await client.GetStringAsync(pairPath)).ShouldContain("Alamat berbeda, orang lain");

        using var csv = await client.GetAsync($"/ListVerification/Run/{runId}?handler=Report&format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"verifikasi-{runId}.csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1 ? text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries) : text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Daftar,Baris,Nama,NIK");
        lines.Length.ShouldBe(11);
        text.ShouldContain("PKH 2026");
        text.ShouldContain("Petugas memastikan");
        text.ShouldNotContain(Ahmad, customMessage: "NIKs are masked in the report");

        using var xlsx = await client.GetAsync($"/ListVerification/Run/{runId}?handler=Report&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheet = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        sheet.Count.ShouldBe(10);
        sheet.ShouldContain(r => (string?)r["Kode temuan"] == "register.deceased");

        await using var db = app.Database.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "list-verification.decide")).ShouldBe(1);
        (await db.AuditEntries.CountAsync(a => a.Action == "list-verification.report")).ShouldBe(2);
    }

    [Theory, BothDatabases]
    public async Task Operators_see_only_their_runs_and_supervisors_may_change_a_decision(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, NoBackgroundWorker);
        await app.SeedAsync(db => SeedRegisterAsync(db, app.Time.GetUtcNow()));
        using var owner = await app.CreateClientAsync(await app.CreateUserAsync(Roles.Operator));
        using var other = await app.CreateClientAsync(await app.CreateUserAsync(Roles.Operator));
        using var supervisor = await app.CreateClientAsync(await app.CreateUserAsync(Roles.Supervisor));

        using var upload = await UploadAsync(owner, ("pkh.csv", Pkh));
        var mappingPath = upload.Headers.Location!.OriginalString;
        var runId = mappingPath.Split('/').Last();
        (await owner.PostFormAsync(mappingPath, new Dictionary<string, string>
        {
            ["map-1-Nik"] = "NIK",
            ["map-1-Name"] = "NAMA",
            ["map-1-BirthDate"] = "TGL_LAHIR",
            ["map-1-Address"] = "ALAMAT",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.Services.GetRequiredService<VerificationWorker>().RunPendingAsync(default);

        (await other.GetAsync($"/ListVerification/Run/{runId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetStringAsync("/ListVerification")).ShouldNotContain($"#{runId} ");
        (await supervisor.GetAsync($"/ListVerification/Run/{runId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await supervisor.GetStringAsync("/ListVerification")).ShouldContain($"#{runId} ");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, params (string Name, string Content)[] files)
    {
        var token = await client.GetAntiforgeryTokenAsync("/ListVerification");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Bansos November"), "Title" },
        };
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "Files", name);
        }

        return await client.PostAsync("/ListVerification", form);
    }

    private static string CountOf(string html, string id) =>
        Regex.Match(html, $"id=\"{id}\">([^<]+)<").Groups[1].Value;

    [GeneratedRegex("/ListVerification/Review/\\d+/(\\d+)\"")]
    private static partial Regex PairLink();
}
