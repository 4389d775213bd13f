using Adminduk.Domain.Stock;

namespace Adminduk.Web.Features.Ektp;

/// <summary>Settings of the e-KTP feature (configuration section "Ektp").</summary>
public sealed class EktpOptions
{
    /// <summary>Slots are generated this many weeks ahead.</summary>
    public int WeeksAhead { get; set; } = 4;

    /// <summary>How many times a citizen may cancel or rebook one visit (a no-show or an office closure does not count).</summary>
    public int MaxChangesPerVisit { get; set; } = 3;

    /// <summary>No booking, cancellation or rebooking of a slot that starts sooner than this.</summary>
    public TimeSpan MinimumNotice { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many days of open slots the booking page lists.</summary>
    public int BookingDaysShown { get; set; } = 10;

    public bool JobsEnabled { get; set; } = true;

    /// <summary>How often the background jobs generate slots and review the stock forecast.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Average use is taken over this many working days.</summary>
    public int ForecastWindowWorkingDays { get; set; } = 14;

    /// <summary>Reorder alert at this many working days left or fewer.</summary>
    public double AlertAtWorkingDaysLeft { get; set; } = 10;

    /// <summary>A suggested order covers this many working days.</summary>
    public int OrderCoversWorkingDays { get; set; } = 60;

    /// <summary>Working days of history the stock chart shows.</summary>
    public int ChartWorkingDays { get; set; } = 30;

    public ForecastSettings Forecast => new()
    {
        WindowWorkingDays = ForecastWindowWorkingDays,
        AlertAtWorkingDaysLeft = AlertAtWorkingDaysLeft,
        CoverWorkingDays = OrderCoversWorkingDays,
    };
}
