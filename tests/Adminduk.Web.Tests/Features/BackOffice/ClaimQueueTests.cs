using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.BackOffice;

public class ClaimQueueTests
{
    [Theory, BothDatabases]
    public async Task Take_next_gives_the_oldest_then_the_same_claim_until_it_is_finished(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync();
        var same = WitaTime(23, 8, 30);
        var newer = await app.QueueAsync(office, WitaTime(23, 8, 45));
        var second = await app.QueueAsync(office, same);
        var oldest = await app.QueueAsync(office, WitaTime(23, 8, 0));
        var third = await app.QueueAsync(office, same); // same instant: the lower id goes first
        var siti = Staff(await app.CreateStaffAsync(office, name: "Siti"));
        var budi = Staff(await app.CreateStaffAsync(office, name: "Budi"));

        var first = await app.TakeNextAsync(siti);
        first.Application!.Id.ShouldBe(oldest.Id);
        first.Resumed.ShouldBeFalse();
        first.Application.Status.ShouldBe(ApplicationStatus.InReview);
        first.Application.ClaimedByUserId.ShouldBe(siti.UserId);
        first.Application.ClaimExpiresAt.ShouldBe(app.Time.GetUtcNow() + TimeSpan.FromMinutes(30));

        var again = await app.TakeNextAsync(siti);
        again.Application!.Id.ShouldBe(oldest.Id);
        again.Resumed.ShouldBeTrue();

        (await app.TakeNextAsync(budi)).Application!.Id.ShouldBe(Math.Min(second.Id, third.Id));
        await app.DecideAsync(siti, new DecisionRequest(oldest.Id, first.Application.Version, DecisionKind.Approve));
        (await app.TakeNextAsync(siti)).Application!.Id.ShouldBe(Math.Max(second.Id, third.Id));

        await using var db = app.Database.NewContext();
        var history = await db.ApplicationHistory.Where(h => h.ApplicationId == oldest.Id).OrderBy(h => h.Id).ToListAsync();
        history[0].Action.ShouldBe(ApplicationAction.Claim);
        history[0].FromStatus.ShouldBe(ApplicationStatus.Queued);
        history[0].ToStatus.ShouldBe(ApplicationStatus.InReview);
        history[0].ActorName.ShouldBe("Siti");
        (await db.AuditEntries.CountAsync(a => a.Action == "application.claim" && a.SubjectId == oldest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(1);
        (await db.Applications.SingleAsync(a => a.Id == newer.Id)).Status.ShouldBe(ApplicationStatus.Queued);
    }

    [Theory, BothDatabases]
    public async Task Skills_limit_what_an_operator_takes_and_the_queue_stays_fifo_within_them(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync();
        var kk = await app.QueueAsync(office, WitaTime(23, 8, 0), KkService);
        var ktp1 = await app.QueueAsync(office, WitaTime(23, 8, 5), KtpService);
        var ktp2 = await app.QueueAsync(office, WitaTime(23, 8, 10), KtpService);
        var ktpOnly = await app.CreateStaffAsync(office);
        var anything = Staff(await app.CreateStaffAsync(office));
        await app.SeedAsync(db =>
        {
            db.OperatorSkills.Add(new OperatorSkill { UserId = ktpOnly.Id, ServiceCode = KtpService });
            return Task.CompletedTask;
        });

        (await app.TakeNextAsync(Staff(ktpOnly))).Application!.Id.ShouldBe(ktp1.Id);
        (await app.TakeNextAsync(anything)).Application!.Id.ShouldBe(kk.Id);
        var other = Staff(await app.CreateStaffAsync(office));
        (await app.TakeNextAsync(other)).Application!.Id.ShouldBe(ktp2.Id);
    }

    [Theory, BothDatabases]
    public async Task Release_and_expiry_return_the_application_to_its_original_position(DatabaseProvider provider)
    {
        // The background sweep stays off: it would race the explicit sweep and take-next below (both correct, the test
        // could not tell which returned the claim). The sweep itself runs here through ClaimSweeper.SweepAsync.
        await using var app = await AppFactory.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["BackOffice:ClaimDuration"] = "00:20:00",
            ["BackOffice:SweepEnabled"] = "false",
        });
        var office = await app.AddOfficeAsync();
        var oldest = await app.QueueAsync(office, WitaTime(23, 7, 0));
        var younger = await app.QueueAsync(office, WitaTime(23, 7, 30));
        var siti = Staff(await app.CreateStaffAsync(office, name: "Siti"));
        var budi = Staff(await app.CreateStaffAsync(office, name: "Budi"));

        // Release: Siti gives it back, Budi takes next and gets the oldest again, not the younger one.
        var taken = (await app.TakeNextAsync(siti)).Application!;
        taken.Id.ShouldBe(oldest.Id);
        (await app.InScopeAsync(sp => sp.GetRequiredService<ClaimQueue>().ReleaseAsync(siti, younger.Id, CancellationToken.None))).ShouldBeFalse();
        (await app.InScopeAsync(sp => sp.GetRequiredService<ClaimQueue>().ReleaseAsync(siti, oldest.Id, CancellationToken.None))).ShouldBeTrue();
        var released = await app.ReloadAsync(oldest.Id);
        released.Status.ShouldBe(ApplicationStatus.Queued);
        released.QueuedAt.ShouldBe(oldest.QueuedAt);
        released.ClaimedByUserId.ShouldBeNull();
        (await app.TakeNextAsync(budi)).Application!.Id.ShouldBe(oldest.Id);

        // Expiry at take-next: Budi's claim runs out; Siti takes next and gets the oldest back.
        app.Time.Advance(TimeSpan.FromMinutes(21));
        (await app.InScopeAsync(sp => sp.GetRequiredService<ClaimQueue>().CurrentClaimAsync(budi, CancellationToken.None))).ShouldBeNull();
        (await app.TakeNextAsync(siti)).Application!.Id.ShouldBe(oldest.Id);
        var expiredDecision = await app.DecideAsync(budi, new DecisionRequest(oldest.Id, taken.Version, DecisionKind.Approve));
        expiredDecision.Outcome.ShouldBe(DecisionOutcome.NotYourClaim);

        // Expiry by the background sweep: nobody takes next, the sweep returns it.
        app.Time.Advance(TimeSpan.FromMinutes(21));
        var sweeper = app.Services.GetRequiredService<ClaimSweeper>();
        await sweeper.SweepAsync(CancellationToken.None);
        var swept = await app.ReloadAsync(oldest.Id);
        swept.Status.ShouldBe(ApplicationStatus.Queued);
        swept.QueuedAt.ShouldBe(oldest.QueuedAt);
        (await app.TakeNextAsync(budi)).Application!.Id.ShouldBe(oldest.Id);

        await using var db = app.Database.NewContext();
        var notes = await db.ApplicationHistory.Where(h => h.ApplicationId == oldest.Id && h.Action == ApplicationAction.Release).OrderBy(h => h.Id).Select(h => h.Note).ToListAsync();
        notes.Count.ShouldBe(3);
        notes[0].ShouldBe("Dikembalikan ke antrean oleh petugas (urutan semula).");
        notes[1].ShouldBe("Batas waktu pemeriksaan habis; kembali ke antrean (urutan semula).");
        (await db.AuditEntries.CountAsync(a => a.Action == "application.claim-expired")).ShouldBe(2);
        (await db.AuditEntries.CountAsync(a => a.Action == "application.release")).ShouldBe(1);
        (await db.Applications.SingleAsync(a => a.Id == younger.Id)).Status.ShouldBe(ApplicationStatus.Queued);
    }

    [Theory, BothDatabases]
    public async Task Staff_only_ever_take_from_their_own_office(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var bpn = await app.AddOfficeAsync("BPN");
        var plg = await app.AddOfficeAsync("PLG", WalkInPolicy.Serve, "Asia/Jakarta", "16.71");
        var inBpn = await app.QueueAsync(bpn, WitaTime(23, 7, 0));
        var plgOperator = Staff(await app.CreateStaffAsync(plg));

        (await app.TakeNextAsync(plgOperator)).Application.ShouldBeNull();
        var bpnOperator = Staff(await app.CreateStaffAsync(bpn));
        (await app.TakeNextAsync(bpnOperator)).Application!.Id.ShouldBe(inBpn.Id);
        var plgSupervisor = Staff(await app.CreateStaffAsync(plg, Roles.Supervisor), Roles.Supervisor);
        (await app.InScopeAsync(sp => sp.GetRequiredService<ClaimQueue>().ReturnClaimAsync(plgSupervisor, plg.Id, inBpn.Id, CancellationToken.None))).ShouldBeFalse();
        (await app.DecideAsync(plgOperator, new DecisionRequest(inBpn.Id, (await app.ReloadAsync(inBpn.Id)).Version, DecisionKind.Approve))).Outcome.ShouldBe(DecisionOutcome.NotYourClaim);
        (await app.ReloadAsync(inBpn.Id)).ClaimedByUserId.ShouldBe(bpnOperator.UserId);
    }

    [Fact]
    public async Task Concurrent_take_next_on_sqlite_claims_each_application_once()
    {
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var office = await app.AddOfficeAsync();
        await app.QueueManyAsync(office, Enumerable.Range(0, 60).Select(i => (WitaTime(23, 7, 0).AddSeconds(i), KtpService)));
        var operators = new List<StaffMember>();
        for (var i = 0; i < 6; i++)
        {
            operators.Add(Staff(await app.CreateStaffAsync(office)));
        }

        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        await Task.WhenAll(operators.Select(op => Task.Run(async () =>
        {
            while ((await app.TakeNextAsync(op)).Application is { } application)
            {
                claimed.Add(application.Id);
                (await app.DecideAsync(op, new DecisionRequest(application.Id, application.Version, DecisionKind.Approve))).Outcome.ShouldBe(DecisionOutcome.Done);
            }
        })));

        claimed.Count.ShouldBe(60);
        claimed.Distinct().Count().ShouldBe(60);
    }
}
