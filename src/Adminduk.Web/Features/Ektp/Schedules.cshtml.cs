using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Ektp;

/// <summary>Supervisors set each service point's desks and hours, generate slots now, and close days.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class SchedulesModel(AdmindukDbContext db, SlotGenerator generator, DayClosures closures, AuditLog audit, TimeProvider time) : EktpStaffPage(db)
{
    public IReadOnlyList<ServicePoint> Points { get; private set; } = [];

    public IReadOnlyList<VisitSchedule> Schedules { get; private set; } = [];

    public IReadOnlyList<SlotClosure> Closures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        Points = await Db.ServicePoints.AsNoTracking().Where(p => p.OfficeId == CurrentOffice.Id).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        var ids = Points.Select(p => p.Id).ToList();
        Schedules = await Db.VisitSchedules.AsNoTracking().Where(s => ids.Contains(s.ServicePointId)).ToListAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(CurrentOffice.TimeZoneId)).DateTime);
        Closures = await Db.SlotClosures.AsNoTracking().Where(c => c.OfficeId == CurrentOffice.Id && c.Day >= today).OrderBy(c => c.Day).Take(50).ToListAsync(ct);
        return Page();
    }

    public VisitSchedule ScheduleFor(int pointId, DeskKind desk) =>
        Schedules.FirstOrDefault(s => s.ServicePointId == pointId && s.DeskKind == desk)
        ?? new VisitSchedule { ServicePointId = pointId, DeskKind = desk, Desks = 0 };

    public async Task<IActionResult> OnPostSaveAsync(
        int pointId, DeskKind desk, int desks, TimeOnly opens, TimeOnly closes, TimeOnly? breakStarts, TimeOnly? breakEnds, int slotMinutes, CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        if (!await Db.ServicePoints.AnyAsync(p => p.Id == pointId && p.OfficeId == CurrentOffice.Id, ct))
        {
            return NotFound();
        }

        if (desks is < 0 or > 100 || slotMinutes is < 5 or > 240 || closes <= opens || (breakStarts is null) != (breakEnds is null) || breakEnds <= breakStarts)
        {
            Message = "Schedules.Invalid";
            return RedirectToPage(new { Office });
        }

        var schedule = await Db.VisitSchedules.FirstOrDefaultAsync(s => s.ServicePointId == pointId && s.DeskKind == desk, ct);
        if (schedule is null)
        {
            schedule = new VisitSchedule { ServicePointId = pointId, DeskKind = desk };
            Db.VisitSchedules.Add(schedule);
        }

        schedule.Desks = desks;
        schedule.Opens = opens;
        schedule.Closes = closes;
        schedule.BreakStarts = breakStarts;
        schedule.BreakEnds = breakEnds;
        schedule.SlotMinutes = slotMinutes;
        schedule.UpdatedAt = time.GetUtcNow();
        audit.Add("schedule.save", "service-point", pointId.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{desk}: {desks} desks {opens:HH\\:mm}-{closes:HH\\:mm}, break {breakStarts:HH\\:mm}-{breakEnds:HH\\:mm}, {slotMinutes} min"), Staff.Actor);
        await Db.SaveChangesAsync(ct);
        Message = "Schedules.Saved";
        return RedirectToPage(new { Office });
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        var added = await generator.GenerateAsync(CurrentOffice.Id, Staff.Actor, ct);
        Message = "Schedules.Generated";
        TempData["Schedules.Count"] = added;
        return RedirectToPage(new { Office });
    }

    public async Task<IActionResult> OnPostCloseAsync(DateOnly day, ClosureReason reason, int? pointId, DeskKind? desk, int desksLeft, string? note, CancellationToken ct)
    {
        if (!await LoadOfficeAsync(ct))
        {
            return NotFound();
        }

        if (!Enum.IsDefined(reason) || (pointId is not null && !await Db.ServicePoints.AnyAsync(p => p.Id == pointId && p.OfficeId == CurrentOffice.Id, ct)))
        {
            Message = "Schedules.Invalid";
            return RedirectToPage(new { Office });
        }

        var cancelled = await closures.CloseAsync(Acting, CurrentOffice.Id, new DayClosures.Request(day, reason, pointId, desk, desksLeft, note), ct);
        Message = "Schedules.Closed";
        TempData["Schedules.Count"] = cancelled;
        return RedirectToPage(new { Office });
    }
}
