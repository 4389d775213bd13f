using Adminduk.Web.Data;
using Adminduk.Web.Features.Seeding;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Adminduk.Web.Tests.Features.Seeding;

/// <summary>One small demo city per provider, seeded on first use and shared by the invariant tests.</summary>
public sealed class SeededCityFixture : IAsyncLifetime
{
    /// <summary>10:00 in Balikpapan (WITA), 09:00 in Palembang (WIB), on 23 November 2026.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 11, 23);

    public const int Residents = 6_000;

    private readonly Dictionary<DatabaseProvider, Task<SeededCity>> cities = [];
    private readonly Lock gate = new();

    public Task<SeededCity> GetAsync(DatabaseProvider provider)
    {
        lock (gate)
        {
            if (!cities.TryGetValue(provider, out var city))
            {
                city = SeedAsync(provider);
                cities[provider] = city;
            }

            return city;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var city in cities.Values)
        {
            if (city.IsCompletedSuccessfully)
            {
                await city.Result.Database.DisposeAsync();
            }
        }
    }

    public static async Task<SeedResult> SeedAsync(TestDatabase database, SeedOptions options)
    {
        await using var db = database.NewContext();
        return await new DemoCitySeeder(new FakeTimeProvider(Now)).SeedAsync(db, options);
    }

    private static async Task<SeededCity> SeedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var result = await SeedAsync(database, new SeedOptions { Residents = Residents });
        await using var db = database.NewContext();
        return new SeededCity(
            database,
            result,
            await db.Regions.AsNoTracking().ToListAsync(),
            await db.Offices.AsNoTracking().Include(o => o.ServicePoints).ToListAsync(),
            await db.OfficeHolidays.AsNoTracking().ToListAsync(),
            await db.RtUnits.AsNoTracking().ToListAsync(),
            await db.Households.AsNoTracking().ToListAsync(),
            await db.Residents.AsNoTracking().ToListAsync(),
            await db.PopulationEvents.AsNoTracking().ToListAsync(),
            await db.Users.AsNoTracking().ToListAsync(),
            await db.Roles.AsNoTracking().ToListAsync(),
            await db.UserRoles.AsNoTracking().ToListAsync());
    }
}

public sealed record SeededCity(
    TestDatabase Database,
    SeedResult Result,
    List<RegionRecord> Regions,
    List<Office> Offices,
    List<OfficeHoliday> Holidays,
    List<RtUnit> RtUnits,
    List<Household> Households,
    List<Resident> Residents,
    List<PopulationEvent> Events,
    List<AppUser> Users,
    List<AppRole> Roles,
    List<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>> UserRoles)
{
    public IEnumerable<RtUnit> RtsOf(string regencyCode) => RtUnits.Where(r => r.VillageCode.StartsWith(regencyCode + ".", StringComparison.Ordinal));

    public HashSet<int> RtIdsOf(string regencyCode) => [.. RtsOf(regencyCode).Select(r => r.Id)];
}
