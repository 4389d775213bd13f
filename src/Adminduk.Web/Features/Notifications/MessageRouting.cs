using System.Text.Json;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Zones;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Notifications;

/// <summary>Where and how one message goes: channels in the order to try, with the text each carries.</summary>
public sealed record MessageRoute(IReadOnlyList<(IChannelSender Sender, OutgoingMessage Message)> Tries);

/// <summary>
/// Picks the channels for a message at send time: the citizen's preferred channel first, then the other channels
/// with a known address (WhatsApp, SMS, e-mail), keeping only configured providers. The office (from the application)
/// gives the supervisors' SMS/e-mail texts; the citizen's service zone gives the WhatsApp sender.
/// </summary>
public sealed class MessageRouter(AdmindukDbContext db)
{
    private static readonly MessageChannel[] DefaultOrder = [MessageChannel.WhatsApp, MessageChannel.Sms, MessageChannel.Email];

    public async Task<MessageRoute> RouteAsync(OutboxMessage message, IReadOnlyList<IChannelSender> configured, CancellationToken ct)
    {
        var application = message.ApplicationId is long applicationId
            ? await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
                .Select(a => new { a.OfficeId, a.ApplicantUserId, a.SubjectResidentId }).FirstOrDefaultAsync(ct)
            : null;
        var recipientIsEmail = message.Recipient.Contains('@', StringComparison.Ordinal);
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.PhoneNumber == message.Recipient || u.Email == message.Recipient
                || db.Set<ContactPreference>().Any(p => p.UserId == u.Id && p.Email == message.Recipient))
            .Select(u => new { u.Id, u.PhoneNumber, u.ResidentId })
            .Take(5)
            .ToListAsync(ct);
        var user = candidates.FirstOrDefault(c => c.Id == application?.ApplicantUserId) ?? candidates.OrderBy(c => c.Id).FirstOrDefault();
        var preference = user is null ? null : await db.Set<ContactPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == user.Id, ct);

        var phone = recipientIsEmail ? user?.PhoneNumber : message.Recipient;
        var email = recipientIsEmail ? message.Recipient : preference?.Email;
        MessageChannel[] order = preference is null
            ? (recipientIsEmail ? [MessageChannel.Email, .. DefaultOrder] : DefaultOrder)
            : [preference.Channel, .. DefaultOrder];

        var residentId = user?.ResidentId ?? application?.SubjectResidentId;
        var zone = await ZoneDirectory.ForResidentAsync(db, application?.OfficeId, residentId, ct);
        var officeId = application?.OfficeId ?? zone?.OfficeId;
        var texts = officeId is int office
            ? await db.Set<MessageText>().AsNoTracking().Where(t => t.OfficeId == office && t.Template == message.Template).ToListAsync(ct)
            : [];
        var parameters = Parameters(message);

        var tries = new List<(IChannelSender, OutgoingMessage)>();
        foreach (var channel in order.Distinct())
        {
            var sender = configured.FirstOrDefault(s => s.Channel == channel);
            var address = channel == MessageChannel.Email ? email : phone;
            if (sender is null || string.IsNullOrEmpty(address))
            {
                continue;
            }

            var text = TextFor(message, texts.FirstOrDefault(t => t.Channel == channel)?.Text, parameters);
            tries.Add((sender, new OutgoingMessage(
                message.IdempotencyKey, address, message.Template, parameters, text, Outbox.TextOf("email-subject"), zone?.WhatsAppPhoneNumberId)));
        }

        return new MessageRoute(tries);
    }

    /// <summary>The office's own text when it has one that fills (the editor only lets known placeholders in), else the stored text.</summary>
    private static string TextFor(OutboxMessage message, string? custom, IReadOnlyDictionary<string, string> parameters)
    {
        if (custom is null)
        {
            return message.Text;
        }

        try
        {
            return Outbox.Fill(message.Template, custom, parameters);
        }
        catch (InvalidOperationException)
        {
            return message.Text;
        }
    }

    private static Dictionary<string, string> Parameters(OutboxMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(message.PayloadJson) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
