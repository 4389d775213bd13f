using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.Ektp;

/// <summary>The office's blank-card stock: forecast, reorder alert, chart, ledger; receipts, spoiled cards and corrections.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class StockModel(AdmindukDbContext db, StockLedger ledger, IOptions<EktpOptions> options) : EktpStaffPage(db)
{
    public StockStatus Status { get; private set; } = null!;

    public IReadOnlyList<StockDay> History { get; private set; } = [];

    public IReadOnlyList<StockMovement> Movements { get; private set; } = [];

    public string Chart { get; private set; } = "";

    public EktpOptions Settings => options.Value;

    [BindProperty]
    public StockMovementKind Kind { get; set; } = StockMovementKind.Receipt;

    [BindProperty]
    public int Quantity { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        Status = await ledger.StatusAsync(CurrentOffice, ct);
        History = await ledger.HistoryAsync(CurrentOffice, Status, ct);
        Movements = await Db.StockMovements.AsNoTracking()
            .Where(m => m.OfficeId == CurrentOffice.Id)
            .OrderByDescending(m => m.Id)
            .Take(30)
            .ToListAsync(ct);
        var f = Status.Forecast;
        Chart = StockChart.Render(History, f.AveragePerWorkingDay * Settings.AlertAtWorkingDaysLeft, EktpText.Stored("Stock.ChartTitle"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        var outcome = Kind == StockMovementKind.Printed
            ? StockEntryOutcome.Invalid // printing goes through the print queue, one card at a time
            : await ledger.RecordAsync(CurrentOffice.Id, Kind, Quantity, Reason, Staff.Actor, ct);
        Message = "StockEntry." + outcome;
        return RedirectToPage(new { Office });
    }
}
