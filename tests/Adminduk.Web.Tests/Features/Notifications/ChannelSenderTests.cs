using System.Text.Json;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Tests.Features.Notifications.Loopback;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Tests.Features.Notifications;

/// <summary>The provider channels against real servers on loopback: what they send, where, with which credentials.</summary>
public class ChannelSenderTests
{
    private static readonly Guid Key = Guid.Parse("0192f4a1-7c3e-7000-8000-00000000abcd");

    private static OutgoingMessage Message(string to, string? phoneNumberId = null) => new(
        Key,
        to,
        "application-approved",
        new Dictionary<string, string> { ["receipt"] = "PLG-20261123-ABCDEFGH", ["service"] = "Penggantian KTP-el" },
        "Permohonan PLG-20261123-ABCDEFGH (Penggantian KTP-el) disetujui.",
        "Pemberitahuan Disdukcapil",
        phoneNumberId);

    [Fact]
    public async Task WhatsApp_posts_the_cloud_api_template_call_and_keeps_the_message_id()
    {
        await using var provider = await ProviderStandIn.StartAsync();
        provider.Reply = _ => Task.FromResult(new StandInReply(200,
            """{"messaging_product":"whatsapp","contacts":[{"input":"6281234567001","wa_id":"6281234567001"}],"messages":[{"id":"wamid.HBgLNjI4MTIzNDU2NzAwMRUCABEYEjk5"}]}"""));
        var sender = new WhatsAppSender(HttpClients(), Monitor(new WhatsAppOptions
        {
            BaseUrl = provider.BaseAddress.ToString(),
            Version = "v21.0",
            PhoneNumberId = "1055000000001",
            AccessToken = "EAAG-test-token",
        }));

        var zoneResult = await sender.SendAsync(Message("+6281234567001", phoneNumberId: "1055000000777"), CancellationToken.None);
        var defaultResult = await sender.SendAsync(Message("+6281234567001"), CancellationToken.None);

        zoneResult.ShouldBe(new SendResult(true, "wamid.HBgLNjI4MTIzNDU2NzAwMRUCABEYEjk5"));
        defaultResult.Succeeded.ShouldBeTrue();
        provider.Requests.Count.ShouldBe(2);
        var request = provider.Requests[0];
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/v21.0/1055000000777/messages"); // the zone's own sender number
        provider.Requests[1].Path.ShouldBe("/v21.0/1055000000001/messages");
        request.Header("Authorization").ShouldBe("Bearer EAAG-test-token");
        request.Header("Idempotency-Key").ShouldBe(Key.ToString());
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        root.GetProperty("messaging_product").GetString().ShouldBe("whatsapp");
        root.GetProperty("to").GetString().ShouldBe("6281234567001");
        root.GetProperty("type").GetString().ShouldBe("template");
        var template = root.GetProperty("template");
        template.GetProperty("name").GetString().ShouldBe("application_approved");
        template.GetProperty("language").GetProperty("code").GetString().ShouldBe("id");
        var component = template.GetProperty("components")[0];
        component.GetProperty("type").GetString().ShouldBe("body");
        component.GetProperty("parameters").EnumerateArray()
            .Select(p => (p.GetProperty("type").GetString(), p.GetProperty("text").GetString()))
            .ShouldBe([("text", "PLG-20261123-ABCDEFGH"), ("text", "Penggantian KTP-el")]); // the template text's order
    }

    [Fact]
    public async Task WhatsApp_uses_configured_template_names_and_reports_provider_errors()
    {
        await using var provider = await ProviderStandIn.StartAsync();
        provider.Reply = _ => Task.FromResult(new StandInReply(400, """{"error":{"message":"Template name does not exist"}}"""));
        var options = new WhatsAppOptions { BaseUrl = provider.BaseAddress.ToString(), PhoneNumberId = "1", AccessToken = "t" };
        options.Templates["application-approved"] = new WhatsAppTemplate { Name = "adminduk_disetujui_v2", Parameters = ["service", "receipt"] };
        var sender = new WhatsAppSender(HttpClients(), Monitor(options));

        var result = await sender.SendAsync(Message("+6281234567001"), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldStartWith("WhatsApp answered 400");
        using var body = JsonDocument.Parse(provider.Requests.Single().Body);
        body.RootElement.GetProperty("template").GetProperty("name").GetString().ShouldBe("adminduk_disetujui_v2");
        body.RootElement.GetProperty("template").GetProperty("components")[0].GetProperty("parameters")[0].GetProperty("text").GetString().ShouldBe("Penggantian KTP-el");
    }

    [Fact]
    public void WhatsApp_needs_a_token_and_a_number()
    {
        new WhatsAppSender(HttpClients(), Monitor(new WhatsAppOptions())).IsConfigured.ShouldBeFalse();
        new WhatsAppSender(HttpClients(), Monitor(new WhatsAppOptions { AccessToken = "t" })).IsConfigured.ShouldBeFalse();
        new WhatsAppSender(HttpClients(), Monitor(new WhatsAppOptions { AccessToken = "t", PhoneNumberId = "1" })).IsConfigured.ShouldBeTrue();
    }

    [Fact]
    public async Task Sms_posts_to_the_gateway_with_key_sender_and_reference()
    {
        await using var gateway = await ProviderStandIn.StartAsync();
        gateway.Reply = _ => Task.FromResult(new StandInReply(202, """{"id":"sms-778899","status":"queued"}"""));
        var sender = new SmsSender(HttpClients(), Monitor(new SmsOptions
        {
            Url = new Uri(gateway.BaseAddress, "/api/v1/sms/send").ToString(),
            ApiKey = "gateway-key-123",
            Sender = "DUKCAPIL",
        }));

        var result = await sender.SendAsync(Message("+6281234567001"), CancellationToken.None);

        result.ShouldBe(new SendResult(true, "sms-778899"));
        var request = gateway.Requests.Single();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/api/v1/sms/send");
        request.Header("Authorization").ShouldBe("Bearer gateway-key-123");
        request.Header("Idempotency-Key").ShouldBe(Key.ToString());
        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.GetProperty("from").GetString().ShouldBe("DUKCAPIL");
        body.RootElement.GetProperty("to").GetString().ShouldBe("+6281234567001");
        body.RootElement.GetProperty("text").GetString().ShouldBe("Permohonan PLG-20261123-ABCDEFGH (Penggantian KTP-el) disetujui.");
        body.RootElement.GetProperty("reference").GetString().ShouldBe(Key.ToString());
    }

    [Fact]
    public async Task Sms_gateway_failure_is_reported_not_thrown()
    {
        await using var gateway = await ProviderStandIn.StartAsync();
        gateway.Reply = _ => Task.FromResult(new StandInReply(503, "busy"));
        var sender = new SmsSender(HttpClients(), Monitor(new SmsOptions { Url = gateway.BaseAddress.ToString(), ApiKey = "k" }));

        var result = await sender.SendAsync(Message("+6281234567001"), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("SMS gateway answered 503: busy");
    }

    [Fact]
    public async Task Email_goes_over_smtp_with_a_message_id_from_the_idempotency_key()
    {
        await using var smtp = SmtpListener.Start();
        var sender = new EmailSender(Monitor(new EmailOptions
        {
            Host = "127.0.0.1",
            Port = smtp.Port,
            Security = SecureSocketOptions.None,
            From = "noreply@disdukcapil.palembang.go.id",
            FromName = "Disdukcapil Palembang",
        }));

        var first = await sender.SendAsync(Message("warga@example.id"), CancellationToken.None);
        var repeat = await sender.SendAsync(Message("warga@example.id"), CancellationToken.None);

        first.Succeeded.ShouldBeTrue(first.Error);
        first.ProviderMessageId.ShouldBe($"{Key:N}@disdukcapil.palembang.go.id");
        repeat.ProviderMessageId.ShouldBe(first.ProviderMessageId); // a repeat is recognisably the same message
        smtp.Mails.Count.ShouldBe(2);
        var mail = smtp.Mails[0];
        mail.MailFrom.ShouldBe("noreply@disdukcapil.palembang.go.id");
        mail.Recipients.ShouldBe(["warga@example.id"]);
        mail.Data.ShouldContain($"Message-Id: <{Key:N}@disdukcapil.palembang.go.id>", Case.Insensitive);
        mail.Data.ShouldContain($"Idempotency-Key: {Key}");
        mail.Data.ShouldContain("Subject: Pemberitahuan Disdukcapil");
        mail.Data.ShouldContain("disetujui.");
        smtp.Commands.ShouldContain(c => c.StartsWith("EHLO", StringComparison.Ordinal));
        smtp.Commands.ShouldContain("QUIT");
    }

    [Fact]
    public async Task Email_to_a_server_that_is_not_there_fails_softly()
    {
        int port;
        await using (var closed = SmtpListener.Start())
        {
            port = closed.Port;
        }

        var sender = new EmailSender(Monitor(new EmailOptions { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, From = "a@b.id" }));

        var result = await sender.SendAsync(Message("warga@example.id"), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldStartWith("SMTP: ");
    }

    internal static IHttpClientFactory HttpClients()
    {
        var services = new ServiceCollection();
        services.AddHttpClient();
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
    }

    internal static IOptionsMonitor<T> Monitor<T>(T value)
        where T : class => new FixedMonitor<T>(value);

    private sealed class FixedMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
