using Adminduk.Web.Features.BackOffice.Reports;

namespace Adminduk.Web.Tests.Features.BackOffice;

public class ReportStatsTests
{
    private static TimeSpan M(int minutes) => TimeSpan.FromMinutes(minutes);

    [Fact]
    public void Median_takes_the_middle_or_the_mean_of_the_two_middle_values()
    {
        Stats.Median([]).ShouldBeNull();
        Stats.Median([M(5)]).ShouldBe(M(5));
        Stats.Median([M(9), M(1), M(5)]).ShouldBe(M(5));
        Stats.Median([M(1), M(2), M(4), M(10)]).ShouldBe(M(3));
    }

    [Fact]
    public void Percentile_is_nearest_rank()
    {
        var values = Enumerable.Range(1, 10).Select(M).ToList();
        Stats.Percentile(values, 90).ShouldBe(M(9));
        Stats.Percentile(values, 91).ShouldBe(M(10));
        Stats.Percentile(values, 100).ShouldBe(M(10));
        Stats.Percentile([M(7)], 90).ShouldBe(M(7));
        Stats.Percentile([], 90).ShouldBeNull();
        Should.Throw<ArgumentOutOfRangeException>(() => Stats.Percentile(values, 0));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(1500, 2000)]
    [InlineData(2001, 5000)]
    public void Chart_axis_tops_are_round(int value, int expected) => WorkloadChart.NiceCeiling(value).ShouldBe(expected);

    [Fact]
    public void Durations_print_as_hours_and_minutes()
    {
        ReportQuery.Format(null).ShouldBe("–");
        ReportQuery.Format(TimeSpan.FromMinutes(185)).ShouldBe("3:05");
        ReportQuery.Format(TimeSpan.FromHours(26)).ShouldBe("26:00");
    }
}
