using System.Globalization;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Statistics;

/// <summary>Marker for the statistics pages' texts (Resources/Features/Statistics/StatisticsTexts.resx, .en.resx).</summary>
public sealed class StatisticsTexts;

/// <summary>Supervisors: population by kecamatan, kelurahan and RT, growth, applications and documents per month, with exports.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class IndexModel(
    AdmindukDbContext db,
    ReadOnlyDatabase reader,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<StatisticsTexts> text) : PageModel
{
    public static readonly IReadOnlyList<string> TableNames = ["districts", "villages", "rts", "growth", "applications", "documents"];

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    /// <summary>The kelurahan whose RTs are listed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Table { get; set; }

    public OfficeStatistics Statistics { get; private set; } = null!;

    public string DistrictChart { get; private set; } = "";

    public string GrowthChart { get; private set; } = "";

    public string ApplicationsChart { get; private set; } = "";

    public string? OfficeCode { get; private set; }

    public IReadOnlyList<AreaCount> VillageRts =>
        Village is { Length: > 0 } v ? [.. Statistics.Rts.Where(r => r.Code.StartsWith(v + "/", StringComparison.Ordinal))] : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await audit.WriteAsync("statistics.read", "Office", Statistics.Office.Code, cancellationToken: ct);
        var s = Statistics;
        DistrictChart = SvgCharts.Bars("district-chart", text["Stats.DistrictChart"], [.. s.Districts.Select(d => (d.Name, d.Residents))]);
        var months = s.Months.Select(MonthLabel).ToList();
        GrowthChart = SvgCharts.Columns("growth-chart", text["Stats.GrowthChart"], months,
            [new ChartSeries(text["Stats.Growth"], SvgCharts.Palette[2], [.. s.Growth.Select(g => g.Growth)])]);
        ApplicationsChart = SvgCharts.Columns("applications-chart", text["Stats.ApplicationsChart"], months,
        [
            new ChartSeries(text["Stats.Submitted"], SvgCharts.Palette[0], [.. Enumerable.Range(0, months.Count).Select(i => s.Applications.Sum(a => a.Counts[i]))]),
            new ChartSeries(text["Stats.Documents"], SvgCharts.Palette[1], [.. Enumerable.Range(0, months.Count).Select(i => s.DocumentsIssued.Sum(a => a.Counts[i]))]),
        ]);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var name = TableNames.Contains(Table ?? "") ? Table! : TableNames[0];
        var table = Tables().Single(t => t.Key == name).Table;
        await audit.WriteAsync("statistics.export", "Office", Statistics.Office.Code, "csv; " + name, cancellationToken: ct);
        return File(TableExport.Csv(table), TableExport.CsvContentType, FileName(name + ".csv"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await audit.WriteAsync("statistics.export", "Office", Statistics.Office.Code, "xlsx", cancellationToken: ct);
        return File(await TableExport.XlsxAsync([.. Tables().Select(t => t.Table)], ct), TableExport.XlsxContentType, FileName("xlsx"));
    }

    public static string MonthLabel(DateOnly month) => month.ToString("MMM yy", CultureInfo.CurrentCulture);

    public static string ServiceTitle(string code) => ServiceCatalog.Default.Find(code)?.Title.For(CultureInfo.CurrentUICulture) ?? code;

    private string FileName(string suffix) =>
        string.Create(CultureInfo.InvariantCulture, $"statistik-{Statistics.Office.Code.ToLowerInvariant()}-{Statistics.Today:yyyy-MM-dd}-{suffix}");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        var office = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (office is null)
        {
            return false;
        }

        OfficeCode = who!.OfficeId is null ? office.Code : null;
        await using var read = reader.CreateContext();
        Statistics = await StatisticsQuery.ForAsync(read, office, clock.GetUtcNow(), ct);
        return true;
    }

    private IEnumerable<(string Key, ExportTable Table)> Tables()
    {
        var s = Statistics;
        string[] area = [text["Col.Code"], text["Col.Name"], text["Col.Residents"], text["Col.Men"], text["Col.Women"], text["Col.Households"]];
        static IReadOnlyList<object?> AreaRow(AreaCount a) => [a.Code, a.Name, a.Residents, a.Men, a.Women, a.Households];
        yield return ("districts", new ExportTable(text["Stats.Districts"], area, [.. s.Districts.Select(AreaRow)]));
        yield return ("villages", new ExportTable(text["Stats.Villages"], area, [.. s.Villages.Select(AreaRow)]));
        yield return ("rts", new ExportTable(text["Stats.Rts"], area, [.. s.Rts.Select(AreaRow)]));
        yield return ("growth", new ExportTable(
            text["Stats.GrowthTable"],
            [text["Col.Month"], text["Col.Births"], text["Col.Deaths"], text["Col.Arrivals"], text["Col.Departures"], text["Stats.Growth"]],
            [.. s.Growth.Select(g => (IReadOnlyList<object?>)[string.Create(CultureInfo.InvariantCulture, $"{g.Year:D4}-{g.Month:D2}"), g.Births, g.Deaths, g.Arrivals, g.Departures, g.Growth])]));
        string[] perMonth = [text["Col.Service"], .. s.Months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)), text["Col.Total"]];
        static IReadOnlyList<object?> ServiceRow(ServiceMonths m) => [m.ServiceCode, .. m.Counts.Cast<object?>(), m.Total];
        yield return ("applications", new ExportTable(text["Stats.ApplicationsTable"], perMonth, [.. s.Applications.Select(ServiceRow)]));
        yield return ("documents", new ExportTable(text["Stats.DocumentsTable"], perMonth, [.. s.DocumentsIssued.Select(ServiceRow)]));
    }
}
