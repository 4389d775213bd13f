using Adminduk.Web.Data;
using Adminduk.Web.Features.Ektp;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Adminduk.Web.Tests.Features.Ektp.EktpTestData;

namespace Adminduk.Web.Tests.Features.Ektp;

public class ClosureTests
{
    [Theory, BothDatabases]
    public async Task A_new_holiday_cancels_the_days_bookings_notifies_them_and_stays_closed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 7, 0));
        await using var services = Services(database, clock, settings: new Dictionary<string, string?> { ["Ektp:WeeksAhead"] = "1" });
        var o = await services.AddOfficeAsync();
        await services.Run<SlotGenerator, int>(g => g.GenerateAsync(o.Office.Id, null, CancellationToken.None));
        var slots = await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking().ToListAsync());
        long Slot(VisitSchedule s, int day, int hour) => slots.Single(x => x.ScheduleId == s.Id && x.StartsAt == Wita(2026, 11, day, hour, 0)).Id;

        var bookings = new[] { (Slot(o.MainRecording, 24, 9), "01"), (Slot(o.MainRecording, 24, 10), "02"), (Slot(o.UptdRecording, 24, 9), "03"), (Slot(o.MainRecording, 25, 9), "04") };
        foreach (var (slot, n) in bookings)
        {
            var citizen = await services.AddCitizenAsync("+62812300000" + n);
            var application = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 20, 0));
            (await services.Run<AppointmentBook, BookingOutcome>(b => b.BookAsync(application.Id, citizen.Id, VisitKind.Recording, slot, Actor(citizen), CancellationToken.None)))
                .ShouldBe(BookingOutcome.Booked);
        }

        var cancelled = await services.Run<DayClosures, int>(c => c.CloseAsync(Staff(o.Office), o.Office.Id,
            new DayClosures.Request(new DateOnly(2026, 11, 24), ClosureReason.Holiday, null, null, 0, "Cuti bersama"), CancellationToken.None));

        cancelled.ShouldBe(3);
        var after = await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking().ToListAsync());
        after.Where(s => s.Day == new DateOnly(2026, 11, 24)).ShouldAllBe(s => s.ClosedAt != null && s.Booked == 0 && s.ClosedReason == ClosureReason.Holiday);
        after.Where(s => s.Day == new DateOnly(2026, 11, 25)).ShouldAllBe(s => s.ClosedAt == null);
        after.Single(s => s.Id == Slot(o.MainRecording, 25, 9)).Booked.ShouldBe(1);
        var statuses = await services.QueryAsync(db => db.Appointments.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Status).ToListAsync());
        statuses.ShouldBe([AppointmentStatus.CancelledByOffice, AppointmentStatus.CancelledByOffice, AppointmentStatus.CancelledByOffice, AppointmentStatus.Booked]);
        var messages = await services.MessagesAsync("appointment-cancelled-by-office");
        messages.Select(m => m.Recipient).Order().ShouldBe(["+6281230000001", "+6281230000002", "+6281230000003"]);
        messages[0].Text.ShouldContain("hari libur");
        messages[0].Text.ShouldContain("Selasa, 24 November 2026");
        (await services.QueryAsync(db => db.OfficeHolidays.AnyAsync(h => h.OfficeId == o.Office.Id && h.Date == new DateOnly(2026, 11, 24)))).ShouldBeTrue();
        (await services.Run<AppointmentBook, List<OpenSlot>>(b => b.OpenSlotsAsync(o.Office.Id, VisitKind.Recording, CancellationToken.None)))
            .ShouldNotContain(s => s.Day == new DateOnly(2026, 11, 24));
        (await services.Run<SlotGenerator, int>(g => g.GenerateAsync(o.Office.Id, null, CancellationToken.None))).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task A_desk_down_keeps_the_first_bookers_and_a_suspension_ahead_keeps_the_day_closed_when_generated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 7, 0));
        await using var services = Services(database, clock, settings: new Dictionary<string, string?> { ["Ektp:WeeksAhead"] = "1" });
        var o = await services.AddOfficeAsync();
        await services.Run<SlotGenerator, int>(g => g.GenerateAsync(o.Office.Id, null, CancellationToken.None));
        var nine = await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking().SingleAsync(s => s.ScheduleId == o.MainRecording.Id && s.StartsAt == Wita(2026, 11, 26, 9, 0)));
        var people = new List<long>();
        for (var i = 1; i <= 3; i++)
        {
            var citizen = await services.AddCitizenAsync("+6281240000" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            var application = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 20, i));
            people.Add(application.Id);
            clock.Advance(TimeSpan.FromMinutes(1));
            await services.Run<AppointmentBook, BookingOutcome>(b => b.BookAsync(application.Id, citizen.Id, VisitKind.Recording, nine.Id, Actor(citizen), CancellationToken.None));
        }

        // Two of the three recording desks at the main office break down on Thursday.
        var cancelled = await services.Run<DayClosures, int>(c => c.CloseAsync(Staff(o.Office), o.Office.Id,
            new DayClosures.Request(new DateOnly(2026, 11, 26), ClosureReason.DeskDown, o.Main.Id, DeskKind.Recording, 1, null), CancellationToken.None));

        cancelled.ShouldBe(2);
        var slot = await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking().SingleAsync(s => s.Id == nine.Id));
        slot.Capacity.ShouldBe(1);
        slot.Booked.ShouldBe(1);
        slot.ClosedAt.ShouldBeNull();
        var kept = await services.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Status == AppointmentStatus.Booked));
        kept.ApplicationId.ShouldBe(people[0]);
        (await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking()
            .Where(s => s.Day == new DateOnly(2026, 11, 26) && s.ScheduleId == o.MainRecording.Id).AllAsync(s => s.Capacity == 1))).ShouldBeTrue();
        (await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking()
            .Where(s => s.Day == new DateOnly(2026, 11, 26) && s.ScheduleId == o.UptdRecording.Id).AllAsync(s => s.Capacity == 1 && s.ClosedAt == null))).ShouldBeTrue();

        // Recording suspended at the UPTD on a day not generated yet: when the horizon reaches it, only that desk stays shut.
        var day = new DateOnly(2026, 12, 3);
        await services.Run<DayClosures, int>(c => c.CloseAsync(Staff(o.Office), o.Office.Id,
            new DayClosures.Request(day, ClosureReason.RecordingSuspended, o.Uptd.Id, null, 0, "Server pusat"), CancellationToken.None));
        clock.SetUtcNow(Wita(2026, 11, 27, 7, 0));
        await services.Run<SlotGenerator, int>(g => g.GenerateAsync(o.Office.Id, null, CancellationToken.None));
        var generated = await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking().Where(s => s.Day == day).ToListAsync());
        generated.ShouldNotContain(s => s.ScheduleId == o.UptdRecording.Id);
        generated.Count(s => s.ScheduleId == o.MainRecording.Id).ShouldBe(12);
        generated.Count(s => s.ScheduleId == o.MainCounter.Id).ShouldBe(12);
    }
}
