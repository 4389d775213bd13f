using System.Collections.Concurrent;
using System.Diagnostics;
using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Offices;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.BackOffice;

/// <summary>
/// Several app instances on one PostgreSQL: 20 operators, 10 on each of two instances (own service provider, own
/// connection pool), work through 5,000 queued applications at once.
/// </summary>
public class ConcurrentClaimTests(ITestOutputHelper output)
{
    private const int Applications = 5_000;
    private const int OperatorsPerInstance = 10;

    [Fact]
    public async Task Twenty_operators_on_two_instances_claim_each_application_once_in_queue_order()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var clock = new FakeTimeProvider(WitaTime(24, 8, 0));
        var (office, operatorIds) = await SeedAsync(database, OperatorsPerInstance * 2);
        await using var instanceA = BackOfficeServices.Build(database, clock, "a");
        await using var instanceB = BackOfficeServices.Build(database, clock, "b");

        var claimed = new ConcurrentBag<long>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(operatorIds.Select((id, i) => Task.Run(async () =>
        {
            var instance = i % 2 == 0 ? instanceA : instanceB;
            var who = new StaffMember(id, $"operator{i}", $"Operator {i}", office.Id, false, false);
            while (true)
            {
                var taken = await instance.InScopeAsync(sp => sp.GetRequiredService<ClaimQueue>().TakeNextAsync(who, CancellationToken.None));
                if (taken.Application is not { } application)
                {
                    return;
                }

                taken.Resumed.ShouldBeFalse();
                claimed.Add(application.Id);
                var decided = await instance.InScopeAsync(sp => sp.GetRequiredService<DecisionService>()
                    .DecideAsync(who, new DecisionRequest(application.Id, application.Version, DecisionKind.Approve), CancellationToken.None));
                decided.Outcome.ShouldBe(DecisionOutcome.Done);
            }
        })));
        watch.Stop();
        output.WriteLine($"{Applications} applications taken and approved by {operatorIds.Count} operators on 2 instances in {watch.Elapsed.TotalSeconds:0.0} s");

        claimed.Count.ShouldBe(Applications);
        claimed.Distinct().Count().ShouldBe(Applications);
        await using var db = database.NewContext();
        (await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Approved)).ShouldBe(Applications);
        var claims = await db.ApplicationHistory.AsNoTracking()
            .Where(h => h.Action == ApplicationAction.Claim)
            .Select(h => new { h.Id, h.ApplicationId })
            .ToListAsync();
        claims.Count.ShouldBe(Applications);
        claims.Select(c => c.ApplicationId).Distinct().Count().ShouldBe(Applications);

        // Claim order is the order the claims were written. For each application, count the older ones (queue order)
        // claimed after it: those waited unclaimed while it was taken. Only rows locked by other claimers at that
        // moment may be skipped, so the count stays below the number of concurrent claimers.
        var fifo = await db.Applications.AsNoTracking().OrderBy(a => a.QueuedAt).ThenBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var claimOrder = claims.OrderBy(c => c.Id).Select((c, k) => (c.ApplicationId, k)).ToDictionary(x => x.ApplicationId, x => x.k);
        var sequence = fifo.Select(id => claimOrder[id]).ToArray();
        var worst = 0;
        for (var i = 0; i < sequence.Length; i++)
        {
            var olderClaimedLater = 0;
            for (var j = 0; j < i; j++)
            {
                if (sequence[j] > sequence[i])
                {
                    olderClaimedLater++;
                }
            }

            worst = Math.Max(worst, olderClaimedLater);
        }

        output.WriteLine($"At most {worst} older applications were still unclaimed when one was claimed");
        worst.ShouldBeLessThan(operatorIds.Count);
    }

    private static async Task<(Office Office, IReadOnlyList<Guid> Operators)> SeedAsync(TestDatabase database, int operators)
    {
        await using var db = database.NewContext();
        var office = new Office { Code = "BPN", Name = "Disdukcapil Kota Balikpapan", RegencyCode = "64.71", TimeZoneId = "Asia/Makassar" };
        db.Offices.Add(office);
        var users = Enumerable.Range(0, operators).Select(i => new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = $"operator{i}",
            NormalizedUserName = $"OPERATOR{i}",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            FullName = $"Operator {i}",
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        foreach (var user in users)
        {
            user.OfficeId = office.Id;
        }

        var calendar = await OfficeCalendars.ForAsync(db, office, CancellationToken.None);
        var start = WitaTime(23, 13, 0);
        // Some share a QueuedAt (the id decides), most are a few seconds apart.
        db.Applications.AddRange(Enumerable.Range(0, Applications).Select(i =>
            NewQueued(office, calendar, start.AddSeconds(i - (i % 7 == 3 ? 1 : 0)), i % 3 == 0 ? KkService : KtpService)));
        await db.SaveChangesAsync();
        return (office, [.. users.Select(u => u.Id)]);
    }
}
