using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Features.Notifications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Features.Promise;

/// <summary>Palembang's promise: a decision within 5 calendar days; supervisors see who is close or past, citizens are told once.</summary>
public class PromiseTests
{
    [Theory, BothDatabases]
    public async Task Applications_near_or_past_the_promise_are_listed_and_the_citizen_is_told_once(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, DeliveryOfMessagesTests.Settings());
        var zoned = await ZoneTestData.CreateZonedCitizenAsync(app, "+6281234567051");
        var late = await ZoneTestData.QueueApplicationAsync(app, zoned.Office, zoned.Citizen.Id);
        app.Time.Advance(TimeSpan.FromDays(2));
        var recent = await ZoneTestData.QueueApplicationAsync(app, zoned.Office, zoned.Citizen.Id);
        var supervisor = await app.CreateStaffAsync(zoned.Office, Roles.Supervisor);
        var worker = app.Services.GetRequiredService<FollowUpWorker>();

        // Day 4 after the first: close to its promise, not past it.
        app.Time.Advance(TimeSpan.FromDays(2));
        var list = await (await app.CreateClientAsync(supervisor)).GetStringAsync("/Promise/Escalations");
        list.ShouldContain(late.ReceiptNumber!);
        list.ShouldContain("Mendekati batas");
        list.ShouldNotContain(recent.ReceiptNumber!);
        await worker.RunOnceAsync(CancellationToken.None);
        await using (var db = app.Database.NewContext())
        {
            (await db.OutboxMessages.CountAsync(m => m.Template == "promise-missed")).ShouldBe(0);
        }

        // Past five days: listed as overdue, the citizen is told once, however often the pass runs.
        app.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await worker.RunOnceAsync(CancellationToken.None);
        await worker.RunOnceAsync(CancellationToken.None);
        await using (var db = app.Database.NewContext())
        {
            var told = await db.OutboxMessages.SingleAsync(m => m.Template == "promise-missed");
            told.ApplicationId.ShouldBe(late.Id);
            told.Recipient.ShouldBe("+6281234567051");
            told.Text.ShouldContain("5 hari");
            told.Text.ShouldContain("UPTD Bukit Kecil"); // report to the zone's service point
        }

        list = await (await app.CreateClientAsync(supervisor)).GetStringAsync("/Promise/Escalations");
        list.ShouldContain("Melewati janji");
        list.ShouldContain("Warga sudah diberi tahu");

        // Only a decision counts: once rejected, it leaves the list. Queue order was never touched.
        var operatorUser = await app.CreateStaffAsync(zoned.Office);
        var staff = BackOfficeTestData.Staff(operatorUser);
        (await app.TakeNextAsync(staff)).Application!.Id.ShouldBe(late.Id);
        var current = await app.ReloadAsync(late.Id);
        (await app.DecideAsync(staff, new DecisionRequest(late.Id, current.Version, DecisionKind.Reject, Reason: "Dokumen tidak sesuai"))).Outcome.ShouldBe(DecisionOutcome.Done);
        (await (await app.CreateClientAsync(supervisor)).GetStringAsync("/Promise/Escalations")).ShouldNotContain(late.ReceiptNumber!);
    }
}
