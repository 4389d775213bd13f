using System.Reflection;
using Adminduk.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Sdk;

namespace Adminduk.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database of one provider for one test. Migrations run once per provider into a
/// template (PostgreSQL: CREATE DATABASE ... TEMPLATE; SQLite: a file copy), so each test starts clean and fast.
/// PostgreSQL comes from ADMINDUK_TEST_POSTGRES, which ./test.sh sets; without it PostgreSQL tests fail, never skip.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "ADMINDUK_TEST_POSTGRES";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? sqliteTemplate;
    private static bool postgresTemplateReady;

    private TestDatabase(DatabaseProvider provider, string connectionString, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string Name { get; }

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            var template = await SqliteTemplateAsync();
            var path = Path.Combine(Path.GetTempPath(), "adminduk-tests", name + ".db");
            File.Copy(template, path);
            return new TestDatabase(provider, $"Data Source={path};Pooling=False", name);
        }

        await EnsurePostgresTemplateAsync();
        await using (var conn = new NpgsqlConnection(PostgresServer))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE adminduk_template", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, name);
    }

    public AdmindukDbContext NewContext() => DatabaseSetup.CreateContext(Provider, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            TryDelete(path);
            TryDelete(path + "-wal");
            TryDelete(path + "-shm");
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(PostgresServer);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }

    private static async Task<string> SqliteTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (sqliteTemplate is not null)
            {
                return sqliteTemplate;
            }

            var dir = Path.Combine(Path.GetTempPath(), "adminduk-tests");
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, $"template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
            await using (var db = DatabaseSetup.CreateContext(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False"))
            {
                await db.Database.MigrateAsync();
            }

            SqliteConnection.ClearAllPools();
            sqliteTemplate = path;
            return path;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task EnsurePostgresTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (postgresTemplateReady)
            {
                return;
            }

            await using (var conn = new NpgsqlConnection(PostgresServer))
            {
                await conn.OpenAsync();
                await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS adminduk_template WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand("CREATE DATABASE adminduk_template", conn);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "adminduk_template", Pooling = false };
            await using (var db = DatabaseSetup.CreateContext(DatabaseProvider.Postgres, builder.ConnectionString))
            {
                await db.Database.MigrateAsync();
            }

            postgresTemplateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}

/// <summary>Runs a data test once on SQLite and once on PostgreSQL: the test takes a <see cref="DatabaseProvider"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.Postgres]];
}
