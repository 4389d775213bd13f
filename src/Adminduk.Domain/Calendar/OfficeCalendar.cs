namespace Adminduk.Domain.Calendar;

/// <summary>
/// An office's working calendar in its own time zone: working weekdays, holidays, service hours and the
/// daily cut-off. A submission at or after the cut-off, or on a non-working day, joins the batch of the
/// next working day. All instants in and out are UTC-based <see cref="DateTimeOffset"/>; days are local.
/// </summary>
public sealed class OfficeCalendar
{
    private const int MaxSearchDays = 3660;
    private readonly HashSet<DayOfWeek> workingDays;
    private readonly HashSet<DateOnly> holidays;

    public OfficeCalendar(
        TimeZoneInfo timeZone,
        IEnumerable<DayOfWeek> workingDays,
        IEnumerable<DateOnly> holidays,
        TimeOnly dailyCutoff,
        TimeOnly serviceOpens,
        TimeOnly serviceCloses)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (serviceCloses <= serviceOpens)
        {
            throw new ArgumentException("Service hours must close after they open.", nameof(serviceCloses));
        }

        TimeZone = timeZone;
        this.workingDays = [.. workingDays];
        if (this.workingDays.Count == 0)
        {
            throw new ArgumentException("An office needs at least one working weekday.", nameof(workingDays));
        }

        this.holidays = [.. holidays];
        DailyCutoff = dailyCutoff;
        ServiceOpens = serviceOpens;
        ServiceCloses = serviceCloses;
    }

    public static IReadOnlyList<DayOfWeek> MondayToFriday { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public TimeZoneInfo TimeZone { get; }

    public TimeOnly DailyCutoff { get; }

    public TimeOnly ServiceOpens { get; }

    public TimeOnly ServiceCloses { get; }

    /// <summary>Working weekdays as a bit mask over <see cref="DayOfWeek"/> (bit 0 = Sunday), as offices store them.</summary>
    public static IReadOnlyList<DayOfWeek> DaysFromMask(int mask) =>
        [.. Enum.GetValues<DayOfWeek>().Where(d => (mask & (1 << (int)d)) != 0)];

    public static int MaskFromDays(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (m, d) => m | (1 << (int)d));

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    /// <summary>The UTC instant of a local wall-clock time on a local day.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    public bool IsHoliday(DateOnly day) => holidays.Contains(day);

    public bool IsWorkingDay(DateOnly day) => workingDays.Contains(day.DayOfWeek) && !holidays.Contains(day);

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        for (var i = 0; i < MaxSearchDays; i++, day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                return day;
            }
        }

        throw new InvalidOperationException("No working day within ten years: check the office calendar.");
    }

    public DateOnly NextWorkingDayAfter(DateOnly day) => NextWorkingDayOnOrAfter(day.AddDays(1));

    /// <summary>
    /// The working day whose batch a submission at <paramref name="submittedAt"/> joins: the same local day
    /// when that is a working day and the time is before the cut-off, otherwise the next working day.
    /// </summary>
    public DateOnly BatchDay(DateTimeOffset submittedAt)
    {
        var local = ToLocal(submittedAt);
        var day = DateOnly.FromDateTime(local);
        return IsWorkingDay(day) && TimeOnly.FromDateTime(local) < DailyCutoff
            ? day
            : NextWorkingDayAfter(day);
    }

    /// <summary>The instant the intake for a working day's batch closes.</summary>
    public DateTimeOffset CutoffOf(DateOnly day) => At(day, DailyCutoff);

    /// <summary>True while operators work: a working day, between opening and closing time.</summary>
    public bool IsWithinServiceHours(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var time = TimeOnly.FromDateTime(local);
        return IsWorkingDay(DateOnly.FromDateTime(local)) && time >= ServiceOpens && time < ServiceCloses;
    }

    /// <summary>The working day <paramref name="count"/> working days after <paramref name="day"/> (0: the day itself if working).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = NextWorkingDayOnOrAfter(day);
        for (var i = 0; i < count; i++)
        {
            result = NextWorkingDayAfter(result);
        }

        return result;
    }

    /// <summary>Working days in the half-open range [from, to).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from; d < to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The working day an application is expected to be processed: the later of its batch day and the day
    /// its queue position is reached, processing <paramref name="dailyCapacity"/> applications per working day
    /// from <paramref name="firstProcessingDay"/> on. Position 1 is the head of the queue.
    /// </summary>
    public DateOnly ExpectedProcessingDay(DateOnly batchDay, DateOnly firstProcessingDay, int queuePosition, int dailyCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queuePosition, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dailyCapacity, 1);
        var reached = AddWorkingDays(firstProcessingDay, (queuePosition - 1) / dailyCapacity);
        var batch = NextWorkingDayOnOrAfter(batchDay);
        return reached > batch ? reached : batch;
    }
}
