using System.Xml.Linq;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Ektp;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Adminduk.Web.Tests.Features.Ektp.EktpTestData;

namespace Adminduk.Web.Tests.Features.Ektp;

public class StockLedgerTests
{
    private static readonly AuditActor Warehouse = new(null, "gudang");

    private static Task<StockEntryOutcome> RecordAsync(IServiceProvider services, Office office, StockMovementKind kind, int quantity, string? reason = null) =>
        services.Run<StockLedger, StockEntryOutcome>(l => l.RecordAsync(office.Id, kind, quantity, reason, Warehouse, CancellationToken.None));

    private static Task<StockStatus> StatusAsync(IServiceProvider services, Office office) =>
        services.Run<StockLedger, StockStatus>(l => l.StatusAsync(office, CancellationToken.None));

    private static Task<bool> ReviewAsync(IServiceProvider services, Office office) =>
        services.Run<StockLedger, bool>(l => l.ReviewAsync(office.Id, CancellationToken.None));

    /// <summary>A supervisor of the office with a phone, to receive the alert, and the role row the app creates at start-up.</summary>
    private static async Task AddSupervisorAsync(IServiceProvider services, Office office, string phone)
    {
        var supervisor = await services.AddCitizenAsync(phone, u => u.OfficeId = office.Id);
        await services.WithDbAsync(async db =>
        {
            var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == Roles.Supervisor);
            if (role is null)
            {
                role = new AppRole { Id = Guid.NewGuid(), Name = Roles.Supervisor, NormalizedName = Roles.Supervisor.ToUpperInvariant() };
                db.Roles.Add(role);
            }

            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<Guid> { UserId = supervisor.Id, RoleId = role.Id });
        });
    }

    private static List<DateOnly> WorkingDays(DateOnly from, int count)
    {
        var days = new List<DateOnly>();
        for (var d = from; days.Count < count; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days.Add(d);
            }
        }

        return days;
    }

    private static DateTimeOffset At(DateOnly day, int hour, TimeSpan offset) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), offset).ToUniversalTime();

    [Theory, BothDatabases]
    public async Task Balikpapan_seed_scenario_alerts_on_the_11th_working_day_once_and_runs_out_on_the_21st(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var wita = TimeSpan.FromHours(8);
        var clock = new FakeTimeProvider(Wita(2026, 11, 2, 8, 0));
        await using var services = Services(database, clock);
        var o = await services.AddOfficeAsync();
        await AddSupervisorAsync(services, o.Office, "+6281290000001");

        // History: 7,200 + 14 x 350 received, then 350 printed on each of the 14 working days before Monday 23 November.
        (await RecordAsync(services, o.Office, StockMovementKind.Receipt, 7_200 + (14 * 350))).ShouldBe(StockEntryOutcome.Recorded);
        var history = WorkingDays(new DateOnly(2026, 11, 3), 14);
        history[^1].ShouldBe(new DateOnly(2026, 11, 20));
        foreach (var day in history)
        {
            clock.SetUtcNow(At(day, 14, wita));
            (await RecordAsync(services, o.Office, StockMovementKind.Printed, 350)).ShouldBe(StockEntryOutcome.Recorded);
        }

        // The start: Monday 23 November, 09:00.
        clock.SetUtcNow(Wita(2026, 11, 23, 9, 0));
        var days = WorkingDays(new DateOnly(2026, 11, 23), 21);
        var start = await StatusAsync(services, o.Office);
        start.Forecast.Balance.ShouldBe(7_200);
        start.Forecast.AveragePerWorkingDay.ShouldBe(350);
        Math.Round(start.Forecast.WorkingDaysLeft!.Value, 1).ShouldBe(20.6);
        start.Forecast.RunOutDay.ShouldBe(days[20]);
        start.Forecast.Alert.ShouldBeFalse();
        (await ReviewAsync(services, o.Office)).ShouldBeFalse();

        var alerts = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            clock.SetUtcNow(At(days[i], 10, wita));
            var outcome = await RecordAsync(services, o.Office, StockMovementKind.Printed, 350);
            if (i == 20)
            {
                // The 21st working day: 200 left, the day's printing runs the stock out.
                outcome.ShouldBe(StockEntryOutcome.Insufficient);
                (await RecordAsync(services, o.Office, StockMovementKind.Printed, 200)).ShouldBe(StockEntryOutcome.Recorded);
            }
            else
            {
                outcome.ShouldBe(StockEntryOutcome.Recorded);
            }

            clock.SetUtcNow(At(days[i], 17, wita)); // the daily review after closing time
            if (await ReviewAsync(services, o.Office))
            {
                alerts.Add(i + 1);
                var status = await StatusAsync(services, o.Office);
                status.Forecast.Balance.ShouldBe(3_350);
                Math.Round(status.Forecast.WorkingDaysLeft!.Value, 1).ShouldBe(9.6);
                status.Forecast.RunOutDay.ShouldBe(days[20]);
                status.Forecast.SuggestedOrder.ShouldBe((60 * 350) - 3_350);
            }

            (await ReviewAsync(services, o.Office)).ShouldBeFalse(); // once per day, whichever instance runs it
        }

        alerts.ShouldBe([11]);
        var messages = await services.MessagesAsync("stock-alert");
        messages.Count.ShouldBe(1);
        messages[0].Recipient.ShouldBe("+6281290000001");
        messages[0].Text.ShouldContain("sisa 3.350 keping, cukup untuk 9,6 hari kerja (habis sekitar 21-12-2026)");
        messages[0].Text.ShouldContain("sekitar 17.650 keping");
        (await services.QueryAsync(db => db.StockBalances.SingleAsync())).Balance.ShouldBe(0);
        (await services.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "stock.alert"))).ShouldBe(1);

        // Blanks arrive: the alert clears at the next review and may be raised again at a later crossing.
        clock.SetUtcNow(At(days[20].AddDays(1), 9, wita));
        await RecordAsync(services, o.Office, StockMovementKind.Receipt, 20_000);
        clock.SetUtcNow(At(days[20].AddDays(1), 17, wita));
        (await ReviewAsync(services, o.Office)).ShouldBeFalse();
        (await services.QueryAsync(db => db.StockBalances.SingleAsync())).AlertActive.ShouldBeFalse();
    }

    [Theory, BothDatabases]
    public async Task Palembang_lasts_63_working_days_and_raises_no_alert(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var wib = TimeSpan.FromHours(7);
        var clock = new FakeTimeProvider(At(new DateOnly(2026, 8, 24), 8, wib));
        await using var services = Services(database, clock);
        var o = await services.AddOfficeAsync("PLG", "Asia/Jakarta", "16.71");
        await AddSupervisorAsync(services, o.Office, "+6281290000002");
        await RecordAsync(services, o.Office, StockMovementKind.Receipt, 16_000);

        // 7,980 used evenly over the 63 working days before Monday 23 November (126 or 127 a day), no deliveries.
        var history = WorkingDays(new DateOnly(2026, 8, 26), 63);
        history[^1].ShouldBe(new DateOnly(2026, 11, 20));
        for (var i = 0; i < history.Count; i++)
        {
            clock.SetUtcNow(At(history[i], 14, wib));
            await RecordAsync(services, o.Office, StockMovementKind.Printed, i < 63 - (7_980 % 63) ? 126 : 127);
            clock.SetUtcNow(At(history[i], 17, wib));
            (await ReviewAsync(services, o.Office)).ShouldBeFalse();
        }

        clock.SetUtcNow(At(new DateOnly(2026, 11, 23), 9, wib));
        var status = await StatusAsync(services, o.Office);
        status.Forecast.Balance.ShouldBe(8_020);
        Math.Floor(status.Forecast.WorkingDaysLeft!.Value).ShouldBe(63);
        status.Forecast.Alert.ShouldBeFalse();
        status.Forecast.SuggestedOrder.ShouldBe(0);
        (await services.MessagesAsync("stock-alert")).ShouldBeEmpty();
    }

    [Theory, BothDatabases]
    public async Task The_balance_never_goes_negative_even_with_movements_from_several_instances(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 9, 0));
        var instances = Enumerable.Range(0, 3).Select(i => Services(database, clock, "stock" + i)).ToList();
        try
        {
            var first = instances[0];
            var o = await first.AddOfficeAsync();
            (await RecordAsync(first, o.Office, StockMovementKind.Correction, 5)).ShouldBe(StockEntryOutcome.Invalid); // no reason
            (await RecordAsync(first, o.Office, StockMovementKind.Receipt, -5)).ShouldBe(StockEntryOutcome.Invalid);
            (await RecordAsync(first, o.Office, StockMovementKind.Spoiled, 1)).ShouldBe(StockEntryOutcome.Insufficient);
            (await RecordAsync(first, o.Office, StockMovementKind.Receipt, 10)).ShouldBe(StockEntryOutcome.Recorded);
            (await RecordAsync(first, o.Office, StockMovementKind.Correction, -11, "Stok opname")).ShouldBe(StockEntryOutcome.Insufficient);

            using var gate = new SemaphoreSlim(0);
            var tasks = Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
            {
                await gate.WaitAsync();
                return await RecordAsync(instances[i % instances.Count], o.Office, StockMovementKind.Spoiled, 1);
            })).ToList();
            gate.Release(30);
            var outcomes = await Task.WhenAll(tasks);

            outcomes.Count(x => x == StockEntryOutcome.Recorded).ShouldBe(10);
            (await first.QueryAsync(db => db.StockBalances.SingleAsync())).Balance.ShouldBe(0);
            var lines = await first.QueryAsync(db => db.StockMovements.AsNoTracking().Where(m => m.Kind == StockMovementKind.Spoiled).Select(m => m.BalanceAfter).ToListAsync());
            lines.Order().ShouldBe(Enumerable.Range(0, 10));
            (await first.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "stock.spoiled"))).ShouldBe(10);
            await Should.ThrowAsync<DbUpdateException>(() => first.WithDbAsync(async db => (await db.StockBalances.SingleAsync()).Balance = -1));
        }
        finally
        {
            foreach (var s in instances)
            {
                await s.DisposeAsync();
            }
        }
    }

    [Fact]
    public void The_forecast_speaks_for_yesterday_until_the_office_closes()
    {
        var calendar = new Domain.Calendar.OfficeCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"), Domain.Calendar.OfficeCalendar.MondayToFriday, [], new(13, 0), new(8, 0), new(16, 0));
        StockLedger.ForecastDay(calendar, Wita(2026, 11, 23, 9, 0)).ShouldBe(new DateOnly(2026, 11, 22));
        StockLedger.ForecastDay(calendar, Wita(2026, 11, 23, 16, 0)).ShouldBe(new DateOnly(2026, 11, 23));
        StockLedger.ForecastDay(calendar, Wita(2026, 11, 22, 9, 0)).ShouldBe(new DateOnly(2026, 11, 22));
    }

    [Fact]
    public void The_chart_draws_use_as_bars_balance_as_a_line_and_the_alert_level()
    {
        var days = new List<StockDay>
        {
            new(new DateOnly(2026, 11, 20), 350, 0, 7_550),
            new(new DateOnly(2026, 11, 23), 0, 0, 7_550),
            new(new DateOnly(2026, 11, 24), 350, 0, 7_200),
        };
        var svg = System.Xml.Linq.XElement.Parse(StockChart.Render(days, 3_500, "Pemakaian blanko"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        svg.Elements(ns + "rect").Count().ShouldBe(2);
        svg.Element(ns + "polyline")!.Attribute("points")!.Value.Split(' ').Length.ShouldBe(3);
        svg.Elements(ns + "line").Count(l => l.Attribute("stroke-dasharray") is not null).ShouldBe(1);
        svg.Element(ns + "title")!.Value.ShouldBe("Pemakaian blanko");
        svg.ToString().ShouldNotContain("style=");
    }
}
