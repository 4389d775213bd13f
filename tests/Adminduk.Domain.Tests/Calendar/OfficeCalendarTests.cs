using Adminduk.Domain.Calendar;

namespace Adminduk.Domain.Tests.Calendar;

public class OfficeCalendarTests
{
    // 2026-11-23 is a Monday.
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Tuesday = Monday.AddDays(1);
    private static readonly DateOnly Wednesday = Monday.AddDays(2);
    private static readonly DateOnly Friday = Monday.AddDays(4);
    private static readonly DateOnly Saturday = Monday.AddDays(5);
    private static readonly DateOnly NextMonday = Monday.AddDays(7);

    private static OfficeCalendar Balikpapan(params DateOnly[] holidays) => new(
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"),
        OfficeCalendar.MondayToFriday,
        holidays,
        new TimeOnly(13, 0),
        new TimeOnly(8, 0),
        new TimeOnly(16, 0));

    private static OfficeCalendar Palembang() => new(
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"),
        OfficeCalendar.MondayToFriday,
        [],
        new TimeOnly(13, 0),
        new TimeOnly(8, 0),
        new TimeOnly(16, 0));

    private static DateTimeOffset Wita(DateOnly day, int hour, int minute = 0, int second = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute, second)), TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0, 1, 0)] // Monday 01:00: the night before processing, same day
    [InlineData(0, 12, 59)]
    [InlineData(1, 13, 0)] // at the cut-off exactly: next working day
    [InlineData(1, 13, 1)]
    [InlineData(1, 23, 59)]
    public void Monday_submissions_join_monday_or_tuesday(int expectedOffset, int hour, int minute) =>
        Balikpapan().BatchDay(Wita(Monday, hour, minute)).ShouldBe(Monday.AddDays(expectedOffset));

    [Fact]
    public void Tuesday_after_cutoff_joins_wednesday() =>
        Balikpapan().BatchDay(Wita(Tuesday, 13, 1)).ShouldBe(Wednesday);

    [Fact]
    public void Saturday_night_joins_the_following_monday() =>
        Balikpapan().BatchDay(Wita(Saturday, 22, 0)).ShouldBe(NextMonday);

    [Fact]
    public void Friday_after_cutoff_joins_monday() =>
        Balikpapan().BatchDay(Wita(Friday, 15, 0)).ShouldBe(NextMonday);

    [Fact]
    public void A_holiday_is_skipped() =>
        Balikpapan(Tuesday).BatchDay(Wita(Monday, 14, 0)).ShouldBe(Wednesday);

    [Fact]
    public void A_submission_on_a_holiday_morning_waits_for_the_next_working_day() =>
        Balikpapan(Tuesday).BatchDay(Wita(Tuesday, 9, 0)).ShouldBe(Wednesday);

    [Fact]
    public void Cutoff_is_local_to_the_office_time_zone()
    {
        // 05:30 UTC is 13:30 in Balikpapan (WITA) but 12:30 in Palembang (WIB).
        var instant = new DateTimeOffset(Monday.ToDateTime(new TimeOnly(5, 30)), TimeSpan.Zero);
        Balikpapan().BatchDay(instant).ShouldBe(Tuesday);
        Palembang().BatchDay(instant).ShouldBe(Monday);
    }

    [Fact]
    public void Utc_date_before_local_midnight_counts_as_the_local_day()
    {
        // Sunday 17:00 UTC is Monday 01:00 WITA.
        var instant = new DateTimeOffset(Monday.AddDays(-1).ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
        Balikpapan().LocalDate(instant).ShouldBe(Monday);
        Balikpapan().BatchDay(instant).ShouldBe(Monday);
    }

    [Fact]
    public void Cutoff_instant_is_in_utc()
    {
        var cutoff = Balikpapan().CutoffOf(Monday);
        cutoff.Offset.ShouldBe(TimeSpan.Zero);
        cutoff.ShouldBe(Wita(Monday, 13, 0));
    }

    [Theory]
    [InlineData(7, 59, false)]
    [InlineData(8, 0, true)]
    [InlineData(15, 59, true)]
    [InlineData(16, 0, false)]
    public void Service_hours_are_separate_from_the_cutoff(int hour, int minute, bool open) =>
        Balikpapan().IsWithinServiceHours(Wita(Monday, hour, minute)).ShouldBe(open);

    [Fact]
    public void No_service_on_weekends_or_holidays()
    {
        Balikpapan().IsWithinServiceHours(Wita(Saturday, 10)).ShouldBeFalse();
        Balikpapan(Monday).IsWithinServiceHours(Wita(Monday, 10)).ShouldBeFalse();
    }

    [Fact]
    public void Working_days_are_counted_half_open()
    {
        var calendar = Balikpapan(Wednesday);
        calendar.WorkingDaysBetween(Monday, NextMonday).ShouldBe(4);
        calendar.WorkingDaysBetween(Monday, Monday).ShouldBe(0);
        calendar.AddWorkingDays(Monday, 0).ShouldBe(Monday);
        calendar.AddWorkingDays(Monday, 2).ShouldBe(Friday.AddDays(-1));
        calendar.AddWorkingDays(Saturday, 0).ShouldBe(NextMonday);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1500, 0)]
    [InlineData(1501, 1)]
    [InlineData(3001, 2)]
    public void Queue_position_sets_the_expected_day_from_daily_capacity(int position, int workingDaysLater) =>
        Balikpapan().ExpectedProcessingDay(Monday, Monday, position, 1500)
            .ShouldBe(Balikpapan().AddWorkingDays(Monday, workingDaysLater));

    [Fact]
    public void Expected_day_is_never_before_the_batch_day() =>
        Balikpapan().ExpectedProcessingDay(Wednesday, Monday, 1, 500).ShouldBe(Wednesday);

    [Fact]
    public void Weekday_mask_round_trips()
    {
        var mask = OfficeCalendar.MaskFromDays(OfficeCalendar.MondayToFriday);
        mask.ShouldBe(0b0111110);
        OfficeCalendar.DaysFromMask(mask).ShouldBe(OfficeCalendar.MondayToFriday);
    }

    [Fact]
    public void Invalid_settings_are_refused()
    {
        var tz = TimeZoneInfo.Utc;
        Should.Throw<ArgumentException>(() => new OfficeCalendar(tz, [], [], new(13, 0), new(8, 0), new(16, 0)));
        Should.Throw<ArgumentException>(() => new OfficeCalendar(tz, OfficeCalendar.MondayToFriday, [], new(13, 0), new(16, 0), new(8, 0)));
    }
}
