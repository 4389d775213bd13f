using System.Collections.Concurrent;
using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Adminduk.Web.Tests.Features.Notifications;

public class OutboxTests
{
    private static readonly Dictionary<string, string> Code = new() { ["code"] = "123456", ["minutes"] = "5" };

    [Fact]
    public void Templates_render_in_both_languages_and_refuse_missing_parameters()
    {
        Outbox.Render("otp", Code, CultureInfo.GetCultureInfo("id")).ShouldStartWith("Kode masuk Adminduk Anda: 123456. Berlaku 5 menit.");
        Outbox.Render("otp", Code, CultureInfo.GetCultureInfo("en")).ShouldStartWith("Your Adminduk sign-in code: 123456.");
        Should.Throw<InvalidOperationException>(() => Outbox.Render("otp", new Dictionary<string, string> { ["code"] = "1" }, CultureInfo.InvariantCulture));
        Should.Throw<InvalidOperationException>(() => Outbox.Render("no-such-template", Code, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("+6281234567890", MessageChannel.WhatsApp)]
    [InlineData("warga@example.id", MessageChannel.Email)]
    public void Channel_follows_the_recipient(string recipient, MessageChannel channel) =>
        Outbox.ChannelFor(recipient).ShouldBe(channel);

    [Theory, BothDatabases]
    public async Task A_message_is_stored_only_with_its_cause(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        await using (var db = database.NewContext())
        {
            new Outbox(db, clock).Add("+6281234567890", "otp", Code);
            // No SaveChanges: the cause failed, so the message must not exist.
        }

        await using (var db = database.NewContext())
        {
            (await db.OutboxMessages.CountAsync()).ShouldBe(0);
            new Outbox(db, clock).Add("+6281234567890", "otp", Code);
            await db.SaveChangesAsync();
            var stored = await db.OutboxMessages.SingleAsync();
            stored.Status.ShouldBe(OutboxStatus.Pending);
            stored.IdempotencyKey.ShouldNotBe(Guid.Empty);
            stored.Text.ShouldContain("123456");
        }
    }

    [Theory, BothDatabases]
    public async Task Failures_retry_with_backoff_then_dead_letter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender(fail: true);
        await using var services = Services(database, clock, sender);
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        await AddMessageAsync(services, clock);

        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(1);
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0); // not due yet
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromHours(2));
            await dispatcher.DispatchDueAsync(CancellationToken.None);
        }

        await using var db = database.NewContext();
        var message = await db.OutboxMessages.SingleAsync();
        message.Status.ShouldBe(OutboxStatus.DeadLetter);
        message.Attempts.ShouldBe(8);
        message.LastError.ShouldBe("provider answered 500");
        sender.Keys.Distinct().Single().ShouldBe(message.IdempotencyKey);
    }

    [Theory, BothDatabases]
    public async Task Two_dispatchers_send_each_message_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender(fail: false);
        await using var a = Services(database, clock, sender);
        await using var b = Services(database, clock, sender);
        for (var i = 0; i < 30; i++)
        {
            await AddMessageAsync(a, clock);
        }

        await Task.WhenAll(
            a.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None),
            b.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));

        sender.Keys.Count.ShouldBe(30);
        sender.Keys.Distinct().Count().ShouldBe(30);
        await using var db = database.NewContext();
        (await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)).ShouldBe(30);
    }

    [Theory, BothDatabases]
    public async Task A_lease_left_by_a_crashed_instance_expires(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        var sender = new RecordingSender(fail: false);
        await using var services = Services(database, clock, sender);
        await AddMessageAsync(services, clock);
        await using (var db = database.NewContext())
        {
            // An instance leased the message and died before recording the send.
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, clock.GetUtcNow().AddMinutes(2)));
        }

        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(0);
        clock.Advance(TimeSpan.FromMinutes(3));
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).ShouldBe(1);
        sender.Keys.Count.ShouldBe(1);
    }

    private static async Task AddMessageAsync(ServiceProvider services, TimeProvider clock)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        new Outbox(db, clock).Add("+6281234567890", "otp", Code);
        await db.SaveChangesAsync();
    }

    private static ServiceProvider Services(TestDatabase database, TimeProvider clock, IMessageSender sender)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Adminduk"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddAdmindukDatabase(configuration);
        services.AddSingleton(clock);
        services.AddSingleton(sender);
        services.AddSingleton<IOptions<OutboxOptions>>(Options.Create(new OutboxOptions()));
        services.AddSingleton(sp => new OutboxDispatcher(
            sp.GetRequiredService<IServiceScopeFactory>(), clock, sp.GetRequiredService<IOptions<OutboxOptions>>(), NullLogger<OutboxDispatcher>.Instance));
        return services.BuildServiceProvider();
    }

    private sealed class RecordingSender(bool fail) : IMessageSender
    {
        public ConcurrentBag<Guid> KeysBag { get; } = [];

        public List<Guid> Keys => [.. KeysBag];

        public bool CanSend(OutboxMessage message) => true;

        public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            KeysBag.Add(message.IdempotencyKey);
            return Task.FromResult(fail ? new SendResult(false, Error: "provider answered 500") : new SendResult(true, "wamid.1"));
        }
    }
}
