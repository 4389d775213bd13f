using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Messages;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.CitizenAccount.CitizenTestData;

namespace Adminduk.Web.Tests.Features.Messages;

public partial class MessageLogTests
{
    [Theory, BothDatabases]
    public async Task Operators_see_codes_masked_and_administrators_see_them_in_full_audited(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        var office = await app.CreateOfficeAsync();
        var operatorUser = await app.CreateUserAsync(Roles.Operator, configure: u => u.OfficeId = office.Id);
        var administrator = await app.CreateUserAsync(Roles.Administrator);
        using (var citizen = app.CreateClient(cookies: null))
        {
            (await citizen.PostAsJsonAsync("/api/auth/code", new { phone = Phone })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.SeedAsync(db =>
        {
            new Outbox(db, app.Time).Add("+6285299990000", "application-approved", new Dictionary<string, string> { ["receipt"] = "BPN-20261123-7KQ4M2", ["service"] = "KTP-el" });
            return Task.CompletedTask;
        });
        var code = await LatestCodeAsync(app, Phone);
        using var operatorClient = await app.CreateClientAsync(operatorUser);
        using var adminClient = await app.CreateClientAsync(administrator);

        var operatorPage = await HtmlAsync(await operatorClient.GetAsync("/Messages"));
        var auditAfterOperator = await AuditAsync(app);
        var adminPage = await HtmlAsync(await adminClient.GetAsync("/Messages"));

        operatorPage.ShouldContain($"Kode masuk Adminduk Anda: {IndexModel.MaskedCode}. Berlaku 5 menit.");
        operatorPage.ShouldNotContain(code);
        operatorPage.ShouldContain("+62812*****890");
        operatorPage.ShouldNotContain(Phone);
        operatorPage.ShouldContain("Permohonan BPN-20261123-7KQ4M2 (KTP-el) disetujui.");
        operatorPage.ShouldContain("hanya administrator yang dapat melihatnya");
        operatorPage.ShouldContain("23-11-2026 09:01");
        operatorPage.ShouldContain("Asia/Makassar");
        operatorPage.IndexOf("BPN-20261123-7KQ4M2", StringComparison.Ordinal).ShouldBeLessThan(operatorPage.IndexOf("Kode masuk", StringComparison.Ordinal), "newest first");
        auditAfterOperator.ShouldBeEmpty();
        adminPage.ShouldContain($"Kode masuk Adminduk Anda: {code}. Berlaku 5 menit.");
        adminPage.ShouldContain("+62812*****890");
        adminPage.ShouldContain("23-11-2026 01:01", Case.Sensitive, "no office: UTC");
        var entry = (await AuditAsync(app)).ShouldHaveSingleItem();
        entry.Action.ShouldBe(IndexModel.CodesViewedAction);
        entry.ActorId.ShouldBe(administrator.Id);
    }

    [Theory, BothDatabases]
    public async Task Messages_page_by_25_newest_first_and_filter_by_status_and_recipient(DatabaseProvider provider)
    {
        await using var app = await CreateAppAsync(provider);
        var supervisor = await app.CreateUserAsync(Roles.Supervisor);
        await app.SeedAsync(db =>
        {
            var start = app.Time.GetUtcNow();
            for (var i = 1; i <= 30; i++)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    CreatedAt = start.AddMinutes(i),
                    Channel = MessageChannel.WhatsApp,
                    Recipient = i % 10 == 0 ? "+6285200000010" : "+6281200000001",
                    Template = "application-approved",
                    PayloadJson = "{}",
                    Text = $"Pesan nomor {i:00}.",
                    IdempotencyKey = Guid.NewGuid(),
                    Status = i % 3 == 0 ? OutboxStatus.DeadLetter : OutboxStatus.Sent,
                    Attempts = i % 3 == 0 ? 8 : 1,
                    LastError = i % 3 == 0 ? "provider answered 500" : null,
                    NextAttemptAt = start,
                });
            }

            return Task.CompletedTask;
        });
        using var client = await app.CreateClientAsync(supervisor);

        var first = await HtmlAsync(await client.GetAsync("/Messages"));
        var second = await HtmlAsync(await client.GetAsync("/Messages?p=2"));
        var failed = await HtmlAsync(await client.GetAsync("/Messages?Status=DeadLetter"));
        var toOne = await HtmlAsync(await client.GetAsync("/Messages?Phone=0852-0000-0010"));
        var badPhone = await HtmlAsync(await client.GetAsync("/Messages?Phone=812345"));

        Numbers(first).ShouldBe([.. Enumerable.Range(6, 25).Reverse()]);
        first.ShouldContain("href=\"/Messages?p=2\"");
        Numbers(second).ShouldBe([5, 4, 3, 2, 1]);
        second.ShouldContain("href=\"/Messages?p=1\"");
        second.ShouldNotContain("p=3");
        Numbers(failed).ShouldBe([30, 27, 24, 21, 18, 15, 12, 9, 6, 3]);
        failed.ShouldContain("provider answered 500");
        failed.ShouldContain("Gagal, tidak dicoba lagi");
        Numbers(toOne).ShouldBe([30, 20, 10]);
        badPhone.ShouldContain("Awali nomor dengan 0");
        Numbers(badPhone).ShouldBeEmpty();
    }

    private static List<int> Numbers(string html) =>
        [.. NumberPattern().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"Pesan nomor (\d\d)\.")]
    private static partial Regex NumberPattern();
}
