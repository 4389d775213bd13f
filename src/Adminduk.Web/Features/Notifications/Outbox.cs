using System.Globalization;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

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
    public static string Render(string template, IReadOnlyDictionary<string, string> parameters, CultureInfo culture) =>
        Fill(template, TextOf(template, culture), parameters);

    /// <summary>The template's text (Bahasa Indonesia unless another culture is asked for).</summary>
    public static string TextOf(string template, CultureInfo? culture = null) =>
        Templates.GetString(template, culture ?? CultureInfo.GetCultureInfo("id"))
            ?? throw new InvalidOperationException($"No message template '{template}'.");

    /// <summary>Every template name (from the neutral resource file), in name order.</summary>
    public static IReadOnlyList<string> TemplateNames() =>
        [.. (Templates.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)?.Cast<System.Collections.DictionaryEntry>() ?? [])
            .Select(e => (string)e.Key).Order(StringComparer.Ordinal)];

    /// <summary>Whether a template of this name exists.</summary>
    public static bool Exists(string template) => Templates.GetString(template, CultureInfo.InvariantCulture) is not null;

    /// <summary>The placeholder names of a template's Indonesian text, in order of appearance (the WhatsApp parameter order).</summary>
    public static IReadOnlyList<string> PlaceholdersOf(string template) => PlaceholdersIn(TextOf(template));

    public static IReadOnlyList<string> PlaceholdersIn(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Fills {name} placeholders of <paramref name="text"/>; a missing parameter throws.</summary>
    public static string Fill(string template, string text, IReadOnlyDictionary<string, string> parameters) =>
        Placeholder().Replace(text, m => parameters.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"Template '{template}' needs parameter '{m.Groups[1].Value}'."));

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>Staff put a dead-lettered message back in the queue: same message, same idempotency key, a fresh retry budget.</summary>
public static class OutboxResend
{
    public static async Task<bool> ResendAsync(AdmindukDbContext db, long messageId, DateTimeOffset now, CancellationToken ct) =>
        await db.OutboxMessages
            .Where(m => m.Id == messageId && m.Status == OutboxStatus.DeadLetter)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct) == 1;
}
