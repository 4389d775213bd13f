using Adminduk.Web.Features.Delivery;
using Adminduk.Web.Features.Promise;

namespace Adminduk.Web.Features.Notifications;

public sealed class FollowUpOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Wall-clock time between passes; the first pass waits one interval too.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Background follow-ups that need no request: courier bookings that failed are tried again, and citizens whose
/// promise passed are told (once). Each pass is safe to run on several instances at once.
/// </summary>
public sealed partial class FollowUpWorker(
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<FollowUpOptions> options,
    ILogger<FollowUpWorker> logger) : BackgroundService
{
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliveryService>().BookPendingAsync(ct);
        await scope.ServiceProvider.GetRequiredService<PromiseWatch>().NotifyOverdueAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
