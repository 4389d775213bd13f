using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Rt;

/// <summary>RT head start page: the dashboard of their own RT, with server-rendered charts.</summary>
[Authorize(Policy = Policies.RtHead)]
public sealed class IndexModel(
    AdmindukDbContext db,
    ReadOnlyDatabase reader,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<RtTexts> text) : PageModel
{
    public string FullName { get; private set; } = "";

    public RtDashboard? Dashboard { get; private set; }

    public string AgeChart { get; private set; } = "";

    public string OccupationChart { get; private set; } = "";

    public string EducationChart { get; private set; } = "";

    public string ReligionChart { get; private set; } = "";

    public string EventsChart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        FullName = User.FindFirst(AdmindukClaimTypes.FullName)?.Value ?? User.Identity?.Name ?? "";
        if (await RtAccess.OwnRtAsync(User, db, ct) is not int unitId)
        {
            return Page();
        }

        await using (var read = reader.CreateContext())
        {
            if (await RtDashboardQuery.AreaAsync(read, unitId, clock.GetUtcNow(), ct) is not { } area)
            {
                return Page();
            }

            Dashboard = await RtDashboardQuery.LoadAsync(read, area, ct);
        }

        await audit.WriteAsync(RtAuditActions.DashboardRead, RtAuditActions.SubjectRt, unitId.ToString(CultureInfo.InvariantCulture), cancellationToken: ct);
        RenderCharts(Dashboard);
        return Page();
    }

    public string MonthLabel(MonthEvents m) => new DateOnly(m.Year, m.Month, 1).ToString("MMM yy", CultureInfo.CurrentCulture);

    public string OccupationLabel(string occupation) => occupation.Length == 0 ? text["Rt.OtherOccupations"] : occupation;

    private void RenderCharts(RtDashboard d)
    {
        AgeChart = SvgCharts.Pyramid("age-chart", text["Rt.AgeChart"], [.. d.AgeBands.Select(b => (b.Label, b.Male, b.Female))],
            text["Sex.Male"], text["Sex.Female"]);
        OccupationChart = SvgCharts.Bars("occupation-chart", text["Rt.OccupationChart"], [.. d.Occupations.Select(o => (OccupationLabel(o.Occupation), o.Count))]);
        EducationChart = SvgCharts.Bars("education-chart", text["Rt.EducationChart"], [.. d.Education.Select(e => (text["Education." + e.Education].Value, e.Count))]);
        ReligionChart = SvgCharts.Bars("religion-chart", text["Rt.ReligionChart"], [.. d.Religion.Select(r => (text["Religion." + r.Religion].Value, r.Count))]);
        var months = d.Months.Select(MonthLabel).ToList();
        EventsChart = SvgCharts.Columns("events-chart", text["Rt.EventsChart"], months,
        [
            new ChartSeries(text["Event.Births"], SvgCharts.Palette[2], [.. d.Months.Select(m => m.Births)]),
            new ChartSeries(text["Event.Deaths"], SvgCharts.Palette[7], [.. d.Months.Select(m => m.Deaths)]),
            new ChartSeries(text["Event.Arrivals"], SvgCharts.Palette[0], [.. d.Months.Select(m => m.Arrivals)]),
            new ChartSeries(text["Event.Departures"], SvgCharts.Palette[1], [.. d.Months.Select(m => m.Departures)]),
        ]);
    }
}
