using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Adminduk.Web.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Adminduk.Web.Features.Notifications;

/// <summary>One message ready for one channel: the address on that channel and the text or template it carries.</summary>
public sealed record OutgoingMessage(
    Guid IdempotencyKey,
    string To,
    string Template,
    IReadOnlyDictionary<string, string> Parameters,
    string Text,
    string Subject,
    string? WhatsAppPhoneNumberId);

/// <summary>
/// A provider channel (WhatsApp, SMS, e-mail). Unconfigured channels (no credentials) are skipped; when none is
/// configured, messages go to the <see cref="LogMessageSender"/>.
/// </summary>
public interface IChannelSender
{
    MessageChannel Channel { get; }

    bool IsConfigured { get; }

    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

public sealed class WhatsAppTemplate
{
    /// <summary>The template name approved by the provider.</summary>
    public string? Name { get; set; }

    /// <summary>Which message parameters fill the template's body, in order.</summary>
    public List<string> Parameters { get; set; } = [];
}

public sealed class WhatsAppOptions
{
    public string BaseUrl { get; set; } = "https://graph.facebook.com";

    public string Version { get; set; } = "v21.0";

    /// <summary>The default sender; a service zone's own number replaces it for that zone's residents.</summary>
    public string? PhoneNumberId { get; set; }

    public string? AccessToken { get; set; }

    public string LanguageCode { get; set; } = "id";

    /// <summary>Per message template: the provider's template name and parameter order. Unlisted: name with "_" for "-", parameters in text order.</summary>
    public Dictionary<string, WhatsAppTemplate> Templates { get; set; } = new(StringComparer.Ordinal);
}

public sealed class SmsOptions
{
    /// <summary>The gateway's send URL, e.g. https://sms.example.id/api/messages.</summary>
    public string? Url { get; set; }

    public string? ApiKey { get; set; }

    public string Sender { get; set; } = "DUKCAPIL";
}

public sealed class EmailOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    public string FromName { get; set; } = "Disdukcapil";
}

/// <summary>WhatsApp Business Cloud API: a template message; the reply's message id (wamid) is kept.</summary>
public sealed class WhatsAppSender(IHttpClientFactory http, IOptionsMonitor<WhatsAppOptions> options) : IChannelSender
{
    public const string HttpClientName = "whatsapp";

    public MessageChannel Channel => MessageChannel.WhatsApp;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.CurrentValue.AccessToken) && !string.IsNullOrWhiteSpace(options.CurrentValue.PhoneNumberId);

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var template = o.Templates.GetValueOrDefault(message.Template);
        var names = template?.Parameters is { Count: > 0 } listed ? listed : Outbox.PlaceholdersOf(message.Template);
        var body = new WhatsAppRequest(
            "whatsapp",
            message.To.TrimStart('+'),
            "template",
            new WhatsAppTemplateBody(
                template?.Name ?? message.Template.Replace('-', '_'),
                new WhatsAppLanguage(o.LanguageCode),
                [new WhatsAppComponent("body", [.. names.Select(n => new WhatsAppParameter("text", message.Parameters.GetValueOrDefault(n, "")))])]));
        var phoneNumberId = message.WhatsAppPhoneNumberId ?? o.PhoneNumberId;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{o.BaseUrl.TrimEnd('/')}/{o.Version}/{Uri.EscapeDataString(phoneNumberId!)}/messages")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.AccessToken);
        request.Headers.Add(ProviderHeaders.IdempotencyKey, message.IdempotencyKey.ToString());
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var reply = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return ProviderHeaders.Failure("WhatsApp", response, reply);
        }

        var id = ProviderHeaders.ReadString(reply, root =>
            root.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Array && m.GetArrayLength() > 0
            && m[0].TryGetProperty("id", out var i) ? i.GetString() : null);
        return id is null ? new SendResult(false, Error: "WhatsApp reply without a message id") : new SendResult(true, id);
    }

    private sealed record WhatsAppRequest(
        [property: JsonPropertyName("messaging_product")] string MessagingProduct,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("template")] WhatsAppTemplateBody Template);

    private sealed record WhatsAppTemplateBody(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("language")] WhatsAppLanguage Language,
        [property: JsonPropertyName("components")] IReadOnlyList<WhatsAppComponent> Components);

    private sealed record WhatsAppLanguage([property: JsonPropertyName("code")] string Code);

    private sealed record WhatsAppComponent(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("parameters")] IReadOnlyList<WhatsAppParameter> Parameters);

    private sealed record WhatsAppParameter([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("text")] string Text);
}

/// <summary>An HTTP SMS gateway: POST JSON {from, to, text, reference} with a Bearer key.</summary>
public sealed class SmsSender(IHttpClientFactory http, IOptionsMonitor<SmsOptions> options) : IChannelSender
{
    public const string HttpClientName = "sms";

    public MessageChannel Channel => MessageChannel.Sms;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.CurrentValue.Url) && !string.IsNullOrWhiteSpace(options.CurrentValue.ApiKey);

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url)
        {
            Content = JsonContent.Create(new SmsRequest(o.Sender, message.To, message.Text, message.IdempotencyKey.ToString())),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
        request.Headers.Add(ProviderHeaders.IdempotencyKey, message.IdempotencyKey.ToString());
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var reply = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return ProviderHeaders.Failure("SMS gateway", response, reply);
        }

        var id = ProviderHeaders.ReadString(reply, root =>
            root.TryGetProperty("id", out var i) ? i.ToString() : root.TryGetProperty("messageId", out var m) ? m.ToString() : null);
        return new SendResult(true, id ?? $"sms-{message.IdempotencyKey:N}");
    }

    private sealed record SmsRequest(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("reference")] string Reference);
}

/// <summary>E-mail over SMTP with MailKit. The Message-Id is derived from the idempotency key, so a repeat is the same message.</summary>
public sealed class EmailSender(IOptionsMonitor<EmailOptions> options) : IChannelSender
{
    public MessageChannel Channel => MessageChannel.Email;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.CurrentValue.Host) && !string.IsNullOrWhiteSpace(options.CurrentValue.From);

    public static string MessageIdFor(Guid key, string from) =>
        string.Create(CultureInfo.InvariantCulture, $"{key:N}@{(from.Contains('@', StringComparison.Ordinal) ? from[(from.IndexOf('@', StringComparison.Ordinal) + 1)..] : "adminduk.local")}");

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var o = options.CurrentValue;
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = MessageIdFor(message.IdempotencyKey, o.From!),
            Body = new TextPart("plain") { Text = message.Text },
        };
        mail.From.Add(new MailboxAddress(o.FromName, o.From!));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Headers.Add(ProviderHeaders.IdempotencyKey, message.IdempotencyKey.ToString());
        using var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(o.Host!, o.Port, o.Security, cancellationToken);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException or System.Net.Sockets.SocketException or ParseException)
        {
            return new SendResult(false, Error: "SMTP: " + ex.Message);
        }

        return new SendResult(true, mail.MessageId);
    }
}

internal static class ProviderHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";

    public static SendResult Failure(string provider, HttpResponseMessage response, string reply) =>
        new(false, Error: string.Create(CultureInfo.InvariantCulture, $"{provider} answered {(int)response.StatusCode}: {(reply.Length > 500 ? reply[..500] : reply)}"));

    public static string? ReadString(string json, Func<JsonElement, string?> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
