using Adminduk.Domain.Messaging;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Notifications;

public sealed class OutboxOptions
{
    public bool DispatcherEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a dispatcher holds a message it is sending; a crashed instance's messages return after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;
}

/// <summary>
/// Sends pending outbox messages. Each message is leased with a conditional UPDATE before sending, so
/// several instances can run this at once without sending a message twice at the same time; a crash between
/// sending and recording leaves the lease to expire and the message is sent again (at least once, same key).
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Runs one pass: leases due messages and sends them. Returns how many were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        var senders = scope.ServiceProvider.GetServices<IMessageSender>().ToList();
        var now = time.GetUtcNow();
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);

        var attempted = 0;
        foreach (var id in candidates)
        {
            var leaseUntil = now + options.Value.Lease;
            var leased = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseUntil), ct);
            if (leased == 0)
            {
                continue; // another instance took it
            }

            var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, ct);
            await SendOneAsync(message, senders, ct);
            await db.SaveChangesAsync(ct);
            attempted++;
        }

        return attempted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }

        // Polling runs on wall-clock time; the injected clock only decides what is due (a test clock that jumps
        // days ahead must not fire a poll for every elapsed interval).
        using var timer = new PeriodicTimer(options.Value.PollInterval, TimeProvider.System);
        do
        {
            try
            {
                await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SendOneAsync(OutboxMessage message, List<IMessageSender> senders, CancellationToken ct)
    {
        var sender = senders.First(s => s.CanSend(message));
        SendResult result;
        try
        {
            result = await sender.SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or IOException or TaskCanceledException)
        {
            result = new SendResult(false, Error: ex.Message);
        }

        var now = time.GetUtcNow();
        message.Attempts++;
        message.LockedUntil = null;
        if (result.Succeeded)
        {
            message.Status = OutboxStatus.Sent;
            message.SentAt = now;
            message.ProviderMessageId = result.ProviderMessageId;
            message.LastError = null;
            return;
        }

        message.LastError = result.Error?.Length > 2000 ? result.Error[..2000] : result.Error;
        if (RetrySchedule.Default.NextAttempt(now, message.Attempts, Random.Shared.NextDouble()) is { } next)
        {
            message.NextAttemptAt = next;
        }
        else
        {
            message.Status = OutboxStatus.DeadLetter;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

public static class NotificationSetup
{
    public static IServiceCollection AddAdmindukNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.AddScoped<Outbox>();
        // Providers (WhatsApp, SMS, e-mail) register before the log sender, which takes whatever is left.
        services.AddSingleton<IMessageSender, LogMessageSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
