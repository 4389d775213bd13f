using System.Globalization;
using Adminduk.Domain.Calendar;
using Adminduk.Domain.Population;
using Adminduk.Domain.Stock;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Features.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.Ektp;

public enum StockEntryOutcome
{
    Recorded = 1,

    /// <summary>The movement would take the balance below zero.</summary>
    Insufficient = 2,

    /// <summary>Quantity or reason is not acceptable for the kind of movement.</summary>
    Invalid = 3,
}

/// <summary>A forecast with the day it is made for ("as of the end of").</summary>
public sealed record StockStatus(StockForecast Forecast, DateOnly AsOf, bool AlertActive, OfficeCalendar Calendar);

/// <summary>One day of the chart: cards used and the balance at the end of the day.</summary>
public sealed record StockDay(DateOnly Day, int Used, int Received, int Balance);

/// <summary>
/// The blank-card ledger of each office. Every movement changes the balance with one conditional UPDATE
/// (Balance + q &gt;= 0) in the caller's transaction, so the balance never goes negative whatever runs at the same time
/// (a CHECK constraint backs it), and writes the movement line and an audit entry in that transaction.
/// </summary>
public sealed class StockLedger(AdmindukDbContext db, TimeProvider time, AuditLog audit, Outbox outbox, IOptions<EktpOptions> options)
{
    /// <summary>
    /// Applies a movement inside the caller's transaction (not saved); returns the balance after it, or null when the
    /// stock is insufficient (nothing changed).
    /// </summary>
    public async Task<int?> MoveAsync(
        AdmindukDbContext context, int officeId, StockMovementKind kind, int quantity, string? reason, AuditActor actor, long? printJobId, CancellationToken ct)
    {
        await context.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "StockBalances" ("OfficeId", "Balance", "AlertActive") VALUES ({officeId}, 0, {false}) ON CONFLICT ("OfficeId") DO NOTHING""", ct);
        var after = await context.Database.SqlQuery<int>($"""
            UPDATE "StockBalances" SET "Balance" = "Balance" + {quantity}
            WHERE "OfficeId" = {officeId} AND "Balance" + {quantity} >= 0
            RETURNING "Balance" AS "Value"
            """).ToListAsync(ct);
        if (after.Count == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var office = await context.Offices.AsNoTracking().FirstAsync(o => o.Id == officeId, ct);
        var movement = new StockMovement
        {
            OfficeId = officeId,
            At = now,
            Day = OfficeCalendars.Create(office, []).LocalDate(now),
            Kind = kind,
            Quantity = quantity,
            BalanceAfter = after[0],
            Reason = reason is { Length: > 500 } ? reason[..500] : reason,
            ActorUserId = actor.Id,
            ActorName = actor.Name,
            PrintJobId = printJobId,
        };
        context.StockMovements.Add(movement);
        audit.Add("stock." + kind.ToString().ToLowerInvariant(), "office", office.Code,
            string.Create(CultureInfo.InvariantCulture, $"{quantity:+#;-#;0} -> {after[0]}{(reason is null ? "" : "; " + reason)}"), actor);
        return after[0];
    }

    /// <summary>A receipt from the ministry, a spoiled card, or a correction (with a reason), in its own transaction.</summary>
    public async Task<StockEntryOutcome> RecordAsync(int officeId, StockMovementKind kind, int quantity, string? reason, AuditActor actor, CancellationToken ct)
    {
        reason = reason?.Trim() is { Length: > 0 } r ? r : null;
        var signed = kind switch
        {
            StockMovementKind.Receipt when quantity > 0 => quantity,
            StockMovementKind.Printed or StockMovementKind.Spoiled when quantity > 0 => -quantity,
            StockMovementKind.Correction when quantity != 0 && reason is not null => quantity,
            _ => 0,
        };
        if (signed == 0 || Math.Abs(signed) > 1_000_000)
        {
            return StockEntryOutcome.Invalid;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await MoveAsync(db, officeId, kind, signed, reason, actor, null, ct) is null)
        {
            return StockEntryOutcome.Insufficient;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return StockEntryOutcome.Recorded;
    }

    /// <summary>
    /// The day a forecast speaks for: today once the office has closed (or on a day off), else yesterday, so a morning
    /// forecast is not diluted by a day that has barely begun.
    /// </summary>
    public static DateOnly ForecastDay(OfficeCalendar calendar, DateTimeOffset now)
    {
        var local = calendar.ToLocal(now);
        var today = DateOnly.FromDateTime(local);
        return !calendar.IsWorkingDay(today) || TimeOnly.FromDateTime(local) >= calendar.ServiceCloses ? today : today.AddDays(-1);
    }

    public async Task<StockStatus> StatusAsync(Office office, CancellationToken ct)
    {
        var calendar = await OfficeCalendars.ForAsync(db, office, ct);
        var asOf = ForecastDay(calendar, time.GetUtcNow());
        var balance = await db.StockBalances.AsNoTracking().FirstOrDefaultAsync(b => b.OfficeId == office.Id, ct);
        var forecast = await ForecastAsync(office.Id, balance?.Balance ?? 0, asOf, calendar, ct);
        return new StockStatus(forecast, asOf, balance?.AlertActive ?? false, calendar);
    }

    /// <summary>
    /// Reviews one office's forecast for the reorder alert, once per forecast day: the alert is sent to the office's
    /// supervisors when the level is crossed, not again until the stock has recovered. Several instances may run it: the
    /// balance row is locked and the reviewed day recorded in the same transaction.
    /// </summary>
    public async Task<bool> ReviewAsync(int officeId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var state = db.Provider == DatabaseProvider.Postgres
            ? (await db.StockBalances.FromSql($"""SELECT * FROM "StockBalances" WHERE "OfficeId" = {officeId} FOR UPDATE""").ToListAsync(ct)).SingleOrDefault()
            : await db.StockBalances.FirstOrDefaultAsync(b => b.OfficeId == officeId, ct);
        if (state is null)
        {
            return false;
        }

        var office = await db.Offices.AsNoTracking().FirstAsync(o => o.Id == officeId, ct);
        var calendar = await OfficeCalendars.ForAsync(db, office, ct);
        var asOf = ForecastDay(calendar, time.GetUtcNow());
        if (state.ReviewedDay >= asOf)
        {
            return false;
        }

        var forecast = await ForecastAsync(officeId, state.Balance, asOf, calendar, ct);
        var crossed = forecast.Alert && !state.AlertActive;
        state.AlertActive = forecast.Alert;
        state.ReviewedDay = asOf;
        if (crossed)
        {
            await SendAlertAsync(office, forecast, ct);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return crossed;
    }

    public async Task<int> ReviewAllAsync(CancellationToken ct)
    {
        var offices = await db.StockBalances.AsNoTracking().Select(b => b.OfficeId).ToListAsync(ct);
        var alerts = 0;
        foreach (var id in offices)
        {
            alerts += await ReviewAsync(id, ct) ? 1 : 0;
            db.ChangeTracker.Clear();
        }

        return alerts;
    }

    /// <summary>Use and end-of-day balance per calendar day over the last <see cref="EktpOptions.ChartWorkingDays"/> working days.</summary>
    public async Task<IReadOnlyList<StockDay>> HistoryAsync(Office office, StockStatus status, CancellationToken ct)
    {
        var calendar = status.Calendar;
        var last = calendar.LocalDate(time.GetUtcNow());
        var first = last;
        for (var counted = 0; counted < options.Value.ChartWorkingDays && first > last.AddDays(-400); first = first.AddDays(-1))
        {
            counted += calendar.IsWorkingDay(first) ? 1 : 0;
        }

        var perDay = await db.StockMovements.AsNoTracking()
            .Where(m => m.OfficeId == office.Id && m.Day >= first)
            .GroupBy(m => m.Day)
            .Select(g => new
            {
                Day = g.Key,
                Used = -g.Where(m => m.Kind == StockMovementKind.Printed || m.Kind == StockMovementKind.Spoiled).Sum(m => m.Quantity),
                Received = g.Where(m => m.Kind == StockMovementKind.Receipt).Sum(m => m.Quantity),
                Net = g.Sum(m => m.Quantity),
            })
            .ToDictionaryAsync(x => x.Day, ct);
        // Walk back from today's balance so the line agrees with the ledger even before its first movement.
        var days = new List<StockDay>();
        var balance = status.Forecast.Balance;
        for (var day = last; day >= first; day = day.AddDays(-1))
        {
            var found = perDay.GetValueOrDefault(day);
            if (calendar.IsWorkingDay(day) || found is not null)
            {
                days.Add(new StockDay(day, found?.Used ?? 0, found?.Received ?? 0, balance));
            }

            balance -= found?.Net ?? 0;
        }

        days.Reverse();
        return days;
    }

    private async Task<StockForecast> ForecastAsync(int officeId, int balance, DateOnly asOf, OfficeCalendar calendar, CancellationToken ct)
    {
        var settings = options.Value.Forecast;
        // Generous lower bound: the window's working days lie within this many calendar days (weekends, holidays).
        var from = asOf.AddDays(-(settings.WindowWorkingDays * 3) - 30);
        var use = await db.StockMovements.AsNoTracking()
            .Where(m => m.OfficeId == officeId && m.Day >= from && m.Day <= asOf
                && (m.Kind == StockMovementKind.Printed || m.Kind == StockMovementKind.Spoiled))
            .GroupBy(m => m.Day)
            .Select(g => new { Day = g.Key, Used = -g.Sum(m => m.Quantity) })
            .ToDictionaryAsync(x => x.Day, x => x.Used, ct);
        return BlankStockForecaster.Forecast(balance, use, asOf, calendar, settings);
    }

    private async Task SendAlertAsync(Office office, StockForecast forecast, CancellationToken ct)
    {
        var parameters = new Dictionary<string, string>
        {
            ["office"] = office.Name,
            ["balance"] = forecast.Balance.ToString("N0", CultureInfo.GetCultureInfo("id")),
            ["days"] = (forecast.WorkingDaysLeft ?? 0).ToString("0.0", CultureInfo.GetCultureInfo("id")),
            ["runout"] = forecast.RunOutDay is { } d ? EktpText.Day(d) : "-",
            ["order"] = forecast.SuggestedOrder.ToString("N0", CultureInfo.GetCultureInfo("id")),
        };
        var supervisorRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Supervisor).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var recipients = await db.Users.AsNoTracking()
            .Where(u => u.OfficeId == office.Id && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == supervisorRole))
            .Select(u => u.PhoneNumber ?? u.Email)
            .Where(r => r != null)
            .ToListAsync(ct);
        foreach (var recipient in recipients.Distinct(StringComparer.Ordinal))
        {
            outbox.Add(recipient!, "stock-alert", parameters);
        }

        audit.Add("stock.alert", "office", office.Code,
            string.Create(CultureInfo.InvariantCulture, $"balance {forecast.Balance}, {forecast.WorkingDaysLeft:0.0} working days, order {forecast.SuggestedOrder}; {recipients.Count} recipients"),
            new AuditActor(null, "system"));
    }
}
