using Adminduk.Domain.Messaging;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Delivery;
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
        var channels = scope.ServiceProvider.GetServices<IChannelSender>().Where(c => c.IsConfigured).ToList();
        var router = new MessageRouter(db);
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
            await SendOneAsync(db, message, await RouteAsync(router, message, channels, ct), senders, ct);
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

    private static async Task<MessageRoute> RouteAsync(MessageRouter router, OutboxMessage message, List<IChannelSender> channels, CancellationToken ct) =>
        channels.Count == 0 ? new MessageRoute([]) : await router.RouteAsync(message, channels, ct);

    /// <summary>
    /// Tries the route's channels in order until one succeeds (the fallback); with no usable provider channel the
    /// default sender (the message log) takes it. Every try is recorded as an attempt.
    /// </summary>
    private async Task SendOneAsync(AdmindukDbContext db, OutboxMessage message, MessageRoute route, List<IMessageSender> senders, CancellationToken ct)
    {
        SendResult result = new(false, Error: "no channel");
        if (route.Tries.Count == 0)
        {
            var sender = senders.First(s => s.CanSend(message));
            result = await TryAsync(() => sender.SendAsync(message, ct));
            Record(db, message, message.Channel, result);
        }
        else
        {
            var errors = new List<string>();
            foreach (var (channel, outgoing) in route.Tries)
            {
                result = await TryAsync(() => channel.SendAsync(outgoing, ct));
                Record(db, message, channel.Channel, result);
                message.Channel = channel.Channel;
                if (result.Succeeded)
                {
                    break;
                }

                errors.Add($"{channel.Channel}: {result.Error}");
            }

            if (!result.Succeeded)
            {
                result = result with { Error = string.Join("; ", errors) };
            }
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

    private static async Task<SendResult> TryAsync(Func<Task<SendResult>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or IOException or TaskCanceledException or System.Net.Sockets.SocketException)
        {
            return new SendResult(false, Error: ex.Message);
        }
    }

    private void Record(AdmindukDbContext db, OutboxMessage message, MessageChannel channel, SendResult result) =>
        db.Set<OutboxAttempt>().Add(new OutboxAttempt
        {
            MessageId = message.Id,
            At = time.GetUtcNow(),
            Channel = channel,
            Succeeded = result.Succeeded,
            ProviderMessageId = result.ProviderMessageId,
            Error = result.Error is { Length: > 2000 } e ? e[..2000] : result.Error,
        });

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

public static class NotificationSetup
{
    /// <summary>The outbox and its dispatcher, provider channels, zones, delivery, the promise watch and the complaints desk.</summary>
    public static IServiceCollection AddAdmindukNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
        services.Configure<WhatsAppOptions>(configuration.GetSection("Notifications:WhatsApp"));
        services.Configure<SmsOptions>(configuration.GetSection("Notifications:Sms"));
        services.Configure<EmailOptions>(configuration.GetSection("Notifications:Email"));
        services.Configure<Delivery.CourierOptions>(configuration.GetSection("Courier"));
        services.Configure<FollowUpOptions>(configuration.GetSection("FollowUp"));
        services.AddHttpClient(WhatsAppSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(SmsSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(Delivery.CourierClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<Outbox>();
        // Provider channels are used when configured; otherwise the log sender takes the message.
        services.AddSingleton<IChannelSender, WhatsAppSender>();
        services.AddSingleton<IChannelSender, SmsSender>();
        services.AddSingleton<IChannelSender, EmailSender>();
        services.AddSingleton<IMessageSender, LogMessageSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddSingleton<Delivery.CourierClient>();
        services.AddScoped<Delivery.DeliveryService>();
        services.AddScoped<BackOffice.IApprovalStep, Delivery.DeliveryApprovalStep>();
        services.AddScoped<Promise.PromiseWatch>();
        services.AddScoped<Complaints.ComplaintDesk>();
        services.AddSingleton<FollowUpWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowUpWorker>());
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app.MapDelivery();
}
