using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Seeding;
using Adminduk.Web.Tests.Features.Seeding;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Adminduk.Web.Tests.Data;

public class DatabaseInitializerTests
{
    [Theory, BothDatabases]
    public async Task Seeds_the_demo_city_once_when_enabled(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (services, configuration) = Build(database, seed: true);
        await using var _ = services;

        await DatabaseInitializer.InitializeAsync(services, configuration, CancellationToken.None);
        await using (var db = database.NewContext())
        {
            (await db.Offices.Select(o => o.Code).OrderBy(c => c).ToListAsync()).ShouldBe([DemoOffices.BalikpapanCode, DemoOffices.PalembangCode]);
            var bpnRts = await db.RtUnits.Where(r => r.VillageCode.StartsWith("64.71.")).Select(r => r.Id).ToListAsync();
            (await db.Residents.CountAsync(r => r.Status == ResidentStatus.Alive && bpnRts.Contains(r.RtUnitId!.Value))).ShouldBe(2_000);
        }

        // A second start finds the offices and leaves the data alone.
        var households = await CountHouseholdsAsync(database);
        await DatabaseInitializer.InitializeAsync(services, configuration, CancellationToken.None);
        (await CountHouseholdsAsync(database)).ShouldBe(households);
    }

    [Theory, BothDatabases]
    public async Task Leaves_the_database_empty_when_seeding_is_off(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (services, configuration) = Build(database, seed: false);
        await using var _ = services;

        await DatabaseInitializer.InitializeAsync(services, configuration, CancellationToken.None);
        await using var db = database.NewContext();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Offices.CountAsync()).ShouldBe(0);
        (await db.Residents.CountAsync()).ShouldBe(0);
    }

    private static async Task<int> CountHouseholdsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Households.CountAsync();
    }

    private static (ServiceProvider Services, IConfiguration Configuration) Build(TestDatabase database, bool seed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Adminduk"] = database.ConnectionString,
            ["Seed:OnStartup"] = seed ? "true" : "false",
            ["Seed:Residents"] = "2000",
            ["Seed:PalembangResidents"] = "1000",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(SeededCityFixture.Now))
            .AddAdmindukDatabase(configuration)
            .BuildServiceProvider();
        return (services, configuration);
    }
}
