using System.Globalization;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using Adminduk.Web.Data;

namespace Adminduk.Web.Features.Notifications;

/// <summary>
/// Writes outgoing messages into the outbox table of the caller's DbContext. Nothing is sent here: the
/// message is committed with the caller's own SaveChanges, in the same transaction as its cause, and the
/// <see cref="OutboxDispatcher"/> sends it afterwards (at least once).
/// </summary>
public sealed partial class Outbox(AdmindukDbContext db, TimeProvider time)
{
    private static readonly ResourceManager Templates =
        new("Adminduk.Web.Features.Notifications.MessageTemplates", typeof(Outbox).Assembly);

    public OutboxMessage Add(string recipient, string template, IReadOnlyDictionary<string, string> parameters, long? applicationId = null, CultureInfo? culture = null)
    {
        var now = time.GetUtcNow();
        var message = new OutboxMessage
        {
            CreatedAt = now,
            Channel = ChannelFor(recipient),
            Recipient = recipient,
            Template = template,
            PayloadJson = JsonSerializer.Serialize(parameters),
            Text = Render(template, parameters, culture ?? CultureInfo.GetCultureInfo("id")),
            IdempotencyKey = Guid.CreateVersion7(now),
            NextAttemptAt = now,
            ApplicationId = applicationId,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>The channel a recipient is reached on first: e-mail addresses by e-mail, phones by WhatsApp.</summary>
    public static MessageChannel ChannelFor(string recipient) =>
        recipient.Contains('@', StringComparison.Ordinal) ? MessageChannel.Email : MessageChannel.WhatsApp;

    /// <summary>Fills {name} placeholders of a template; an unknown template or placeholder is a bug and throws.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> parameters, CultureInfo culture)
    {
        var text = Templates.GetString(template, culture)
            ?? throw new InvalidOperationException($"No message template '{template}'.");
        return Placeholder().Replace(text, m => parameters.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"Template '{template}' needs parameter '{m.Groups[1].Value}'."));
    }

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}
