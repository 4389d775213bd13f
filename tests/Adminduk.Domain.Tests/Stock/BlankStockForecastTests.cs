using Adminduk.Domain.Calendar;
using Adminduk.Domain.Stock;

namespace Adminduk.Domain.Tests.Stock;

public class BlankStockForecastTests
{
    private static readonly OfficeCalendar Calendar = new(
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"),
        OfficeCalendar.MondayToFriday,
        [new DateOnly(2026, 12, 25)],
        new TimeOnly(13, 0),
        new TimeOnly(8, 0),
        new TimeOnly(16, 0));

    private static List<DateOnly> WorkingDaysFrom(DateOnly start, int count)
    {
        var days = new List<DateOnly>();
        for (var d = Calendar.NextWorkingDayOnOrAfter(start); days.Count < count; d = Calendar.NextWorkingDayAfter(d))
        {
            days.Add(d);
        }

        return days;
    }

    [Fact]
    public void Balikpapan_seed_scenario()
    {
        // 7,200 blanks, 350 printed every working day, 14 working days of such history before the start.
        var start = new DateOnly(2026, 11, 23);
        var history = WorkingDaysFrom(start.AddDays(-40), 60).Where(d => d < start).TakeLast(14).ToList();
        history.Count.ShouldBe(14);
        var use = history.ToDictionary(d => d, _ => 350);
        var balance = 7_200;

        var atStart = BlankStockForecaster.Forecast(balance, use, start.AddDays(-1), Calendar);
        atStart.WorkingDaysLeft!.Value.ShouldBe(20.6, 0.05);
        atStart.Alert.ShouldBeFalse();
        var days = WorkingDaysFrom(start, 30);
        atStart.RunOutDay.ShouldBe(days[20]); // the 21st working day

        StockForecast? previous = atStart;
        var alerts = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            use[days[i]] = 350;
            balance -= 350;
            var forecast = BlankStockForecaster.Forecast(balance, use, days[i], Calendar);
            if (BlankStockForecaster.AlertCrossed(previous, forecast))
            {
                alerts.Add(i + 1);
                forecast.Balance.ShouldBe(3_350);
                forecast.WorkingDaysLeft!.Value.ShouldBe(9.6, 0.05);
                forecast.RunOutDay.ShouldBe(days[20]);
            }

            previous = forecast;
        }

        alerts.ShouldBe([11]); // raised on the 11th working day, once, not before
    }

    [Fact]
    public void Palembang_lasts_63_working_days_without_alert()
    {
        // 8,020 left after 7,980 used evenly over the previous 63 working days, no deliveries.
        var asOf = new DateOnly(2026, 11, 20);
        var days = new List<DateOnly>();
        for (var d = asOf; days.Count < 63; d = d.AddDays(-1))
        {
            if (Calendar.IsWorkingDay(d))
            {
                days.Add(d);
            }
        }

        var use = days.ToDictionary(d => d, _ => 7_980 / 63); // 126 a day
        foreach (var d in days.Take(7_980 % 63))
        {
            use[d]++; // spread the remainder so the total is exact
        }

        use.Values.Sum().ShouldBe(7_980);
        var forecast = BlankStockForecaster.Forecast(8_020, use, asOf, Calendar);
        forecast.AveragePerWorkingDay.ShouldBe(126.67, 0.5);
        Math.Floor(forecast.WorkingDaysLeft!.Value).ShouldBe(63);
        forecast.Alert.ShouldBeFalse();
        forecast.SuggestedOrder.ShouldBe(0);
    }

    [Fact]
    public void Run_out_day_skips_weekends_and_holidays()
    {
        // Friday 2026-12-18: 4 days left at 100 a day -> Mon 21, Tue 22, Wed 23, Thu 24 (Fri 25 is a holiday).
        var asOf = new DateOnly(2026, 12, 18);
        var use = WorkingDaysFrom(asOf.AddDays(-30), 40).Where(d => d <= asOf).TakeLast(14).ToDictionary(d => d, _ => 100);
        var forecast = BlankStockForecaster.Forecast(400, use, asOf, Calendar);
        forecast.RunOutDay.ShouldBe(new DateOnly(2026, 12, 24));
        forecast.Alert.ShouldBeTrue();
        forecast.SuggestedOrder.ShouldBe(60 * 100 - 400);
    }

    [Fact]
    public void No_use_means_no_forecast_and_no_alert()
    {
        var forecast = BlankStockForecaster.Forecast(0, new Dictionary<DateOnly, int>(), new DateOnly(2026, 11, 23), Calendar);
        forecast.WorkingDaysLeft.ShouldBeNull();
        forecast.RunOutDay.ShouldBeNull();
        forecast.Alert.ShouldBeFalse();
    }

    [Fact]
    public void Alert_is_sent_again_only_after_the_stock_recovered()
    {
        var low = new StockForecast(100, 50, 2, null, true, 2900);
        var ok = new StockForecast(5000, 50, 100, null, false, 0);
        BlankStockForecaster.AlertCrossed(null, low).ShouldBeTrue();
        BlankStockForecaster.AlertCrossed(low, low).ShouldBeFalse();
        BlankStockForecaster.AlertCrossed(low, ok).ShouldBeFalse();
        BlankStockForecaster.AlertCrossed(ok, low).ShouldBeTrue();
    }
}
