using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Applications;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Ektp;

/// <summary>The citizen books, cancels or rebooks an in-person visit (recording, original document, identity) for one application.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class AppointmentModel(AdmindukDbContext db, AppointmentBook book) : PageModel
{
    public Application Application { get; private set; } = null!;

    /// <summary>False when no handler loaded the application (an unknown handler name): the view then renders nothing.</summary>
    public bool Loaded { get; private set; }

    public ServiceDefinition? Service { get; private set; }

    public IReadOnlyList<VisitKind> OpenVisits { get; private set; } = [];

    public VisitKind? Visit { get; private set; }

    public AppointmentView? Live { get; private set; }

    public IReadOnlyList<OpenSlot> Slots { get; private set; } = [];

    public Domain.Calendar.OfficeCalendar Calendar { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string receipt, VisitKind? visit, CancellationToken ct)
    {
        if (!await LoadAsync(receipt, visit, ct))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostBookAsync(string receipt, VisitKind visit, long slotId, CancellationToken ct)
    {
        if (!await LoadAsync(receipt, visit, ct))
        {
            return NotFound();
        }

        var outcome = slotId <= 0
            ? BookingOutcome.SlotUnavailable
            : await book.BookAsync(Application.Id, ApplicationApi.UserId(User), visit, slotId, AuditLog.ActorOf(User), ct);
        Message = "Outcome." + outcome;
        return RedirectToPage(new { receipt = Application.ReceiptNumber, visit });
    }

    public async Task<IActionResult> OnPostCancelAsync(string receipt, VisitKind visit, CancellationToken ct)
    {
        if (!await LoadAsync(receipt, visit, ct))
        {
            return NotFound();
        }

        var outcome = await book.CancelAsync(Application.Id, ApplicationApi.UserId(User), visit, AuditLog.ActorOf(User), ct);
        Message = "Outcome." + outcome;
        return RedirectToPage(new { receipt = Application.ReceiptNumber, visit });
    }

    private async Task<bool> LoadAsync(string receipt, VisitKind? visit, CancellationToken ct)
    {
        var userId = ApplicationApi.UserId(User);
        if (ReceiptNumber.Normalize(receipt) is not { } normalized
            || await db.Applications.AsNoTracking().Include(a => a.Office)
                .FirstOrDefaultAsync(a => a.ReceiptNumber == normalized && a.ApplicantUserId == userId, ct) is not { } application)
        {
            return false;
        }

        Application = application;
        Loaded = true;
        Service = ServiceCatalog.Default.Find(application.ServiceCode);
        Calendar = OfficeCalendars.Create(application.Office!, []);
        OpenVisits = await book.OpenVisitsAsync(application, ct);
        Visit = visit is { } v && OpenVisits.Contains(v) ? v : OpenVisits.Count > 0 ? OpenVisits[0] : null;
        if (Visit is { } chosen)
        {
            Live = (await book.AppointmentsAsync(application.Id, ct))
                .FirstOrDefault(a => a.Kind == chosen && a.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn);
            Slots = await book.OpenSlotsAsync(application.OfficeId, chosen, ct);
        }

        return true;
    }
}
