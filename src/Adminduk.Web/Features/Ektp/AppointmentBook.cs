using System.Globalization;
using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.Ektp;

public enum BookingOutcome
{
    Booked = 1,

    /// <summary>Every place of the slot is taken.</summary>
    Full = 2,

    /// <summary>The slot is closed, too soon, past, or not one this visit can use.</summary>
    SlotUnavailable = 3,

    /// <summary>The application does not need this visit (any more).</summary>
    NotNeeded = 4,

    /// <summary>The citizen used every change allowed for this visit.</summary>
    LimitReached = 5,

    /// <summary>Another booking for the same visit won a race; nothing changed.</summary>
    AlreadyBooked = 6,

    /// <summary>No live booking to cancel, or too late to cancel it.</summary>
    NothingToCancel = 7,

    Cancelled = 8,
}

/// <summary>A slot as the booking page lists it.</summary>
public sealed record OpenSlot(long Id, int ServicePointId, string ServicePoint, DateOnly Day, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int PlacesLeft);

/// <summary>A live or past booking of an application, with where and when.</summary>
public sealed record AppointmentView(
    long Id, VisitKind Kind, AppointmentStatus Status, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string ServicePoint, string Address, DateOnly Day);

/// <summary>
/// Booking, cancelling and rebooking slots, and the desk's check-in, done and no-show. Capacity is taken with one
/// conditional UPDATE (Booked = Booked + 1 WHERE Booked &lt; Capacity AND not closed), which is atomic on both databases,
/// and a CHECK constraint (Booked &lt;= Capacity) guards it; a partial unique index allows one live booking per visit.
/// </summary>
public sealed class AppointmentBook(
    AdmindukDbContext db,
    TimeProvider time,
    AuditLog audit,
    Outbox outbox,
    PrintQueue printQueue,
    IOptions<EktpOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyDictionary<string, string?> Form(Application application) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(application.FormJson, Json) ?? [];

    /// <summary>The visits the application still needs booked or made (a recording already done is not needed again).</summary>
    public async Task<IReadOnlyList<VisitKind>> OpenVisitsAsync(Application application, CancellationToken ct)
    {
        if (ServiceCatalog.Default.Find(application.ServiceCode) is not { } service)
        {
            return [];
        }

        var done = await db.Appointments.AsNoTracking()
            .Where(a => a.ApplicationId == application.Id && a.Status == AppointmentStatus.Done)
            .Select(a => a.Kind)
            .ToListAsync(ct);
        return [.. Visits.Needed(service, application, Form(application)).Where(k => !done.Contains(k))];
    }

    public Task<List<AppointmentView>> AppointmentsAsync(long applicationId, CancellationToken ct) =>
        db.Appointments.AsNoTracking()
            .Where(a => a.ApplicationId == applicationId)
            .Join(db.ServicePoints, a => a.Slot!.ServicePointId, p => p.Id, (a, p) => new { a, p })
            .OrderByDescending(x => x.a.BookedAt)
            .Select(x => new AppointmentView(x.a.Id, x.a.Kind, x.a.Status, x.a.Slot!.StartsAt, x.a.Slot.EndsAt, x.p.Name, x.p.Address, x.a.Slot.Day))
            .ToListAsync(ct);

    /// <summary>Slots of the application's office with a free place, far enough ahead, for the visit's desk.</summary>
    public async Task<List<OpenSlot>> OpenSlotsAsync(int officeId, VisitKind kind, CancellationToken ct)
    {
        var earliest = time.GetUtcNow() + options.Value.MinimumNotice;
        var desk = Visits.DeskFor(kind);
        var slots = await db.AppointmentSlots.AsNoTracking()
            .Where(s => s.OfficeId == officeId && s.DeskKind == desk && s.ClosedAt == null && s.Booked < s.Capacity && s.StartsAt >= earliest)
            .Join(db.ServicePoints, s => s.ServicePointId, p => p.Id, (s, p) => new OpenSlot(s.Id, p.Id, p.Name, s.Day, s.StartsAt, s.EndsAt, s.Capacity - s.Booked))
            .ToListAsync(ct);
        var days = slots.Select(s => s.Day).Distinct().Order().Take(options.Value.BookingDaysShown).ToHashSet();
        return [.. slots.Where(s => days.Contains(s.Day)).OrderBy(s => s.StartsAt).ThenBy(s => s.ServicePoint, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Books <paramref name="slotId"/> for the visit, replacing a live booking of the same visit (a rebooking).
    /// <paramref name="applicantUserId"/> null: staff books for the citizen (not limited).
    /// </summary>
    public async Task<BookingOutcome> BookAsync(long applicationId, Guid? applicantUserId, VisitKind kind, long slotId, AuditActor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var application = await db.Applications.FirstOrDefaultAsync(
            a => a.Id == applicationId && (applicantUserId == null || a.ApplicantUserId == applicantUserId), ct);
        if (application is null || !(await OpenVisitsAsync(application, ct)).Contains(kind))
        {
            return BookingOutcome.NotNeeded;
        }

        var slot = await db.AppointmentSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot is null || slot.OfficeId != application.OfficeId || slot.DeskKind != Visits.DeskFor(kind)
            || slot.ClosedAt is not null || slot.StartsAt < now + options.Value.MinimumNotice)
        {
            return BookingOutcome.SlotUnavailable;
        }

        var history = await db.Appointments
            .Where(a => a.ApplicationId == applicationId && a.Kind == kind)
            .ToListAsync(ct);
        var live = history.FirstOrDefault(a => a.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn);
        if (live is not null)
        {
            if (live.SlotId == slotId)
            {
                return BookingOutcome.AlreadyBooked;
            }

            var liveSlot = await db.AppointmentSlots.AsNoTracking().FirstAsync(s => s.Id == live.SlotId, ct);
            if (live.Status != AppointmentStatus.Booked || liveSlot.StartsAt < now + options.Value.MinimumNotice)
            {
                return BookingOutcome.SlotUnavailable;
            }
        }

        // Office cancellations and no-shows do not count; each booking the citizen made (or replaced) does.
        var used = history.Count(a => a.Status is not (AppointmentStatus.CancelledByOffice or AppointmentStatus.NoShow));
        if (applicantUserId is not null && used >= 1 + options.Value.MaxChangesPerVisit)
        {
            return BookingOutcome.LimitReached;
        }

        // Take places in slot-id order so two rebookings in opposite directions cannot deadlock.
        if (live is not null && live.SlotId < slotId)
        {
            await ReleasePlaceAsync(live.SlotId, ct);
        }

        var taken = await db.AppointmentSlots
            .Where(s => s.Id == slotId && s.ClosedAt == null && s.Booked < s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), ct);
        if (taken == 0)
        {
            return BookingOutcome.Full;
        }

        if (live is not null)
        {
            if (live.SlotId > slotId)
            {
                await ReleasePlaceAsync(live.SlotId, ct);
            }

            live.Status = AppointmentStatus.Cancelled;
            live.ChangedAt = now;
            live.ChangedByUserId = actor.Id;
        }

        var appointment = new Appointment
        {
            SlotId = slotId,
            ApplicationId = applicationId,
            Kind = kind,
            BookedAt = now,
            BookedByUserId = actor.Id,
        };
        db.Appointments.Add(appointment);
        var (place, when) = await DescribeAsync(slot, ct);
        AddHistory(application, now, actor, EktpText.Stored(live is null ? "History.Booked" : "History.Rebooked", EktpText.Stored("Visit." + kind), when, place));
        audit.Add(live is null ? "appointment.book" : "appointment.rebook", "application", Id(application),
            string.Create(CultureInfo.InvariantCulture, $"{kind} slot {slotId}"), actor);
        await NotifyAsync(application, "appointment-booked", new Dictionary<string, string>
        {
            ["receipt"] = application.ReceiptNumber ?? Id(application),
            ["visit"] = EktpText.Stored("Visit." + kind),
            ["when"] = when,
            ["place"] = place,
        }, ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The partial unique index: another request booked this visit at the same moment.
            db.ChangeTracker.Clear();
            return BookingOutcome.AlreadyBooked;
        }

        await tx.CommitAsync(ct);
        return BookingOutcome.Booked;
    }

    /// <summary>The citizen cancels the visit's live booking (not within the minimum notice).</summary>
    public async Task<BookingOutcome> CancelAsync(long applicationId, Guid applicantUserId, VisitKind kind, AuditActor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.ApplicantUserId == applicantUserId, ct);
        var live = application is null
            ? null
            : await db.Appointments.Include(a => a.Slot)
                .FirstOrDefaultAsync(a => a.ApplicationId == applicationId && a.Kind == kind && a.Status == AppointmentStatus.Booked, ct);
        if (application is null || live is null || live.Slot!.StartsAt < now + options.Value.MinimumNotice)
        {
            return BookingOutcome.NothingToCancel;
        }

        live.Status = AppointmentStatus.Cancelled;
        live.ChangedAt = now;
        live.ChangedByUserId = actor.Id;
        await ReleasePlaceAsync(live.SlotId, ct);
        var (_, when) = await DescribeAsync(live.Slot, ct);
        AddHistory(application, now, actor, EktpText.Stored("History.Cancelled", EktpText.Stored("Visit." + kind), when));
        audit.Add("appointment.cancel", "application", Id(application), string.Create(CultureInfo.InvariantCulture, $"{kind} slot {live.SlotId}"), actor);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return BookingOutcome.Cancelled;
    }

    /// <summary>The desk's list for a day at a service point (or every point of the office).</summary>
    public Task<List<DeskEntry>> DeskListAsync(int officeId, DateOnly day, int? servicePointId, CancellationToken ct) =>
        db.Appointments.AsNoTracking()
            .Where(a => a.Slot!.OfficeId == officeId && a.Slot.Day == day && (servicePointId == null || a.Slot.ServicePointId == servicePointId)
                && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.CancelledByOffice)
            .Join(db.Applications, a => a.ApplicationId, x => x.Id, (a, x) => new { a, x })
            .Join(db.ServicePoints, y => y.a.Slot!.ServicePointId, p => p.Id, (y, p) => new { y.a, y.x, p })
            .OrderBy(z => z.a.Slot!.StartsAt).ThenBy(z => z.a.BookedAt)
            .Select(z => new DeskEntry(z.a.Id, z.a.Kind, z.a.Status, z.a.Slot!.StartsAt, z.p.Name, z.x.ReceiptNumber ?? "", z.x.ServiceCode, z.x.FormJson))
            .ToListAsync(ct);

    public Task<bool> CheckInAsync(StaffMember staff, long appointmentId, CancellationToken ct) =>
        ChangeAsync(staff, appointmentId, [AppointmentStatus.Booked], AppointmentStatus.CheckedIn, ct);

    public Task<bool> MarkDoneAsync(StaffMember staff, long appointmentId, CancellationToken ct) =>
        ChangeAsync(staff, appointmentId, [AppointmentStatus.Booked, AppointmentStatus.CheckedIn], AppointmentStatus.Done, ct);

    /// <summary>Only once the slot has begun; the citizen may then book again (a no-show does not count as a change).</summary>
    public Task<bool> MarkNoShowAsync(StaffMember staff, long appointmentId, CancellationToken ct) =>
        ChangeAsync(staff, appointmentId, [AppointmentStatus.Booked], AppointmentStatus.NoShow, ct);

    private async Task<bool> ChangeAsync(StaffMember staff, long appointmentId, AppointmentStatus[] from, AppointmentStatus to, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var appointment = await db.Appointments.Include(a => a.Slot)
            .FirstOrDefaultAsync(a => a.Id == appointmentId && a.Slot!.OfficeId == staff.OfficeId, ct);
        if (appointment is null || !from.Contains(appointment.Status) || (to == AppointmentStatus.NoShow && appointment.Slot!.StartsAt > now))
        {
            return false;
        }

        var application = await db.Applications.FirstAsync(a => a.Id == appointment.ApplicationId, ct);
        appointment.Status = to;
        appointment.ChangedAt = now;
        appointment.ChangedByUserId = staff.UserId;
        var visit = EktpText.Stored("Visit." + appointment.Kind);
        AddHistory(application, now, staff.Actor, EktpText.Stored("History." + to, visit), staff.DisplayName);
        audit.Add("appointment." + to.ToString().ToLowerInvariant(), "application", Id(application),
            string.Create(CultureInfo.InvariantCulture, $"{appointment.Kind} appointment {appointment.Id}"), staff.Actor);
        if (to == AppointmentStatus.NoShow)
        {
            await NotifyAsync(application, "appointment-missed", new Dictionary<string, string>
            {
                ["receipt"] = application.ReceiptNumber ?? Id(application),
                ["visit"] = visit,
            }, ct);
        }

        if (to == AppointmentStatus.Done)
        {
            await CompleteVisitAsync(application, appointment, staff, now, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private async Task CompleteVisitAsync(Application application, Appointment appointment, StaffMember staff, DateTimeOffset now, CancellationToken ct)
    {
        switch (appointment.Kind)
        {
            case VisitKind.Recording:
                // Recorded: an approved card is ready for the print queue now (approval may have come first).
                await db.SaveChangesAsync(ct);
                await printQueue.EnqueueIfReadyAsync(db, application, now, new AuditActor(staff.UserId, staff.DisplayName), ct);
                break;
            case VisitKind.IdentityConfirmation:
                // Seen in person with the KTP/KK: the provisional link becomes a full one, as a confirmed selfie would.
                application.NeedsIdentityConfirmation = false;
                ClaimQueue.Touch(application, now);
                var applicant = await db.Users.FirstOrDefaultAsync(u => u.Id == application.ApplicantUserId, ct);
                if (applicant is { IdentityProvisional: true } && applicant.ResidentId == application.SubjectResidentId)
                {
                    applicant.IdentityProvisional = false;
                    audit.Add("identity.link-confirmed", "user", applicant.Id.ToString(), "in person", staff.Actor);
                }

                break;
        }
    }

    private Task ReleasePlaceAsync(long slotId, CancellationToken ct) =>
        db.AppointmentSlots.Where(s => s.Id == slotId && s.Booked > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), ct);

    private async Task<(string Place, string When)> DescribeAsync(AppointmentSlot slot, CancellationToken ct)
    {
        var point = await db.ServicePoints.AsNoTracking().Include(p => p.Office).FirstAsync(p => p.Id == slot.ServicePointId, ct);
        var calendar = OfficeCalendars.Create(point.Office!, []);
        return ($"{point.Name}, {point.Address}", EktpText.When(calendar, slot.StartsAt));
    }

    private void AddHistory(Application application, DateTimeOffset now, AuditActor actor, string note, string? actorName = null) =>
        db.ApplicationHistory.Add(new ApplicationHistoryEntry
        {
            ApplicationId = application.Id,
            At = now,
            FromStatus = application.Status,
            ToStatus = application.Status,
            ActorUserId = actor.Id,
            ActorName = actorName ?? actor.Name,
            Note = note,
        });

    private async Task NotifyAsync(Application application, string template, Dictionary<string, string> parameters, CancellationToken ct)
    {
        if (await EktpNotifications.RecipientAsync(db, application, ct) is { } recipient)
        {
            outbox.Add(recipient, template, parameters, application.Id);
        }
    }

    internal static string Id(Application application) => application.Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One line of the desk's day list.</summary>
public sealed record DeskEntry(long Id, VisitKind Kind, AppointmentStatus Status, DateTimeOffset StartsAt, string ServicePoint, string Receipt, string ServiceCode, string FormJson);

/// <summary>Who hears about an application: the applicant's phone or e-mail (assisted walk-ins were told at the counter).</summary>
internal static class EktpNotifications
{
    public static async Task<string?> RecipientAsync(AdmindukDbContext db, Application application, CancellationToken ct)
    {
        if (application.IsAssisted)
        {
            return null;
        }

        var applicant = await db.Users.AsNoTracking()
            .Where(u => u.Id == application.ApplicantUserId)
            .Select(u => new { u.PhoneNumber, u.Email })
            .FirstOrDefaultAsync(ct);
        return applicant?.PhoneNumber ?? applicant?.Email;
    }
}
