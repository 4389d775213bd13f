using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Ektp;

/// <summary>The print queue: cards in the order they became ready; staff print the oldest, or record its blank as spoiled.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class PrintModel(AdmindukDbContext db, PrintQueue queue) : EktpStaffPage(db)
{
    public const int Shown = 50;

    public IReadOnlyList<PrintQueueEntry> Waiting { get; private set; } = [];

    public int WaitingCount { get; private set; }

    public int Balance { get; private set; }

    public Domain.Calendar.OfficeCalendar Calendar { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        Calendar = OfficeCalendars.Create(CurrentOffice, []);
        Waiting = await PrintQueue.WaitingAsync(Db, CurrentOffice.Id, Shown, ct);
        WaitingCount = await Db.CardPrintJobs.CountAsync(j => j.OfficeId == CurrentOffice.Id && j.Status == PrintJobStatus.Waiting, ct);
        Balance = await Db.StockBalances.Where(b => b.OfficeId == CurrentOffice.Id).Select(b => b.Balance).FirstOrDefaultAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPrintAsync(CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        var result = await queue.PrintNextAsync(Db, Acting, CurrentOffice.Id, ct);
        Message = "Print." + result.Outcome;
        TempData["Print.Receipt"] = result.Receipt;
        return RedirectToPage(new { Office });
    }

    public async Task<IActionResult> OnPostSpoiledAsync(CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        var result = await queue.SpoilNextAsync(Db, Acting, CurrentOffice.Id, ct);
        Message = "Print." + result.Outcome;
        TempData["Print.Receipt"] = result.Receipt;
        return RedirectToPage(new { Office });
    }
}
