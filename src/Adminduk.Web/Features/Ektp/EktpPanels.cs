using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Offices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Ektp;

/// <summary>What the application page shows of visits and the card: the live bookings, the visits still to book, the print state.</summary>
public sealed record AppointmentPanelModel(
    string Receipt,
    IReadOnlyList<VisitKind> OpenVisits,
    IReadOnlyList<AppointmentView> Live,
    CardPrintJob? Card,
    Domain.Calendar.OfficeCalendar Calendar);

/// <summary>The e-KTP part of the citizen's application page (Features/Applications/Detail.cshtml).</summary>
public sealed class AppointmentPanelViewComponent(AdmindukDbContext db, AppointmentBook book) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string receipt)
    {
        var ct = HttpContext.RequestAborted;
        var application = await db.Applications.AsNoTracking().Include(a => a.Office)
            .FirstOrDefaultAsync(a => a.ReceiptNumber == receipt, ct);
        if (application is null || application.Status == ApplicationStatus.Draft)
        {
            return Content("");
        }

        var open = await book.OpenVisitsAsync(application, ct);
        var live = (await book.AppointmentsAsync(application.Id, ct))
            .Where(a => a.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn)
            .ToList();
        var card = await db.CardPrintJobs.AsNoTracking().FirstOrDefaultAsync(j => j.ApplicationId == application.Id, ct);
        if (open.Count == 0 && live.Count == 0 && card is null)
        {
            return Content("");
        }

        return View("/Features/Ektp/_AppointmentPanel.cshtml",
            new AppointmentPanelModel(receipt, open, live, card, OfficeCalendars.Create(application.Office!, [])));
    }
}

/// <summary>The reorder alert on the supervisor dashboard (Features/BackOffice/Overview).</summary>
public sealed class StockAlertViewComponent(AdmindukDbContext db, StockLedger ledger) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int officeId)
    {
        var ct = HttpContext.RequestAborted;
        var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officeId, ct);
        if (office is null || !await db.StockBalances.AnyAsync(b => b.OfficeId == officeId, ct))
        {
            return Content("");
        }

        var status = await ledger.StatusAsync(office, ct);
        return View("/Features/Ektp/_StockAlert.cshtml", (office, status));
    }
}
