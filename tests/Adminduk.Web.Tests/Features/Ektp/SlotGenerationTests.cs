using Adminduk.Web.Data;
using Adminduk.Web.Features.Ektp;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Adminduk.Web.Tests.Features.Ektp.EktpTestData;

namespace Adminduk.Web.Tests.Features.Ektp;

public class SlotGenerationTests
{
    [Fact]
    public void Slot_times_skip_the_break_and_end_by_closing_time()
    {
        var main = new VisitSchedule { Opens = new(8, 0), Closes = new(15, 0), BreakStarts = new(12, 0), BreakEnds = new(13, 0), SlotMinutes = 30 };
        var times = SlotGenerator.SlotTimes(main).ToList();
        times.Count.ShouldBe(12);
        times[0].ShouldBe((new TimeOnly(8, 0), new TimeOnly(8, 30)));
        times[7].ShouldBe((new TimeOnly(11, 30), new TimeOnly(12, 0)));
        times[8].ShouldBe((new TimeOnly(13, 0), new TimeOnly(13, 30)));
        times[^1].ShouldBe((new TimeOnly(14, 30), new TimeOnly(15, 0)));

        // A 45-minute slot that would run into the break starts after it instead.
        var odd = new VisitSchedule { Opens = new(8, 0), Closes = new(14, 0), BreakStarts = new(12, 0), BreakEnds = new(12, 30), SlotMinutes = 45 };
        SlotGenerator.SlotTimes(odd).Select(t => t.Start).ShouldBe([new(8, 0), new(8, 45), new(9, 30), new(10, 15), new(11, 0), new(12, 30), new(13, 15)]);
    }

    [Theory, BothDatabases]
    public async Task Slots_are_generated_weeks_ahead_on_working_days_with_a_place_per_desk(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 7, 0)); // Monday
        await using var services = Services(database, clock, settings: new Dictionary<string, string?> { ["Ektp:WeeksAhead"] = "2" });
        var o = await services.AddOfficeAsync();
        await services.WithDbAsync(db =>
        {
            db.OfficeHolidays.Add(new OfficeHoliday { OfficeId = o.Office.Id, Date = new DateOnly(2026, 11, 25), Name = "Pilkada" });
            db.OfficeHolidays.Add(new OfficeHoliday { OfficeId = null, Date = new DateOnly(2026, 12, 1), Name = "Libur nasional" });
            return Task.CompletedTask;
        });

        var added = await services.Run<SlotGenerator, int>(g => g.GenerateAsync(o.Office.Id, null, CancellationToken.None));

        // 23 Nov .. 7 Dec: 11 weekdays, minus the office holiday (25th) and the national one (1 Dec) = 9 working days.
        var slots = await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking().ToListAsync());
        slots.Select(s => s.Day).Distinct().Order().ShouldBe(
        [
            new(2026, 11, 23), new(2026, 11, 24), new(2026, 11, 26), new(2026, 11, 27), new(2026, 11, 30),
            new(2026, 12, 2), new(2026, 12, 3), new(2026, 12, 4), new(2026, 12, 7),
        ]);
        added.ShouldBe(9 * (12 + 4 + 12));
        slots.Count.ShouldBe(added);
        slots.Where(s => s.ScheduleId == o.MainRecording.Id).ShouldAllBe(s => s.Capacity == 3 && s.Booked == 0);
        slots.Where(s => s.ScheduleId == o.UptdRecording.Id).ShouldAllBe(s => s.Capacity == 1 && s.DeskKind == DeskKind.Recording);
        slots.Where(s => s.ScheduleId == o.MainCounter.Id).ShouldAllBe(s => s.Capacity == 1 && s.DeskKind == DeskKind.Counter);
        var first = slots.Where(s => s.ScheduleId == o.MainRecording.Id).MinBy(s => s.StartsAt)!;
        first.StartsAt.ShouldBe(Wita(2026, 11, 23, 8, 0));
        first.EndsAt.ShouldBe(Wita(2026, 11, 23, 8, 30));

        // A second run finds nothing to add; a day later the horizon moves on by one working day.
        (await services.Run<SlotGenerator, int>(g => g.GenerateAsync(o.Office.Id, null, CancellationToken.None))).ShouldBe(0);
        clock.Advance(TimeSpan.FromDays(1));
        (await services.Run<SlotGenerator, int>(g => g.GenerateAsync(o.Office.Id, null, CancellationToken.None))).ShouldBe(12 + 4 + 12); // Tue 8 Dec
    }

    [Theory, BothDatabases]
    public async Task Generation_on_several_instances_at_once_adds_each_slot_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 7, 0));
        var instances = Enumerable.Range(0, 4).Select(i => Services(database, clock, "gen" + i)).ToList();
        try
        {
            var o = await instances[0].AddOfficeAsync();
            var results = await Task.WhenAll(instances.SelectMany(s => Enumerable.Range(0, 2).Select(_ =>
                Task.Run(() => s.Run<SlotGenerator, int>(g => g.GenerateAsync(o.Office.Id, null, CancellationToken.None))))));

            var slots = await instances[0].QueryAsync(db => db.AppointmentSlots.AsNoTracking().Select(s => new { s.ScheduleId, s.StartsAt }).ToListAsync());
            slots.Count.ShouldBe(slots.Distinct().Count());
            results.Sum().ShouldBe(slots.Count);
            results.Count(r => r > 0).ShouldBe(1);
            slots.Count.ShouldBe(21 * (12 + 4 + 12)); // four weeks ahead: 23 Nov .. 21 Dec inclusive, 21 weekdays
        }
        finally
        {
            foreach (var s in instances)
            {
                await s.DisposeAsync();
            }
        }
    }

    [Theory, BothDatabases]
    public async Task The_background_job_generates_slots_for_every_office(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 7, 0));
        await using var services = Services(database, clock, settings: new Dictionary<string, string?> { ["Ektp:WeeksAhead"] = "1" });
        var bpn = await services.AddOfficeAsync("BPN");
        var plg = await services.AddOfficeAsync("PLG", "Asia/Jakarta", "16.71");

        await services.GetRequiredService<EktpJobs>().RunOnceAsync(CancellationToken.None);

        var perOffice = await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking().GroupBy(s => s.OfficeId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        perOffice.Single(p => p.Key == bpn.Office.Id).Count.ShouldBe(6 * 28); // 23..30 Nov: six weekdays
        perOffice.Single(p => p.Key == plg.Office.Id).Count.ShouldBe(6 * 28);
        var plgFirst = await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking().Where(s => s.OfficeId == plg.Office.Id).MinAsync(s => s.StartsAt));
        plgFirst.ShouldBe(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(7))); // 08:00 WIB
    }
}
