using Adminduk.Domain.Calendar;

namespace Adminduk.Domain.Stock;

/// <summary>Forecast settings; the defaults follow the seeds ("order again about two weeks before they run out").</summary>
public sealed record ForecastSettings
{
    /// <summary>Average use is taken over this many working days.</summary>
    public int WindowWorkingDays { get; init; } = 14;

    /// <summary>Alert when the stock lasts this many working days or fewer (two weeks of working days).</summary>
    public double AlertAtWorkingDaysLeft { get; init; } = 10;

    /// <summary>A suggested order covers this many working days of use.</summary>
    public int CoverWorkingDays { get; init; } = 60;
}

/// <param name="Balance">Blank cards in stock.</param>
/// <param name="AveragePerWorkingDay">Cards used (printed or spoiled) per working day over the window.</param>
/// <param name="WorkingDaysLeft">Balance / average; null when nothing was used.</param>
/// <param name="RunOutDay">The working day on which the stock runs out at the current pace; null when nothing was used.</param>
/// <param name="Alert">Working days left at or below the alert level.</param>
/// <param name="SuggestedOrder">Cards to request so the stock covers the configured number of working days.</param>
public sealed record StockForecast(int Balance, double AveragePerWorkingDay, double? WorkingDaysLeft, DateOnly? RunOutDay, bool Alert, int SuggestedOrder);

/// <summary>How long the blank e-KTP cards last, in working days of the office calendar.</summary>
public static class BlankStockForecaster
{
    /// <summary>
    /// Forecast as of the end of <paramref name="asOf"/> (its use is included when it is a working day).
    /// <paramref name="usePerDay"/> holds cards used per local day; days not listed used none.
    /// </summary>
    public static StockForecast Forecast(
        int balance,
        IReadOnlyDictionary<DateOnly, int> usePerDay,
        DateOnly asOf,
        OfficeCalendar calendar,
        ForecastSettings? settings = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(balance);
        settings ??= new ForecastSettings();
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.WindowWorkingDays, 1);

        var windowStart = WindowStart(asOf, calendar, settings.WindowWorkingDays);
        var used = usePerDay.Where(kv => kv.Key >= windowStart && kv.Key <= asOf).Sum(kv => kv.Value);
        var average = (double)used / settings.WindowWorkingDays;
        if (average <= 0)
        {
            return new StockForecast(balance, 0, null, null, false, 0);
        }

        var daysLeft = balance / average;
        // Stock that lasts 20.6 days runs out during the 21st working day after asOf.
        var runOut = calendar.AddWorkingDays(calendar.NextWorkingDayAfter(asOf), Math.Max(0, (int)Math.Ceiling(daysLeft) - 1));
        var order = (int)Math.Max(0, Math.Ceiling((settings.CoverWorkingDays * average) - balance));
        return new StockForecast(balance, average, daysLeft, runOut, daysLeft <= settings.AlertAtWorkingDaysLeft, order);
    }

    /// <summary>An alert is sent once per crossing: when the level is reached now and was not before.</summary>
    public static bool AlertCrossed(StockForecast? previous, StockForecast current) =>
        current.Alert && previous is not { Alert: true };

    private static DateOnly WindowStart(DateOnly asOf, OfficeCalendar calendar, int workingDays)
    {
        var day = asOf;
        var counted = calendar.IsWorkingDay(day) ? 1 : 0;
        while (counted < workingDays)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
