using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Cli.Tests.Commands;

public class SeedCommandTests
{
    [Fact]
    public async Task Seed_builds_the_demo_city_into_an_empty_sqlite_database_and_refuses_a_second_time()
    {
        var path = Path.Combine(Path.GetTempPath(), $"adminduk-cli-seed-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={path};Pooling=False";
        try
        {
            var args = new[] { "seed", "--residents", "2500", "--palembang-residents", "1200", "--random-seed", "11", "--provider", "Sqlite", "--connection", connection };
            (await CliApp.Build().Parse(args).InvokeAsync()).ShouldBe(0);

            await using (var db = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, connection))
            {
                (await db.Offices.CountAsync()).ShouldBe(2);
                (await db.RtUnits.CountAsync(r => r.VillageCode.StartsWith("64.71."))).ShouldBe(1_143);
                (await db.Residents.CountAsync(r => r.Status == ResidentStatus.Alive)).ShouldBe(2_500 + 1_200);
                (await db.PopulationEvents.CountAsync()).ShouldBeGreaterThan(0);
                (await db.Users.CountAsync(u => u.RtUnitId != null)).ShouldBe(await db.RtUnits.CountAsync());
            }

            (await CliApp.Build().Parse(args).InvokeAsync()).ShouldBe(1);
            await using (var db = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, connection))
            {
                (await db.Residents.CountAsync(r => r.Status == ResidentStatus.Alive)).ShouldBe(2_500 + 1_200);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Seed_rejects_a_non_positive_resident_count()
    {
        var path = Path.Combine(Path.GetTempPath(), $"adminduk-cli-seed-{Guid.NewGuid():N}.db");
        try
        {
            var result = await CliApp.Build().Parse(["seed", "--residents", "0", "--connection", $"Data Source={path};Pooling=False"]).InvokeAsync();
            result.ShouldBe(2);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
