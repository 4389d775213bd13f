using System.Net;
using System.Net.Http.Json;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Rt;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Adminduk.Web.Tests.Features.Rt;

public sealed class RtDashboardTests
{
    [Theory, BothDatabases]
    public async Task Dashboard_figures_count_the_living_residents_and_the_events_of_the_own_rt_only(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var city = await RtTestCity.CreateAsync(app);
        await using var db = app.Database.NewContext();

        var area = (await RtDashboardQuery.AreaAsync(db, city.RtA.Id, app.Time.GetUtcNow(), default)).ShouldNotBeNull();
        var d = await RtDashboardQuery.LoadAsync(db, area, default);

        area.Today.ShouldBe(RtTestCity.Today);
        area.VillageName.ShouldBe("Damai Baru");
        area.DistrictName.ShouldBe("Balikpapan Selatan");
        (d.Residents, d.Men, d.Women, d.Households).ShouldBe((7, 3, 4, 2));
        // Born exactly five years ago: 5-9; a day later: 0-4.
        d.AgeBands.Select(b => (b.Label, b.Male, b.Female)).Where(b => b.Male + b.Female > 0).ShouldBe(
        [
            ("0-4", 0, 1), ("5-9", 0, 1), ("15-19", 1, 0), ("30-34", 1, 0), ("40-44", 0, 1), ("45-49", 1, 0), ("75+", 0, 1),
        ]);
        d.AgeBands.Count.ShouldBe(16);
        d.Occupations.First().ShouldBe(("Belum/Tidak Bekerja", 2));
        d.Occupations.Sum(o => o.Count).ShouldBe(7);
        d.Education.ShouldBe([(Education.TidakBelumSekolah, 2), (Education.Sd, 1), (Education.Sltp, 1), (Education.Slta, 2), (Education.DiplomaIvStrataI, 1)]);
        d.Religion.ShouldBe([(Religion.Islam, 4), (Religion.Kristen, 1), (Religion.Katolik, 1), (Religion.Hindu, 1)]);
        d.Months.Count.ShouldBe(12);
        (d.Months[0].Year, d.Months[0].Month, d.Months[0].Arrivals).ShouldBe((2025, 12, 1));
        d.Months.Single(m => m.Month == 6).Deaths.ShouldBe(1);
        d.Months.Single(m => m.Month == 9).Departures.ShouldBe(1);
        d.Months[^1].Births.ShouldBe(2);
        d.Months.Sum(m => m.Births + m.Deaths + m.Arrivals + m.Departures).ShouldBe(5);
        d.Months.Sum(m => m.Growth).ShouldBe(2 - 1 + 1 - 1);
    }

    [Fact]
    public async Task More_than_ten_occupations_end_with_the_rest_summed()
    {
        await using var app = await AppFactory.CreateAsync();
        var city = await RtTestCity.CreateAsync(app);
        await app.SeedAsync(async db =>
        {
            var household = await db.Households.FirstAsync(h => h.Id == city.HouseholdA1.Id);
            for (var i = 0; i < 6; i++)
            {
                var r = await db.Residents.AsNoTracking().FirstAsync(x => x.Id == city.ResidentsA[0].Id);
                r.Id = 0;
                r.Nik = NumberComposer.Nik("647101", new DateOnly(1999, 1, 1), Sex.Male, 8800 + i);
                r.Occupation = "Pekerjaan " + i;
                r.RelationshipToHead = RelationshipToHead.FamiliLain;
                db.Residents.Add(r);
            }
        });
        await using var db = app.Database.NewContext();

        var area = (await RtDashboardQuery.AreaAsync(db, city.RtA.Id, app.Time.GetUtcNow(), default))!;
        var d = await RtDashboardQuery.LoadAsync(db, area, default);

        d.Occupations.Count.ShouldBe(RtDashboardQuery.TopOccupations + 1);
        d.Occupations[^1].Occupation.ShouldBe(RtDashboardQuery.OtherOccupations);
        d.Occupations.Sum(o => o.Count).ShouldBe(13);
        d.Occupations[^1].Count.ShouldBe(13 - d.Occupations.Take(10).Sum(o => o.Count));
    }

    [Theory, BothDatabases]
    public async Task Rt_head_sees_the_dashboard_with_charts_and_the_read_is_audited(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var city = await RtTestCity.CreateAsync(app);
        using var client = await app.CreateClientAsync(city.HeadA);

        var html = await client.GetStringAsync("/Rt");

        html.ShouldContain("data-figure=\"residents\">7<");
        html.ShouldContain("data-figure=\"households\">2<");
        html.ShouldContain("data-figure=\"men\">3<");
        html.ShouldContain("data-figure=\"women\">4<");
        foreach (var chart in new[] { "age-chart", "events-chart", "occupation-chart", "education-chart", "religion-chart" })
        {
            html.ShouldContain($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 ");
            html.ShouldContain($"id=\"{chart}\"");
            html.ShouldContain($"<title id=\"{chart}-title\">");
        }

        html.ShouldContain("Piramida penduduk");
        html.ShouldNotContain(RtTestCity.ForeignName);
        html.ShouldNotContain("<script");
        await using var db = app.Database.NewContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == RtAuditActions.DashboardRead);
        (entry.ActorId, entry.SubjectType, entry.SubjectId).ShouldBe((city.HeadA.Id, "RtUnit", city.RtA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory, BothDatabases]
    public async Task Resident_list_searches_by_name_full_nik_and_kk_masks_the_nik_and_pages(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var city = await RtTestCity.CreateAsync(app);
        using var client = await app.CreateClientAsync(city.HeadA);
        var budi = city.ResidentsA[0];

        var all = await client.GetStringAsync("/Rt/Residents");
        all.ShouldContain(">7 warga ditemukan.<");
        all.ShouldContain(Domain.Numbers.Nik.Mask(budi.Nik));
        all.ShouldNotContain(budi.Nik);
        all.ShouldNotContain("Almarhum Slamet");

        (await client.GetStringAsync("/Rt/Residents?q=santoso")).ShouldContain(">2 warga ditemukan.<");
        var byNik = await client.GetStringAsync("/Rt/Residents?q=" + budi.Nik);
        byNik.ShouldContain(">1 warga ditemukan.<");
        byNik.ShouldContain("Budi Santoso");
        // A NIK prefix finds nobody: it would uncover the masked digits.
        (await client.GetStringAsync("/Rt/Residents?q=" + budi.Nik[..12])).ShouldContain(">0 warga ditemukan.<");
        (await client.GetStringAsync("/Rt/Residents?q=" + city.HouseholdA1.KkNumber)).ShouldContain(">4 warga ditemukan.<");
        (await client.GetStringAsync("/Rt/Residents?status=deceased")).ShouldContain("Almarhum Slamet");
        (await client.GetStringAsync("/Rt/Residents?status=all")).ShouldContain(">9 warga ditemukan.<");
        (await client.GetStringAsync("/Rt/Residents?q=" + Uri.EscapeDataString(RtTestCity.ForeignName))).ShouldContain(">0 warga ditemukan.<");

        await app.SeedAsync(async db =>
        {
            var template = await db.Residents.AsNoTracking().FirstAsync(r => r.Id == budi.Id);
            for (var i = 0; i < 30; i++)
            {
                template.Id = 0;
                template.Nik = NumberComposer.Nik("647101", new DateOnly(2000, 2, 2), Sex.Male, 9000 + i);
                template.FullName = $"Warga Tambahan {i:D2}";
                db.Residents.Add(template);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        });
        var page1 = await client.GetStringAsync("/Rt/Residents?q=tambahan");
        var page2 = await client.GetStringAsync("/Rt/Residents?q=tambahan&p=2");
        page1.ShouldContain("Halaman 1 dari 2");
        page1.ShouldContain("Warga Tambahan 00");
        page1.ShouldContain("Warga Tambahan 24");
        page1.ShouldNotContain("Warga Tambahan 25");
        page1.ShouldContain("p=2");
        page2.ShouldContain("Warga Tambahan 29");
        page2.ShouldNotContain("Warga Tambahan 24");

        await using var db = app.Database.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == RtAuditActions.ResidentsRead && a.ActorId == city.HeadA.Id)).ShouldBe(10);
    }

    [Theory, BothDatabases]
    public async Task Resident_page_shows_the_household_with_masked_niks(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var city = await RtTestCity.CreateAsync(app);
        using var client = await app.CreateClientAsync(city.HeadA);
        var andi = city.ResidentsA[2];

        var html = await client.GetStringAsync($"/Rt/Resident/{andi.Id}");

        html.ShouldContain("Andi Santoso");
        html.ShouldContain(Domain.Numbers.Nik.Mask(andi.Nik));
        html.ShouldNotContain(andi.Nik);
        html.ShouldContain("Budi Santoso");
        html.ShouldContain("Kepala keluarga");
        html.ShouldContain("Jl. Mawar No. 1");
        await using var db = app.Database.NewContext();
        (await db.AuditEntries.SingleAsync(a => a.Action == RtAuditActions.ResidentRead)).SubjectId.ShouldBe(andi.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, BothDatabases]
    public async Task Exports_hold_the_selection_as_csv_and_xlsx_and_are_audited(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var city = await RtTestCity.CreateAsync(app);
        using var client = await app.CreateClientAsync(city.HeadA);

        using var csv = await client.GetAsync("/Rt/Residents?handler=Csv&status=all");
        using var xlsx = await client.GetAsync("/Rt/Residents?handler=Xlsx&q=santoso");

        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileName.ShouldBe("warga-64-71-01-1011-rw001-rt001.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Nama,NIK,No. KK,Hubungan dalam keluarga,Umur,Jenis kelamin,Pekerjaan,Status");
        lines.Length.ShouldBe(10);
        lines.ShouldContain($"Budi Santoso,{Domain.Numbers.Nik.Mask(city.ResidentsA[0].Nik)},{city.HouseholdA1.KkNumber},Kepala keluarga,46,Laki-laki,Wiraswasta,Hidup");
        lines.ShouldContain(l => l.StartsWith("Almarhum Slamet,", StringComparison.Ordinal) && l.EndsWith(",Meninggal", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.Contains(city.ResidentsA[0].Nik, StringComparison.Ordinal));

        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = await xlsx.Content.ReadAsStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        var rows = copy.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.Select(r => r["Nama"]).ShouldBe(["Budi Santoso", "Andi Santoso"]);
        rows[0]["NIK"].ShouldBe(Domain.Numbers.Nik.Mask(city.ResidentsA[0].Nik));
        Convert.ToInt32(rows[1]["Umur"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(16);

        await using var db = app.Database.NewContext();
        (await db.AuditEntries.Where(a => a.Action == RtAuditActions.ResidentsExport).Select(a => a.Details).ToListAsync())
            .ShouldBe(["csv; q=; status=all; page=1; rows=9", "xlsx; q=santoso; status=alive; page=1; rows=2"], ignoreOrder: true);
    }

    [Fact]
    public async Task Rt_head_without_an_rt_sees_a_notice_and_a_replaced_head_loses_access_at_once()
    {
        await using var app = await AppFactory.CreateAsync();
        var city = await RtTestCity.CreateAsync(app);
        using var client = await app.CreateClientAsync(city.HeadA);
        (await client.GetStringAsync("/Rt")).ShouldContain("data-figure=\"residents\"");

        await app.SeedAsync(async db => (await db.Users.FirstAsync(u => u.Id == city.HeadA.Id)).RtUnitId = null);

        var html = await client.GetStringAsync("/Rt");
        html.ShouldNotContain("data-figure=\"residents\"");
        html.ShouldContain("belum terhubung ke RT");
        (await client.GetAsync($"/Rt/Resident/{city.ResidentsA[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/rt/{city.RtA.Id}/dashboard")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, BothDatabases]
    public async Task Api_returns_the_own_rt_as_json(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var city = await RtTestCity.CreateAsync(app);
        using var client = await app.CreateClientAsync(city.HeadA);

        var dashboard = await client.GetFromJsonAsync<RtDashboardDto>($"/api/rt/{city.RtA.Id}/dashboard");
        var page = await client.GetFromJsonAsync<ResidentPageDto>($"/api/rt/{city.RtA.Id}/residents?q=santoso");
        var one = await client.GetFromJsonAsync<ResidentDto>($"/api/rt/{city.RtA.Id}/residents/{city.ResidentsA[1].Id}");

        (dashboard!.Residents, dashboard.Men, dashboard.Women, dashboard.Households).ShouldBe((7, 3, 4, 2));
        dashboard.Months[^1].ShouldBe(new MonthDto("2026-11", 2, 0, 0, 0, 2));
        dashboard.Religion.ShouldContain(new CountDto("Islam", 4));
        page!.Total.ShouldBe(2);
        page.Residents.Select(r => r.MaskedNik).ShouldAllBe(n => n.Contains("******", StringComparison.Ordinal));
        one!.FullName.ShouldBe("Siti Rahmawati");
        await using var db = app.Database.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action.StartsWith("rt.") && a.Details!.StartsWith("api"))).ShouldBe(3);
    }
}
