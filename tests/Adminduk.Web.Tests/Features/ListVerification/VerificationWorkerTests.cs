using Adminduk.Web.Data;
using Adminduk.Web.Features.ListVerification;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Tests.Features.ListVerification;

public sealed class VerificationWorkerTests
{
    [Theory, BothDatabases]
    public async Task One_instance_takes_a_queued_run_and_another_takes_it_over_once_the_lease_lapses(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["ListVerification:WorkerEnabled"] = "false" });
        var options = new ListVerificationOptions();
        var first = Worker(app, options);
        var second = Worker(app, options);
        first.InstanceId.ShouldNotBe(second.InstanceId);
        var runId = await QueueAsync(app);

        var takes = await Task.WhenAll(first.TryTakeAsync(default), second.TryTakeAsync(default));
        takes.Count(t => t == runId).ShouldBe(1);
        takes.Count(t => t is null).ShouldBe(1);
        var holder = takes[0] == runId ? first : second;
        var other = holder == first ? second : first;
        (await other.TryTakeAsync(default)).ShouldBeNull();

        app.Time.Advance(options.LeaseDuration - TimeSpan.FromSeconds(1));
        (await other.TryTakeAsync(default)).ShouldBeNull("the lease still holds");

        app.Time.Advance(TimeSpan.FromSeconds(2));
        (await other.TryTakeAsync(default)).ShouldBe(runId);
        await using var db = app.Database.NewContext();
        var run = await db.VerificationRuns.SingleAsync(r => r.Id == runId);
        run.LeaseOwner.ShouldBe(other.InstanceId);
        run.Attempts.ShouldBe(2);
        run.Status.ShouldBe(VerificationRunStatus.Running);
    }

    [Theory, BothDatabases]
    public async Task A_run_whose_list_content_is_missing_fails_with_the_reason(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, new Dictionary<string, string?> { ["ListVerification:WorkerEnabled"] = "false" });
        var runId = await QueueAsync(app, withList: true);

        (await app.Services.GetRequiredService<VerificationWorker>().RunPendingAsync(default)).ShouldBe(1);

        await using var db = app.Database.NewContext();
        var run = await db.VerificationRuns.SingleAsync(r => r.Id == runId);
        run.Status.ShouldBe(VerificationRunStatus.Failed);
        run.Error.ShouldNotBeNull().ShouldContain("not stored");
        run.LeaseOwner.ShouldBeNull();
    }

    private static VerificationWorker Worker(AppFactory app, ListVerificationOptions options) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Time, Options.Create(options), NullLogger<VerificationWorker>.Instance);

    private static async Task<int> QueueAsync(AppFactory app, bool withList = false)
    {
        var run = new VerificationRun { Title = "antre", CreatedByName = "test", CreatedAt = app.Time.GetUtcNow(), Status = VerificationRunStatus.Queued };
        if (withList)
        {
            run.Lists.Add(new VerificationList { Number = 1, Name = "x", FileName = "x.csv", HeadersJson = "[\"NAMA\"]", MappingJson = "{\"Name\":\"NAMA\"}" });
        }

        await app.SeedAsync(db =>
        {
            db.VerificationRuns.Add(run);
            return Task.CompletedTask;
        });
        return run.Id;
    }
}
