using Adminduk.Web.Data;

namespace Adminduk.Web.Features.Notifications;

/// <summary>The outcome of one delivery attempt.</summary>
public sealed record SendResult(bool Succeeded, string? ProviderMessageId = null, string? Error = null);

/// <summary>Delivers one message over one channel. Implementations pass the message's idempotency key to the provider.</summary>
public interface IMessageSender
{
    bool CanSend(OutboxMessage message);

    Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// The default when no provider is configured: the message is written to the console log and stays visible on
/// the staff message log page, so the whole service works offline.
/// </summary>
public sealed partial class LogMessageSender(ILogger<LogMessageSender> logger) : IMessageSender
{
    public bool CanSend(OutboxMessage message) => true;

    public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        LogMessage(logger, message.Channel, message.Recipient, message.Template, message.Text);
        return Task.FromResult(new SendResult(true, $"log-{message.IdempotencyKey:N}"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message ({Channel}) to {Recipient} [{Template}]: {Text}")]
    private static partial void LogMessage(ILogger logger, MessageChannel channel, string recipient, string template, string text);
}
