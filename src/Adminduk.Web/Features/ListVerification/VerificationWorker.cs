using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.ListVerification;

public sealed class ListVerificationOptions
{
    /// <summary>Whether this instance runs queued verifications in the background.</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for queued runs (and runs whose holder stopped renewing its lease).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a lease lasts without renewal; the holder renews it with every progress save.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often progress is saved (and the lease renewed) while a run works.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A run that failed this many times is not retaken.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Largest upload per request.</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;
}

/// <summary>
/// Runs queued verifications in the background. A run is taken with a conditional UPDATE (status queued, or running
/// with an expired lease), so on several instances exactly one takes it; the holder renews the lease as it saves
/// progress, and stops when the renewal finds the lease taken by another.
/// </summary>
public sealed partial class VerificationWorker(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<ListVerificationOptions> options,
    ILogger<VerificationWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0);

    /// <summary>This instance's name in leases.</summary>
    public string InstanceId { get; } = NewInstanceId();

    /// <summary>Tells the worker a run was queued here, so it need not wait for the next poll.</summary>
    public void Signal() => wake.Release();

    /// <summary>Takes and runs queued runs until none is left; returns how many it ran.</summary>
    public async Task<int> RunPendingAsync(CancellationToken ct)
    {
        var ran = 0;
        while (await TryRunNextAsync(ct))
        {
            ran++;
        }

        return ran;
    }

    /// <summary>Takes one run (if any is free) and runs it to the end.</summary>
    public async Task<bool> TryRunNextAsync(CancellationToken ct)
    {
        var runId = await TryTakeAsync(ct);
        if (runId is null)
        {
            return false;
        }

        await RunAsync(runId.Value, ct);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWorkerFailed(logger, ex);
            }

            try
            {
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var delay = Task.Delay(options.Value.PollInterval, time, poll.Token);
                await Task.WhenAny(delay, wake.WaitAsync(poll.Token));
                await poll.CancelAsync();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal async Task<int?> TryTakeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        var now = time.GetUtcNow();
        var max = options.Value.MaxAttempts;
        var candidates = await db.VerificationRuns.AsNoTracking()
            .Where(r => r.Status == VerificationRunStatus.Queued || (r.Status == VerificationRunStatus.Running && r.LeaseExpiresAt < now))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Status, r.LeaseExpiresAt, r.Attempts })
            .Take(10)
            .ToListAsync(ct);
        foreach (var c in candidates)
        {
            if (c.Attempts >= max)
            {
                await db.VerificationRuns.Where(r => r.Id == c.Id && r.Attempts == c.Attempts && r.Status == c.Status)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, VerificationRunStatus.Failed).SetProperty(r => r.FinishedAt, now), ct);
                continue;
            }

            // The WHERE repeats what was read: if another instance took it meanwhile, no row changes.
            var taken = await db.VerificationRuns
                .Where(r => r.Id == c.Id && r.Status == c.Status && r.Attempts == c.Attempts && r.LeaseExpiresAt == c.LeaseExpiresAt)
                .ExecuteUpdateAsync(
                    s => s
                        .SetProperty(r => r.Status, VerificationRunStatus.Running)
                        .SetProperty(r => r.LeaseOwner, InstanceId)
                        .SetProperty(r => r.LeaseExpiresAt, now + options.Value.LeaseDuration)
                        .SetProperty(r => r.Attempts, c.Attempts + 1)
                        .SetProperty(r => r.StartedAt, now)
                        .SetProperty(r => r.Phase, VerificationPhase.Reading)
                        .SetProperty(r => r.ProgressDone, 0)
                        .SetProperty(r => r.ProgressTotal, 0),
                    ct);
            if (taken == 1)
            {
                return c.Id;
            }
        }

        return null;
    }

    private async Task RunAsync(int runId, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progress = new VerificationProgress();
        var finished = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(runId, progress, lost, finished.Token);
        var paths = new List<string>();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var engine = scope.ServiceProvider.GetRequiredService<VerificationEngine>();
            var lists = await db.Set<VerificationList>().AsNoTracking().Where(l => l.RunId == runId).OrderBy(l => l.Number).ToListAsync(lost.Token);
            var sources = new List<ListSource>();
            foreach (var list in lists)
            {
                var path = await ListUploads.ExtractAsync(db, list.Id, lost.Token);
                paths.Add(path);
                var format = TableReader.FormatOf(list.FileName);
                sources.Add(new ListSource(list.Number, list.Name, list.PaidPerFamily, ColumnMapping.FromJson(list.MappingJson), () => TableReader.Open(path, format)));
            }

            await engine.RunAsync(db, runId, sources, progress, lost.Token);
            await finished.CancelAsync();
            await heartbeat;
            await FinishAsync(runId, VerificationRunStatus.Completed, progress, null, CancellationToken.None);
            LogCompleted(logger, runId);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            // Another instance holds the lease now; it starts the run again.
            LogLeaseLost(logger, runId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRunFailed(logger, runId, ex);
            await finished.CancelAsync();
            await heartbeat;
            await FinishAsync(runId, VerificationRunStatus.Failed, progress, ex is ListFormatException ? ex.Message : ex.GetType().Name + ": " + ex.Message, CancellationToken.None);
        }
        finally
        {
            await finished.CancelAsync();
            await heartbeat;
            finished.Dispose();
            foreach (var path in paths)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Saves progress and renews the lease now and then; cancels the run when the lease is no longer ours.</summary>
    private async Task HeartbeatAsync(int runId, VerificationProgress progress, CancellationTokenSource lost, CancellationToken finished)
    {
        try
        {
            while (!finished.IsCancellationRequested)
            {
                await Task.Delay(options.Value.HeartbeatInterval, time, finished);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
                var until = time.GetUtcNow() + options.Value.LeaseDuration;
                var renewed = await db.VerificationRuns.Where(r => r.Id == runId && r.LeaseOwner == InstanceId && r.Status == VerificationRunStatus.Running)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(r => r.LeaseExpiresAt, until)
                            .SetProperty(r => r.Phase, progress.Phase)
                            .SetProperty(r => r.ProgressDone, progress.Done)
                            .SetProperty(r => r.ProgressTotal, progress.Total),
                        finished);
                if (renewed == 0)
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
        catch (Exception ex)
        {
            LogHeartbeatFailed(logger, runId, ex);
        }
    }

    private async Task FinishAsync(int runId, VerificationRunStatus status, VerificationProgress progress, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        var now = time.GetUtcNow();
        var phase = status == VerificationRunStatus.Completed ? VerificationPhase.Done : progress.Phase;
        await db.VerificationRuns.Where(r => r.Id == runId && r.LeaseOwner == InstanceId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, status)
                    .SetProperty(r => r.Phase, phase)
                    .SetProperty(r => r.ProgressDone, progress.Done)
                    .SetProperty(r => r.ProgressTotal, progress.Total)
                    .SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.LeaseOwner, (string?)null)
                    .SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.Error, error == null ? null : error.Length > 2000 ? error.Substring(0, 2000) : error),
                ct);
    }

    private static string NewInstanceId()
    {
        var id = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return id.Length <= 100 ? id : id[^100..];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "List verification run {RunId} completed")]
    private static partial void LogCompleted(ILogger logger, int runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "List verification run {RunId}: lease lost to another instance")]
    private static partial void LogLeaseLost(ILogger logger, int runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "List verification run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, int runId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "List verification run {RunId}: saving progress failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, int runId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "List verification worker failed")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);
}
