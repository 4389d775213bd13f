using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Ektp;

/// <summary>The desk's day: who is booked where and when; staff check people in and mark the visit done or a no-show.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DeskModel(AdmindukDbContext db, AppointmentBook book, TimeProvider time) : EktpStaffPage(db)
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Point { get; set; }

    public IReadOnlyList<DeskEntry> Entries { get; private set; } = [];

    public IReadOnlyList<ServicePoint> Points { get; private set; } = [];

    public Domain.Calendar.OfficeCalendar Calendar { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        Calendar = OfficeCalendars.Create(CurrentOffice, []);
        Now = time.GetUtcNow();
        Day ??= Calendar.LocalDate(Now);
        Points = await Db.ServicePoints.AsNoTracking().Where(p => p.OfficeId == CurrentOffice.Id).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        Entries = await book.DeskListAsync(CurrentOffice.Id, Day.Value, Point, ct);
        return Page();
    }

    public Task<IActionResult> OnPostCheckInAsync(long id, CancellationToken ct) => ActAsync(id, book.CheckInAsync, "Desk.CheckedIn", ct);

    public Task<IActionResult> OnPostDoneAsync(long id, CancellationToken ct) => ActAsync(id, book.MarkDoneAsync, "Desk.Done", ct);

    public Task<IActionResult> OnPostNoShowAsync(long id, CancellationToken ct) => ActAsync(id, book.MarkNoShowAsync, "Desk.NoShow", ct);

    private async Task<IActionResult> ActAsync(long id, Func<BackOffice.StaffMember, long, CancellationToken, Task<bool>> action, string done, CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        Message = await action(Acting, id, ct) ? done : "Desk.NotPossible";
        return RedirectToPage(new { Office, Day = Day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Point });
    }
}
