using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Board;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.BackOffice.Reports;

/// <summary>Supervisors: turnaround per service per day, per-operator workload with a 30-day chart, and the office's capacity.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class IndexModel(AdmindukDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int Days = 30;

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    /// <summary>The day whose per-operator table is shown (yyyy-MM-dd); today by default.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Day { get; set; }

    public Office? CurrentOffice { get; private set; }

    public OfficeReport Report { get; private set; } = null!;

    public BoardSnapshot? Board { get; private set; }

    public DateOnly SelectedDay { get; private set; }

    public string Chart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (CurrentOffice is null)
        {
            return NotFound();
        }

        ViewData["OfficeCode"] = who!.OfficeId is null ? CurrentOffice.Code : null;
        var now = clock.GetUtcNow();
        Report = await ReportQuery.ForAsync(db, CurrentOffice, now, Days, ct);
        Board = await BoardQuery.ForAsync(db, CurrentOffice.Code, now, ct);
        SelectedDay = DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d >= Report.From && d <= Report.To
            ? d
            : Report.To;
        Chart = WorkloadChart.Render(Report, localizer["BackOffice.Reports.ChartTitle", Days], localizer["BackOffice.Reports.CapacityLine", Report.DailyCapacity]);
        return Page();
    }
}
