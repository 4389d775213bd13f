using Adminduk.Domain.Messaging;

namespace Adminduk.Domain.Tests.Messaging;

public class RetryScheduleTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    public void Delays_double(int attempts, int seconds) =>
        RetrySchedule.Default.NextAttempt(At, attempts).ShouldBe(At.AddSeconds(seconds));

    [Fact]
    public void Delay_is_capped()
    {
        var schedule = new RetrySchedule(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), 20);
        schedule.NextAttempt(At, 10).ShouldBe(At.AddMinutes(30));
    }

    [Fact]
    public void After_the_last_attempt_the_message_is_dead_lettered() =>
        RetrySchedule.Default.NextAttempt(At, 8).ShouldBeNull();

    [Fact]
    public void Jitter_adds_at_most_a_fifth()
    {
        var next = RetrySchedule.Default.NextAttempt(At, 1, 0.99)!.Value;
        next.ShouldBeGreaterThan(At.AddSeconds(30));
        next.ShouldBeLessThan(At.AddSeconds(36));
    }
}
