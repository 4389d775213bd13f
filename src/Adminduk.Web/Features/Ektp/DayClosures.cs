using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Ektp;

/// <summary>
/// A supervisor's closure of a day: a new holiday (every point, every desk, and the office calendar), desks down at a
/// point (fewer places; 0 closes), or recording suspended. Bookings that no longer fit are cancelled and their citizens
/// notified in the same transaction (outbox). Later slot generation respects the closure.
/// </summary>
public sealed class DayClosures(AdmindukDbContext db, TimeProvider time, AuditLog audit, Outbox outbox)
{
    public sealed record Request(DateOnly Day, ClosureReason Reason, int? ServicePointId, DeskKind? DeskKind, int DesksLeft, string? Note);

    /// <summary>Applies the closure; returns how many bookings were cancelled.</summary>
    public async Task<int> CloseAsync(StaffMember supervisor, int officeId, Request request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var holiday = request.Reason == ClosureReason.Holiday;
        var closure = new SlotClosure
        {
            OfficeId = officeId,
            Day = request.Day,
            Reason = request.Reason,
            ServicePointId = holiday ? null : request.ServicePointId,
            DeskKind = request.Reason switch
            {
                ClosureReason.Holiday => null,
                ClosureReason.RecordingSuspended => Data.DeskKind.Recording,
                _ => request.DeskKind,
            },
            DesksLeft = request.Reason == ClosureReason.DeskDown ? Math.Max(0, request.DesksLeft) : 0,
            Note = request.Note?.Trim() is { Length: > 0 } n ? n[..Math.Min(n.Length, 500)] : null,
            At = now,
            ByUserId = supervisor.UserId,
        };

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await EktpLocks.LockOfficeAsync(db, officeId, ct);
        db.SlotClosures.Add(closure);
        if (holiday && !await db.OfficeHolidays.AnyAsync(h => (h.OfficeId == officeId || h.OfficeId == null) && h.Date == request.Day, ct))
        {
            db.OfficeHolidays.Add(new OfficeHoliday { OfficeId = officeId, Date = request.Day, Name = closure.Note ?? EktpText.Stored("Closure.Holiday") });
        }

        var slots = await LockSlotsAsync(officeId, request.Day, ct);
        var office = await db.Offices.AsNoTracking().FirstAsync(o => o.Id == officeId, ct);
        var calendar = OfficeCalendars.Create(office, []);
        var points = await db.ServicePoints.AsNoTracking().Where(p => p.OfficeId == officeId).ToDictionaryAsync(p => p.Id, ct);
        var cancelled = 0;
        foreach (var slot in slots.Where(s => s.ClosedAt is null && SlotGenerator.Applies(closure, s.ServicePointId, s.DeskKind)))
        {
            var keep = closure.DesksLeft;
            var live = await db.Appointments
                .Where(a => a.SlotId == slot.Id && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn))
                .OrderBy(a => a.BookedAt).ThenBy(a => a.Id)
                .ToListAsync(ct);
            // Those who booked first keep the places left; people already checked in are being served and stay.
            var toCancel = live.Where(a => a.Status == AppointmentStatus.Booked).Skip(Math.Max(0, keep - live.Count(a => a.Status == AppointmentStatus.CheckedIn))).ToList();
            foreach (var appointment in toCancel)
            {
                appointment.Status = AppointmentStatus.CancelledByOffice;
                appointment.ChangedAt = now;
                appointment.ChangedByUserId = supervisor.UserId;
                await NotifyCancelledAsync(appointment, slot, points[slot.ServicePointId], calendar, closure, supervisor, now, ct);
            }

            slot.Booked -= toCancel.Count;
            if (keep == 0)
            {
                slot.ClosedAt = now;
                slot.ClosedReason = closure.Reason;
            }
            else
            {
                slot.Capacity = Math.Max(Math.Min(slot.Capacity, keep), slot.Booked);
            }

            cancelled += toCancel.Count;
        }

        audit.Add("slots.close", "office", office.Code,
            string.Create(CultureInfo.InvariantCulture, $"{closure.Reason} {closure.Day:yyyy-MM-dd} point {closure.ServicePointId?.ToString(CultureInfo.InvariantCulture) ?? "all"} desk {closure.DeskKind?.ToString() ?? "all"} left {closure.DesksLeft}; {cancelled} bookings cancelled"),
            supervisor.Actor);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return cancelled;
    }

    private async Task<List<AppointmentSlot>> LockSlotsAsync(int officeId, DateOnly day, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Bookings take places with an UPDATE of the slot row: holding these rows makes them wait, then see the closure.
            return await db.AppointmentSlots.FromSql($"""
                SELECT * FROM "AppointmentSlots" WHERE "OfficeId" = {officeId} AND "Day" = {day} FOR UPDATE
                """).ToListAsync(ct);
        }

        return await db.AppointmentSlots.Where(s => s.OfficeId == officeId && s.Day == day).ToListAsync(ct);
    }

    private async Task NotifyCancelledAsync(
        Appointment appointment, AppointmentSlot slot, ServicePoint point, Domain.Calendar.OfficeCalendar calendar, SlotClosure closure,
        StaffMember supervisor, DateTimeOffset now, CancellationToken ct)
    {
        var application = await db.Applications.FirstAsync(a => a.Id == appointment.ApplicationId, ct);
        var when = EktpText.When(calendar, slot.StartsAt);
        var reason = EktpText.Stored("Closure." + closure.Reason);
        db.ApplicationHistory.Add(new ApplicationHistoryEntry
        {
            ApplicationId = application.Id,
            At = now,
            FromStatus = application.Status,
            ToStatus = application.Status,
            ActorUserId = supervisor.UserId,
            ActorName = supervisor.DisplayName,
            Note = EktpText.Stored("History.CancelledByOffice", EktpText.Stored("Visit." + appointment.Kind), when, reason),
        });
        audit.Add("appointment.cancelled-by-office", "application", AppointmentBook.Id(application),
            string.Create(CultureInfo.InvariantCulture, $"{appointment.Kind} slot {slot.Id}: {closure.Reason}"), supervisor.Actor);
        if (await EktpNotifications.RecipientAsync(db, application, ct) is { } recipient)
        {
            outbox.Add(recipient, "appointment-cancelled-by-office", new Dictionary<string, string>
            {
                ["receipt"] = application.ReceiptNumber ?? AppointmentBook.Id(application),
                ["visit"] = EktpText.Stored("Visit." + appointment.Kind),
                ["when"] = when,
                ["place"] = point.Name,
                ["reason"] = reason,
            }, application.Id);
        }
    }
}
