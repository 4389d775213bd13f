using System.Net;
using System.Text.Json;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Features.Notifications.Loopback;
using Adminduk.Web.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Features.Notifications;

/// <summary>The dispatcher inside the app with real provider channels on loopback: retries, dead letters, preference and fallback.</summary>
public class DeliveryOfMessagesTests
{
    public static Dictionary<string, string?> Settings(ProviderStandIn? whatsApp = null, ProviderStandIn? sms = null, SmtpListener? smtp = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outbox:DispatcherEnabled"] = "false",
            ["FollowUp:Enabled"] = "false",
        };
        if (whatsApp is not null)
        {
            settings["Notifications:WhatsApp:BaseUrl"] = whatsApp.BaseAddress.ToString();
            settings["Notifications:WhatsApp:PhoneNumberId"] = "1055000000001";
            settings["Notifications:WhatsApp:AccessToken"] = "wa-token";
        }

        if (sms is not null)
        {
            settings["Notifications:Sms:Url"] = new Uri(sms.BaseAddress, "/send").ToString();
            settings["Notifications:Sms:ApiKey"] = "sms-key";
        }

        if (smtp is not null)
        {
            settings["Notifications:Email:Host"] = "127.0.0.1";
            settings["Notifications:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Notifications:Email:Security"] = nameof(SecureSocketOptions.None);
            settings["Notifications:Email:From"] = "noreply@dukcapil.example.id";
        }

        return settings;
    }

    public static async Task<OutboxMessage> AddMessageAsync(AppFactory app, string recipient, string template, Dictionary<string, string> parameters, long? applicationId = null)
    {
        OutboxMessage? message = null;
        await app.SeedAsync(db =>
        {
            message = new Outbox(db, app.Time).Add(recipient, template, parameters, applicationId);
            return Task.CompletedTask;
        });
        return message!;
    }

    public static Task<int> DispatchAsync(AppFactory app) =>
        app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    private static readonly Dictionary<string, string> Approved = new() { ["receipt"] = "BPN-20261123-ABCDEFGH", ["service"] = "Penggantian KTP-el" };

    [Theory, BothDatabases]
    public async Task A_provider_answering_500_is_retried_with_backoff_then_dead_lettered_and_resent_by_staff(DatabaseProvider provider)
    {
        await using var whatsApp = await ProviderStandIn.StartAsync();
        whatsApp.Reply = _ => Task.FromResult(new StandInReply(500, """{"error":"internal"}"""));
        await using var app = await AppFactory.CreateAsync(provider, Settings(whatsApp));
        var message = await AddMessageAsync(app, "+6281234567001", "application-approved", Approved);

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            (await DispatchAsync(app)).ShouldBe(1);
            (await DispatchAsync(app)).ShouldBe(0); // not due again before its backoff
            await using var db = app.Database.NewContext();
            var stored = await db.OutboxMessages.SingleAsync();
            stored.Attempts.ShouldBe(attempt);
            if (stored.Status == OutboxStatus.Pending)
            {
                delays.Add(stored.NextAttemptAt - app.Time.GetUtcNow());
                app.Time.SetUtcNow(stored.NextAttemptAt);
            }
        }

        delays.Count.ShouldBe(7);
        delays[0].ShouldBeInRange(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(36));
        for (var i = 1; i < delays.Count; i++)
        {
            delays[i].ShouldBeGreaterThan(delays[i - 1] * 1.6, "exponential backoff");
        }

        await using (var db = app.Database.NewContext())
        {
            var dead = await db.OutboxMessages.SingleAsync();
            dead.Status.ShouldBe(OutboxStatus.DeadLetter);
            dead.LastError.ShouldStartWith("WhatsApp: WhatsApp answered 500");
            (await db.Set<OutboxAttempt>().CountAsync(a => a.MessageId == dead.Id && !a.Succeeded && a.Channel == MessageChannel.WhatsApp)).ShouldBe(8);
        }

        // Staff see it on the dead-letter list and re-send it once the provider is back.
        var staff = await app.CreateUserAsync(Roles.Operator);
        var client = await app.CreateClientAsync(staff);
        var list = await client.GetStringAsync("/Messages/DeadLetters");
        list.ShouldContain("application-approved");
        list.ShouldContain("WhatsApp answered 500");
        whatsApp.Reply = _ => Task.FromResult(new StandInReply(200, """{"messages":[{"id":"wamid.after-resend"}]}"""));
        var resend = await client.PostFormAsync("/Messages/DeadLetters?handler=Resend", new Dictionary<string, string> { ["MessageId"] = message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        resend.StatusCode.ShouldBe(HttpStatusCode.Redirect, await resend.Content.ReadAsStringAsync());
        (await DispatchAsync(app)).ShouldBe(1);

        await using (var db = app.Database.NewContext())
        {
            var sent = await db.OutboxMessages.SingleAsync();
            sent.Status.ShouldBe(OutboxStatus.Sent);
            sent.ProviderMessageId.ShouldBe("wamid.after-resend");
            (await db.AuditEntries.CountAsync(a => a.Action == "outbox.resend")).ShouldBe(1);
        }

        whatsApp.Requests.Count.ShouldBe(9);
        whatsApp.Requests.Select(r => r.Header("Idempotency-Key")).Distinct().ShouldBe([message.IdempotencyKey.ToString()]);
        (await client.GetStringAsync("/Messages/DeadLetters")).ShouldNotContain("application-approved");
    }

    [Theory, BothDatabases]
    public async Task The_citizens_preferred_channel_goes_first_and_a_failing_channel_falls_back(DatabaseProvider provider)
    {
        await using var whatsApp = await ProviderStandIn.StartAsync();
        await using var sms = await ProviderStandIn.StartAsync();
        await using var smtp = SmtpListener.Start();
        whatsApp.Reply = _ => Task.FromResult(new StandInReply(200, """{"messages":[{"id":"wamid.1"}]}"""));
        sms.Reply = _ => Task.FromResult(new StandInReply(500, "down"));
        await using var app = await AppFactory.CreateAsync(provider, Settings(whatsApp, sms, smtp));
        var byEmail = await app.CreateCitizenAsync("+6281234567011");
        var bySms = await app.CreateCitizenAsync("+6281234567012");
        await app.SeedAsync(db =>
        {
            db.Set<ContactPreference>().Add(new ContactPreference { UserId = byEmail.Id, Channel = MessageChannel.Email, Email = "warga.satu@example.id" });
            db.Set<ContactPreference>().Add(new ContactPreference { UserId = bySms.Id, Channel = MessageChannel.Sms });
            return Task.CompletedTask;
        });
        var first = await AddMessageAsync(app, "+6281234567011", "application-approved", Approved);
        var second = await AddMessageAsync(app, "+6281234567012", "application-approved", Approved);
        var noPreference = await AddMessageAsync(app, "+6281234567013", "application-approved", Approved);

        (await DispatchAsync(app)).ShouldBe(3);

        smtp.Mails.Single().Recipients.ShouldBe(["warga.satu@example.id"]);
        sms.Requests.Single().Header("Idempotency-Key").ShouldBe(second.IdempotencyKey.ToString());
        // SMS failed, so WhatsApp took the second message in the same pass; the third went by WhatsApp first.
        whatsApp.Requests.Select(r => r.Header("Idempotency-Key")).ShouldBe([second.IdempotencyKey.ToString(), noPreference.IdempotencyKey.ToString()], ignoreOrder: true);
        await using var db = app.Database.NewContext();
        var stored = await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync();
        stored.ShouldAllBe(m => m.Status == OutboxStatus.Sent);
        stored.Select(m => m.Channel).ShouldBe([MessageChannel.Email, MessageChannel.WhatsApp, MessageChannel.WhatsApp]);
        (await db.Set<OutboxAttempt>().Where(a => a.MessageId == second.Id).OrderBy(a => a.Id).Select(a => new { a.Channel, a.Succeeded }).ToListAsync())
            .Select(a => (a.Channel, a.Succeeded)).ShouldBe([(MessageChannel.Sms, false), (MessageChannel.WhatsApp, true)]);
        first.Id.ShouldBeLessThan(second.Id);
    }

    [Theory, BothDatabases]
    public async Task Office_texts_go_by_sms_and_the_zone_number_sends_whatsapp(DatabaseProvider provider)
    {
        await using var whatsApp = await ProviderStandIn.StartAsync();
        await using var sms = await ProviderStandIn.StartAsync();
        whatsApp.Reply = _ => Task.FromResult(new StandInReply(200, """{"messages":[{"id":"wamid.zone"}]}"""));
        sms.Reply = _ => Task.FromResult(new StandInReply(200, """{"id":"s1"}"""));
        await using var app = await AppFactory.CreateAsync(provider, Settings(whatsApp, sms));
        var zoned = await ZoneTestData.CreateZonedCitizenAsync(app, "+6281234567021", "1055000000777");
        var smsUser = await app.CreateCitizenAsync("+6281234567022");
        await app.SeedAsync(db =>
        {
            db.Set<ContactPreference>().Add(new ContactPreference { UserId = smsUser.Id, Channel = MessageChannel.Sms });
            db.Set<MessageText>().Add(new MessageText { OfficeId = zoned.Office.Id, Template = "application-approved", Channel = MessageChannel.Sms, Text = "PLG: {receipt} disetujui. Info: 0711-123456." });
            return Task.CompletedTask;
        });
        var forZone = await ZoneTestData.QueueApplicationAsync(app, zoned.Office, zoned.Citizen.Id);
        var forSms = await ZoneTestData.QueueApplicationAsync(app, zoned.Office, smsUser.Id);
        await AddMessageAsync(app, "+6281234567021", "application-approved", Approved, forZone.Id);
        await AddMessageAsync(app, "+6281234567022", "application-approved", Approved, forSms.Id);

        (await DispatchAsync(app)).ShouldBe(2);

        whatsApp.Requests.Single().Path.ShouldBe("/v21.0/1055000000777/messages");
        using var body = JsonDocument.Parse(sms.Requests.Single().Body);
        body.RootElement.GetProperty("text").GetString().ShouldBe("PLG: BPN-20261123-ABCDEFGH disetujui. Info: 0711-123456.");
    }

    [Theory, BothDatabases]
    public async Task Without_credentials_messages_go_to_the_message_log(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, Settings());
        await AddMessageAsync(app, "+6281234567031", "application-approved", Approved);

        (await DispatchAsync(app)).ShouldBe(1);

        await using var db = app.Database.NewContext();
        var message = await db.OutboxMessages.SingleAsync();
        message.Status.ShouldBe(OutboxStatus.Sent);
        message.ProviderMessageId.ShouldBe($"log-{message.IdempotencyKey:N}");
        var staff = await app.CreateUserAsync(Roles.Operator);
        (await (await app.CreateClientAsync(staff)).GetStringAsync("/Messages")).ShouldContain("BPN-20261123-ABCDEFGH");
    }
}
