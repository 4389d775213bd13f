namespace Adminduk.Domain.Messaging;

/// <summary>Exponential backoff for outgoing messages: 30 s, 1 min, 2 min ... capped, then dead-lettered.</summary>
public sealed record RetrySchedule(TimeSpan FirstDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    public static RetrySchedule Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 8);

    /// <summary>
    /// When to try again after <paramref name="attempts"/> failed attempts, or null when the message
    /// should go to the dead-letter list. <paramref name="jitter"/> in [0, 1) spreads retries of many messages.
    /// </summary>
    public DateTimeOffset? NextAttempt(DateTimeOffset failedAt, int attempts, double jitter = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        if (attempts >= MaxAttempts)
        {
            return null;
        }

        var factor = Math.Pow(2, attempts - 1);
        var delay = TimeSpan.FromTicks((long)Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * factor));
        return failedAt + delay + (delay * 0.2 * Math.Clamp(jitter, 0, 0.999));
    }
}
