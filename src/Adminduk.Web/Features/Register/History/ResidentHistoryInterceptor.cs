using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Adminduk.Web.Features.Register.History;

/// <summary>
/// Before every save, closes the open <see cref="ResidentVersion"/> of each resident whose register data, household
/// or RT changed (also when their household's KK number or address changed) and opens a new one, in the same save and
/// so in the same transaction. A resident without any version (bulk-seeded) first gets one for the data it had since
/// <see cref="Resident.CreatedAt"/>. Bulk COPY writes do not pass through here.
/// </summary>
public sealed class ResidentHistoryInterceptor : SaveChangesInterceptor
{
    public static readonly ResidentHistoryInterceptor Instance = new();

    /// <summary>Resident properties a version keeps; a change to any other (phone, timestamps) opens no version.</summary>
    private static readonly string[] Tracked =
    [
        nameof(Resident.Nik), nameof(Resident.FullName), nameof(Resident.Sex), nameof(Resident.BirthPlace), nameof(Resident.BirthDate),
        nameof(Resident.Religion), nameof(Resident.MaritalStatus), nameof(Resident.Education), nameof(Resident.Occupation),
        nameof(Resident.Citizenship), nameof(Resident.Status), nameof(Resident.DeceasedOn), nameof(Resident.MovedOutOn),
        nameof(Resident.MovedToRegionCode), nameof(Resident.HouseholdId), nameof(Resident.RelationshipToHead), nameof(Resident.RtUnitId),
    ];

    private ResidentHistoryInterceptor()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AdmindukDbContext db)
        {
            // Synchronous all the way down (async: false), so this completes before returning.
            RecordAsync(db, async: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AdmindukDbContext db)
        {
            await RecordAsync(db, async: true, cancellationToken);
        }

        return result;
    }

    private static async Task RecordAsync(AdmindukDbContext db, bool async, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        if (tracker.AutoDetectChangesEnabled)
        {
            tracker.DetectChanges();
        }

        var changedHouseholds = tracker.Entries<Household>()
            .Where(e => e.State == EntityState.Modified
                && (e.Property(h => h.KkNumber).IsModified || e.Property(h => h.Address).IsModified))
            .Select(e => e.Entity.Id)
            .ToList();
        if (changedHouseholds.Count > 0)
        {
            // Members of a household whose card or address changed get a version too: load them into the tracker.
            var members = db.Residents.Where(r => r.HouseholdId != null && changedHouseholds.Contains(r.HouseholdId.Value));
            _ = async ? await members.ToListAsync(ct) : [.. members];
        }

        var residents = tracker.Entries<Resident>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && Tracked.Any(p => e.Property(p).IsModified && !Equals(e.Property(p).OriginalValue, e.Property(p).CurrentValue)))
                || (e.State is EntityState.Modified or EntityState.Unchanged && e.Entity.HouseholdId is int h && changedHouseholds.Contains(h))
                || e.State == EntityState.Deleted)
            .ToList();
        if (residents.Count == 0)
        {
            return;
        }

        var now = Clock(db).GetUtcNow();
        var existingIds = residents.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToList();
        var openQuery = db.Set<ResidentVersion>().Where(v => existingIds.Contains(v.ResidentId) && v.ValidTo == null);
        var open = existingIds.Count == 0 ? [] : async ? await openQuery.ToListAsync(ct) : [.. openQuery];
        var households = new HouseholdLookup(db);

        foreach (var entry in residents)
        {
            var resident = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                if (resident.CreatedAt == default)
                {
                    resident.CreatedAt = now;
                }

                var first = await SnapshotAsync(entry, current: true, households, async, ct);
                first.Resident = resident;
                first.ValidFrom = now;
                db.Add(first);
                continue;
            }

            var openVersions = open.Where(v => v.ResidentId == resident.Id).ToList();
            foreach (var version in openVersions)
            {
                db.Entry(version).Property(v => v.ValidTo).CurrentValue = now;
            }

            if (openVersions.Count == 0)
            {
                // Never versioned (seeded in bulk): keep what the register said until now.
                var since = (DateTimeOffset)entry.Property(nameof(Resident.CreatedAt)).OriginalValue!;
                var before = await SnapshotAsync(entry, current: false, households, async, ct);
                before.ResidentId = resident.Id;
                before.ValidFrom = since.ToUniversalTime();
                before.ValidTo = now;
                db.Add(before);
            }

            if (entry.State != EntityState.Deleted)
            {
                var next = await SnapshotAsync(entry, current: true, households, async, ct);
                next.ResidentId = resident.Id;
                next.ValidFrom = now;
                db.Add(next);
            }
        }
    }

    private static TimeProvider Clock(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
        ?? TimeProvider.System;

    private static async Task<ResidentVersion> SnapshotAsync(
        EntityEntry<Resident> entry, bool current, HouseholdLookup households, bool async, CancellationToken ct)
    {
        var values = current ? entry.CurrentValues : entry.OriginalValues;
        T Get<T>(string name) => values.GetValue<T>(name);
        var householdId = Get<int?>(nameof(Resident.HouseholdId));
        var household = current && entry.Entity.Household is { } loaded
            ? (loaded.KkNumber, loaded.Address)
            : householdId is int id ? await households.FindAsync(id, current, async, ct) : default;
        return new ResidentVersion
        {
            Nik = Get<string>(nameof(Resident.Nik)),
            FullName = Get<string>(nameof(Resident.FullName)),
            Sex = Get<Domain.Population.Sex>(nameof(Resident.Sex)),
            BirthPlace = Get<string>(nameof(Resident.BirthPlace)),
            BirthDate = Get<DateOnly>(nameof(Resident.BirthDate)),
            Religion = Get<Domain.Population.Religion>(nameof(Resident.Religion)),
            MaritalStatus = Get<Domain.Population.MaritalStatus>(nameof(Resident.MaritalStatus)),
            Education = Get<Domain.Population.Education>(nameof(Resident.Education)),
            Occupation = Get<string>(nameof(Resident.Occupation)),
            Citizenship = Get<Domain.Population.Citizenship>(nameof(Resident.Citizenship)),
            Status = Get<Domain.Population.ResidentStatus>(nameof(Resident.Status)),
            DeceasedOn = Get<DateOnly?>(nameof(Resident.DeceasedOn)),
            MovedOutOn = Get<DateOnly?>(nameof(Resident.MovedOutOn)),
            MovedToRegionCode = Get<string?>(nameof(Resident.MovedToRegionCode)),
            HouseholdId = householdId,
            KkNumber = household.KkNumber,
            Address = household.Address,
            RelationshipToHead = Get<Domain.Population.RelationshipToHead>(nameof(Resident.RelationshipToHead)),
            RtUnitId = Get<int?>(nameof(Resident.RtUnitId)),
        };
    }

    /// <summary>A household's KK number and address, before or after this save, read from the tracker when it is there.</summary>
    private sealed class HouseholdLookup(AdmindukDbContext db)
    {
        private readonly Dictionary<int, (string? KkNumber, string? Address)> stored = [];

        public async Task<(string? KkNumber, string? Address)> FindAsync(int id, bool current, bool async, CancellationToken ct)
        {
            // Compared by the entry's key value, which for a household added in this save is its temporary key.
            var tracked = db.ChangeTracker.Entries<Household>().FirstOrDefault(e => e.Property(h => h.Id).CurrentValue == id);
            if (tracked is not null)
            {
                var values = current || tracked.State == EntityState.Added ? tracked.CurrentValues : tracked.OriginalValues;
                return (values.GetValue<string>(nameof(Household.KkNumber)), values.GetValue<string>(nameof(Household.Address)));
            }

            if (stored.TryGetValue(id, out var known))
            {
                return known;
            }

            var query = db.Households.AsNoTracking().Where(h => h.Id == id).Select(h => new { h.KkNumber, h.Address });
            var row = async ? await query.FirstOrDefaultAsync(ct) : query.FirstOrDefault();
            known = (row?.KkNumber, row?.Address);
            stored[id] = known;
            return known;
        }
    }
}
