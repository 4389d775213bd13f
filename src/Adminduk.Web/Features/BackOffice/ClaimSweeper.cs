using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.BackOffice;

/// <summary>
/// Returns expired claims to the queue at their original position, office by office, on a timer from
/// <see cref="TimeProvider"/>. Every instance may run it: <see cref="ClaimQueue.ReturnExpiredAsync"/> locks the rows it returns.
/// Take-next also returns expired claims, so the queue is right even between sweeps.
/// </summary>
public sealed partial class ClaimSweeper(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<BackOfficeOptions> options,
    ILogger<ClaimSweeper> logger) : BackgroundService
{
    /// <summary>One pass over every office; returns how many claims went back to the queue.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<ClaimQueue>();
        var offices = await db.Offices.AsNoTracking().Select(o => o.Id).ToListAsync(ct);
        var returned = 0;
        foreach (var officeId in offices)
        {
            returned += await queue.ReturnExpiredAsync(officeId, ct);
        }

        return returned;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var returned = await SweepAsync(stoppingToken);
                if (returned > 0)
                {
                    LogReturned(logger, returned);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Returned {Count} expired claims to the queue")]
    private static partial void LogReturned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Claim sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
