using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Statistics;
using Adminduk.Web.Tests.Features.Rt;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using MiniExcelLibs;

namespace Adminduk.Web.Tests.Features.Statistics;

public sealed class StatisticsTests
{
    /// <summary>Balikpapan is UTC+8: 23:30 on 31 October local is 15:30 UTC, 00:30 on 1 November local is 16:30 UTC on 31 October.</summary>
    private static readonly DateTimeOffset LateOctober = new(2026, 10, 31, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EarlyNovember = new(2026, 10, 31, 16, 30, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task Office_statistics_count_areas_growth_applications_and_approvals_by_local_month(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var city = await RtTestCity.CreateAsync(app);
        var other = await app.CreateOfficeAsync("Disdukcapil Kota Palembang", "16.71", "Asia/Jakarta");
        await app.SeedAsync(db =>
        {
            db.Applications.AddRange(
                RtTestCity.NewApplication(city.Office, "kk-perubahan", LateOctober),
                RtTestCity.NewApplication(city.Office, "kk-perubahan", EarlyNovember, ApplicationStatus.Approved, EarlyNovember.AddHours(3)),
                RtTestCity.NewApplication(city.Office, "akta-kelahiran", EarlyNovember, ApplicationStatus.Completed, LateOctober.AddMinutes(20)),
                RtTestCity.NewApplication(city.Office, "akta-kelahiran", EarlyNovember, ApplicationStatus.Rejected, EarlyNovember.AddHours(1)),
                RtTestCity.NewApplication(city.Office, "kk-perubahan", new DateTimeOffset(2025, 11, 30, 12, 0, 0, TimeSpan.Zero)),
                RtTestCity.NewApplication(other, "kk-perubahan", EarlyNovember));
            return Task.CompletedTask;
        });
        await using var db = app.Database.NewContext();

        var s = await StatisticsQuery.ForAsync(db, city.Office, app.Time.GetUtcNow(), default);

        s.Months.First().ShouldBe(new DateOnly(2025, 12, 1));
        s.Months.Last().ShouldBe(new DateOnly(2026, 11, 1));
        s.Districts.Select(d => (d.Name, d.Residents, d.Men, d.Women, d.Households)).ShouldBe(
            [("Balikpapan Selatan", 7, 3, 4, 2), ("Balikpapan Utara", 3, 3, 0, 1)]);
        s.Villages.Select(v => (v.Code, v.Residents)).ShouldBe([(RtTestCity.VillageA, 7), (RtTestCity.VillageB, 3)]);
        s.Rts.Select(r => (r.Code, r.Name, r.Residents)).ShouldBe([($"{RtTestCity.VillageA}/001/001", "RT 001 / RW 001", 7), ($"{RtTestCity.VillageB}/004/007", "RT 007 / RW 004", 3)]);
        (s.Residents, s.Households).ShouldBe((10, 3));
        var november = s.Growth[^1];
        (november.Births, november.Deaths, november.Arrivals, november.Departures, november.Growth).ShouldBe((3, 0, 0, 0, 3));
        s.Growth.Sum(g => g.Growth).ShouldBe(3 - 1 + 1 - 1);

        s.Applications.Select(a => (a.ServiceCode, a.Counts[10], a.Counts[11], a.Total)).ShouldBe(
            [("kk-perubahan", 1, 1, 2), ("akta-kelahiran", 0, 2, 2)]);
        // Approved and completed count as issued, by the local month of the decision; rejections do not.
        s.DocumentSource.ShouldBe(DocumentSource.ApprovedApplications);
        s.DocumentsIssued.Select(a => (a.ServiceCode, a.Counts[10], a.Counts[11])).ShouldBe([("kk-perubahan", 0, 1), ("akta-kelahiran", 1, 0)]);
    }

    [Theory, BothDatabases]
    public async Task Supervisor_page_shows_charts_and_exports_csv_and_xlsx_of_their_office_only(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var city = await RtTestCity.CreateAsync(app);
        var supervisor = await app.CreateUserAsync(Roles.Supervisor, configure: u => u.OfficeId = city.Office.Id);
        var otherOffice = await app.CreateOfficeAsync("Disdukcapil Kota Palembang", "16.71", "Asia/Jakarta");
        var otherSupervisor = await app.CreateUserAsync(Roles.Supervisor, configure: u => u.OfficeId = otherOffice.Id);
        using var client = await app.CreateClientAsync(supervisor);

        var html = await client.GetStringAsync($"/Statistics?village={RtTestCity.VillageA}");
        html.ShouldContain("data-figure=\"residents\">10<");
        html.ShouldContain("<title id=\"district-chart-title\">");
        html.ShouldContain("<title id=\"growth-chart-title\">");
        html.ShouldContain("<title id=\"applications-chart-title\">");
        html.ShouldContain("RT 001 / RW 001");
        html.ShouldContain("dihitung dari permohonan yang disetujui");

        var csv = System.Text.Encoding.UTF8.GetString((await client.GetByteArrayAsync("/Statistics?handler=Csv&table=districts"))[3..]);
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "Kode,Wilayah,Penduduk,Laki-laki,Perempuan,KK", "64.71.01,Balikpapan Selatan,7,3,4,2", "64.71.05,Balikpapan Utara,3,3,0,1",
        ]);
        using var xlsx = new MemoryStream(await client.GetByteArrayAsync("/Statistics?handler=Xlsx"));
        MiniExcel.GetSheetNames(xlsx).Count.ShouldBe(6);
        xlsx.Position = 0;
        var rts = xlsx.Query(useHeaderRow: true, sheetName: "Penduduk per RT").Cast<IDictionary<string, object>>().ToList();
        rts.Count.ShouldBe(2);
        Convert.ToInt32(rts[0]["Penduduk"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(7);

        // Another office's supervisor asking for this office gets nothing.
        using var otherClient = await app.CreateClientAsync(otherSupervisor);
        (await otherClient.GetAsync($"/Statistics?office={city.Office.Code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await otherClient.GetStringAsync("/Statistics");
        own.ShouldContain("data-figure=\"residents\">0<");
    }

    [Theory, BothDatabases]
    public async Task Public_page_and_api_show_aggregates_with_counts_under_five_hidden(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var city = await RtTestCity.CreateAsync(app);
        using var client = app.CreateClient(cookies: null);

        var html = await client.GetStringAsync($"/Statistics/Public?office={city.Office.Code}");
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/offices/{city.Office.Code}/statistics");

        html.ShouldContain("data-figure=\"residents\">10<");
        html.ShouldContain("&lt;5");
        html.ShouldNotContain("RT 001 / RW 001");
        html.ShouldNotContain("Budi");
        json.GetProperty("residents").GetString().ShouldBe("10");
        var utara = json.GetProperty("districts")[1];
        utara.GetProperty("name").GetString().ShouldBe("Balikpapan Utara");
        utara.GetProperty("residents").GetString().ShouldBe("<5");
        utara.GetProperty("women").GetString().ShouldBe("<5");
        var selatan = json.GetProperty("districts")[0];
        (selatan.GetProperty("residents").GetString(), selatan.GetProperty("men").GetString()).ShouldBe(("7", "<5"));
        var november = json.GetProperty("growth")[11];
        november.GetProperty("births").GetString().ShouldBe("<5");
        november.GetProperty("growth").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("documentsSource").GetString().ShouldBe("approved-applications");
        json.GetRawText().ShouldNotContain("RT 0");
        (await client.GetAsync("/api/offices/NOPE/statistics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var openApi = await client.GetStringAsync("/openapi/v1.json");
        openApi.ShouldContain("/api/offices/{office}/statistics");
        openApi.ShouldContain("/api/rt/{rt}/dashboard");
    }

    [Theory]
    [InlineData(0, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(1200, "1200")]
    public void Counts_under_five_are_hidden(int count, string shown) => SmallCount.Show(count).ShouldBe(shown);

    [Fact]
    public void A_difference_is_shown_only_when_all_its_parts_are()
    {
        SmallCount.ShowDifference(7, 10, 3).ShouldBeNull();
        SmallCount.ShowDifference(-2, 10, 12).ShouldBe("-2");
    }

    [Fact]
    public void Read_only_database_uses_the_replica_connection_when_set_else_the_main_one()
    {
        var main = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Adminduk"] = "Host=primary;Database=adminduk",
        }).Build();
        var replica = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Adminduk"] = "Host=primary;Database=adminduk",
            ["ConnectionStrings:AdmindukReadOnly"] = "Host=replica;Database=adminduk",
        }).Build();

        ReadOnlyDatabase.From(main).ConnectionString.ShouldBe("Host=primary;Database=adminduk");
        var database = ReadOnlyDatabase.From(replica);
        database.ConnectionString.ShouldBe("Host=replica;Database=adminduk");
        using var context = database.CreateContext();
        context.ShouldBeOfType<PostgresAdmindukDbContext>();
        context.ChangeTracker.QueryTrackingBehavior.ShouldBe(Microsoft.EntityFrameworkCore.QueryTrackingBehavior.NoTracking);
    }

    [Fact]
    public void Charts_are_360_wide_svg_with_a_title_a_summary_and_a_title_per_bar()
    {
        var bars = System.Xml.Linq.XElement.Parse(SvgCharts.Bars("b", "Agama", [("Islam", 4), ("Hindu", 1)]));
        var pyramid = System.Xml.Linq.XElement.Parse(SvgCharts.Pyramid("p", "Umur", [("0-4", 2, 1), ("5+", 0, 3)], "L", "P"));
        var columns = System.Xml.Linq.XElement.Parse(SvgCharts.Columns("c", "Tumbuh", ["Jan", "Feb"], [new ChartSeries("Net", "#000", [5, -3])]));
        System.Xml.Linq.XNamespace svg = "http://www.w3.org/2000/svg";

        foreach (var chart in new[] { bars, pyramid, columns })
        {
            chart.Attribute("viewBox")!.Value.ShouldStartWith("0 0 360 ");
            chart.Attribute("role")!.Value.ShouldBe("img");
            chart.Element(svg + "title").ShouldNotBeNull();
            chart.Element(svg + "desc").ShouldNotBeNull();
            chart.Descendants(svg + "rect").ShouldAllBe(r => r.Element(svg + "title") != null);
        }

        bars.Element(svg + "desc")!.Value.ShouldBe("Islam: 4; Hindu: 1");
        var widths = bars.Descendants(svg + "rect").Select(r => double.Parse(r.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        widths[0].ShouldBe(widths[1] * 4, 0.2);
        // The negative month hangs below the zero line: its top is where the positive one's bottom is.
        var rects = columns.Descendants(svg + "rect").ToList();
        var y = (System.Xml.Linq.XElement r, string a) => double.Parse(r.Attribute(a)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        y(rects[1], "y").ShouldBe(y(rects[0], "y") + y(rects[0], "height"), 0.2);
    }
}
