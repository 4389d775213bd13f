using Adminduk.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Statistics;

/// <summary>Statistics for everyone: aggregates of kecamatan and kelurahan only, counts under 5 shown as "&lt;5".</summary>
[AllowAnonymous]
public sealed class PublicModel(ReadOnlyDatabase reader, PublicStatisticsSource source, IStringLocalizer<StatisticsTexts> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    public PublicStatistics? Statistics { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Offices { get; private set; } = [];

    public string DistrictChart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Office))
        {
            Statistics = await source.ForAsync(Office.Trim(), ct);
            if (Statistics is null)
            {
                return NotFound();
            }

            // Only shown counts are drawn; a hidden one ("<5") has no bar.
            DistrictChart = SvgCharts.Bars("district-chart", text["Stats.DistrictChart"],
                [.. Statistics.Districts.Where(d => d.Residents != SmallCount.Hidden).Select(d => (d.Name, int.Parse(d.Residents, System.Globalization.CultureInfo.InvariantCulture)))]);
            return Page();
        }

        await using var read = reader.CreateContext();
        Offices = [.. (await read.Offices.OrderBy(o => o.Name).Select(o => new { o.Code, o.Name }).ToListAsync(ct)).Select(o => (o.Code, o.Name))];
        return Page();
    }
}
