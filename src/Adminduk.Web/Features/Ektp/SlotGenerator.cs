using System.Globalization;
using Adminduk.Domain.Calendar;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.Ektp;

/// <summary>
/// Opens appointment slots some weeks ahead from each service point's visit schedules, on the office calendar's
/// working days only, and never on a closed day. Safe on several instances: the work for an office runs in one
/// transaction holding the office's row lock (PostgreSQL) or SQLite's single write lock, and only adds days that have no
/// slots yet, so a second run finds nothing to do; a unique index (schedule, start) is the last line of defence.
/// </summary>
public sealed class SlotGenerator(AdmindukDbContext db, TimeProvider time, AuditLog audit, IOptions<EktpOptions> options)
{
    private static readonly AuditActor SystemActor = new(null, "system");

    /// <summary>The start and end of each slot of a schedule's day, skipping the break.</summary>
    public static IEnumerable<(TimeOnly Start, TimeOnly End)> SlotTimes(VisitSchedule schedule)
    {
        var length = schedule.SlotMinutes;
        var close = Minutes(schedule.Closes);
        var breakStart = schedule.BreakStarts is { } bs ? Minutes(bs) : -1;
        var breakEnd = schedule.BreakEnds is { } be ? Minutes(be) : -1;
        for (var t = Minutes(schedule.Opens); t + length <= close;)
        {
            if (breakEnd > breakStart && t < breakEnd && t + length > breakStart)
            {
                t = Math.Max(t + 1, breakEnd);
                continue;
            }

            yield return (TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(t)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(t + length)));
            t += length;
        }
    }

    /// <summary>Generates the missing slots of one office up to the horizon; returns how many were added.</summary>
    public async Task<int> GenerateAsync(int officeId, AuditActor? actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await EktpLocks.LockOfficeAsync(db, officeId, ct);
        var office = await db.Offices.AsNoTracking().FirstAsync(o => o.Id == officeId, ct);
        var calendar = await OfficeCalendars.ForAsync(db, office, ct);
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        var through = today.AddDays(options.Value.WeeksAhead * 7);

        var schedules = await db.VisitSchedules.AsNoTracking()
            .Where(s => s.ServicePoint!.OfficeId == officeId && s.Desks > 0)
            .ToListAsync(ct);
        var existing = (await db.AppointmentSlots.AsNoTracking()
                .Where(s => s.OfficeId == officeId && s.Day >= today && s.Day <= through)
                .Select(s => new { s.ScheduleId, s.Day })
                .Distinct()
                .ToListAsync(ct))
            .Select(s => (s.ScheduleId, s.Day))
            .ToHashSet();
        var closures = await db.SlotClosures.AsNoTracking()
            .Where(c => c.OfficeId == officeId && c.Day >= today && c.Day <= through)
            .ToListAsync(ct);

        var added = 0;
        for (var day = today; day <= through; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            foreach (var schedule in schedules)
            {
                if (existing.Contains((schedule.Id, day)))
                {
                    continue;
                }

                var capacity = CapacityOn(schedule, day, closures);
                if (capacity == 0)
                {
                    continue;
                }

                foreach (var (start, end) in SlotTimes(schedule))
                {
                    db.AppointmentSlots.Add(new AppointmentSlot
                    {
                        ScheduleId = schedule.Id,
                        OfficeId = officeId,
                        ServicePointId = schedule.ServicePointId,
                        DeskKind = schedule.DeskKind,
                        Day = day,
                        StartsAt = calendar.At(day, start),
                        EndsAt = calendar.At(day, end),
                        Capacity = capacity,
                    });
                    added++;
                }
            }
        }

        if (added > 0)
        {
            audit.Add("slots.generate", "office", office.Code,
                string.Create(CultureInfo.InvariantCulture, $"{added} slots through {through:yyyy-MM-dd}"), actor ?? SystemActor);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Every office's missing slots (the background job and the CLI).</summary>
    public async Task<int> GenerateAllAsync(CancellationToken ct)
    {
        var offices = await db.Offices.AsNoTracking().Select(o => o.Id).ToListAsync(ct);
        var added = 0;
        foreach (var id in offices)
        {
            added += await GenerateAsync(id, null, ct);
            db.ChangeTracker.Clear();
        }

        return added;
    }

    /// <summary>Places per slot on a day: the schedule's desks, fewer when desks are down, none when the day is closed.</summary>
    public static int CapacityOn(VisitSchedule schedule, DateOnly day, IEnumerable<SlotClosure> closures)
    {
        var capacity = schedule.Desks;
        foreach (var c in closures.Where(c => c.Day == day && Applies(c, schedule.ServicePointId, schedule.DeskKind)))
        {
            capacity = Math.Min(capacity, c.DesksLeft);
        }

        return capacity;
    }

    public static bool Applies(SlotClosure closure, int servicePointId, DeskKind desk) =>
        (closure.ServicePointId is null || closure.ServicePointId == servicePointId)
        && (closure.DeskKind is null || closure.DeskKind == desk);

    private static int Minutes(TimeOnly t) => (t.Hour * 60) + t.Minute;
}

/// <summary>Row locks the e-KTP feature takes on PostgreSQL; on SQLite the write transaction already excludes every other writer.</summary>
internal static class EktpLocks
{
    /// <summary>Serialises slot generation and day closures of one office (several app instances included).</summary>
    public static async Task LockOfficeAsync(AdmindukDbContext db, int officeId, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Offices" WHERE "Id" = {officeId} FOR UPDATE""", ct);
        }
    }
}

/// <summary>Generates slots and reviews the stock forecast on a timer; every instance may run it (see the services' locks).</summary>
public sealed partial class EktpJobs(IServiceScopeFactory scopes, TimeProvider time, IOptions<EktpOptions> options, ILogger<EktpJobs> logger) : BackgroundService
{
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<SlotGenerator>().GenerateAllAsync(ct);
            if (added > 0)
            {
                LogGenerated(logger, added);
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StockLedger>().ReviewAllAsync(ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.JobsEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.JobInterval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated {Count} appointment slots")]
    private static partial void LogGenerated(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "e-KTP background job failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
