using Adminduk.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Cli.Tests.Commands;

public class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_creates_the_schema_and_is_idempotent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"adminduk-cli-{Guid.NewGuid():N}.db");
        var connection = $"Data Source={path};Pooling=False";
        try
        {
            var args = new[] { "migrate", "--provider", "Sqlite", "--connection", connection };
            (await CliApp.Build().Parse(args).InvokeAsync()).ShouldBe(0);
            (await CliApp.Build().Parse(args).InvokeAsync()).ShouldBe(0);

            await using var db = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, connection);
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            (await db.Offices.CountAsync()).ShouldBe(0);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Unknown_provider_fails_with_a_message()
    {
        var result = await CliApp.Build().Parse(["migrate", "--provider", "Oracle"]).InvokeAsync();
        result.ShouldNotBe(0);
    }
}
