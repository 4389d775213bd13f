using System.Threading.RateLimiting;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Hosting;

/// <summary>
/// Fixed-window counters kept in the database, so every instance behind the proxy draws on the same allowance:
/// two instances cannot double what one client may try. One upsert per limited request.
/// </summary>
public sealed class SharedRateLimitStore(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);
    private long nextPurge;

    public async Task<(bool Acquired, TimeSpan RetryAfter)> TryTakeAsync(string key, int permitLimit, TimeSpan window, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var length = Math.Max(1, (long)window.TotalSeconds);
        var start = now - (now % length);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        var count = (await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO "RateLimitCounters" ("Key", "WindowStart", "Count") VALUES ({key}, {start}, 1)
            ON CONFLICT ("Key", "WindowStart") DO UPDATE SET "Count" = "RateLimitCounters"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct)).Single();
        await PurgeOldWindowsAsync(db, now, ct);
        return (count <= permitLimit, TimeSpan.FromSeconds(start + length - now));
    }

    private async Task PurgeOldWindowsAsync(AdmindukDbContext db, long now, CancellationToken ct)
    {
        var due = Interlocked.Read(ref nextPurge);
        if (now < due || Interlocked.CompareExchange(ref nextPurge, now + (long)PurgeEvery.TotalSeconds, due) != due)
        {
            return;
        }

        // Windows are at most hours long; a day-old counter can never matter again.
        var cutoff = now - (long)TimeSpan.FromDays(1).TotalSeconds;
        await db.RateLimitCounters.Where(c => c.WindowStart < cutoff).ExecuteDeleteAsync(ct);
    }
}

/// <summary>A <see cref="RateLimiter"/> over <see cref="SharedRateLimitStore"/>; one instance per partition key.</summary>
public sealed class SharedWindowRateLimiter(SharedRateLimitStore store, string key, int permitLimit, TimeSpan window) : RateLimiter
{
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    // The count lives in the database, which cannot be asked synchronously: decline here so the caller waits on
    // AcquireAsync, which asks it.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Pending;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        var (acquired, retryAfter) = await store.TryTakeAsync(key, permitLimit, window, cancellationToken);
        return acquired ? Lease.Granted : new Lease(false, retryAfter);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease Pending = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = value;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}

public static class SharedRateLimitPartition
{
    /// <summary>A partition whose window is shared by every instance: the partition key includes the policy name.</summary>
    public static RateLimitPartition<string> Get(HttpContext context, string policy, string client, int permitLimit, TimeSpan window)
    {
        var key = policy + "|" + client;
        var store = context.RequestServices.GetRequiredService<SharedRateLimitStore>();
        return RateLimitPartition.Get(key, k => new SharedWindowRateLimiter(store, k, permitLimit, window));
    }
}
