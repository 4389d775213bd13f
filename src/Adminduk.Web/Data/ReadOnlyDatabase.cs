using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Data;

/// <summary>
/// Where dashboards and statistics read from: ConnectionStrings:AdmindukReadOnly when set (a read replica), else the main
/// database. Contexts are no-tracking and must not be saved; writes such as audit entries go through the scoped context.
/// </summary>
public sealed class ReadOnlyDatabase
{
    public const string ConnectionName = "AdmindukReadOnly";

    private readonly Func<AdmindukDbContext> create;

    public ReadOnlyDatabase(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var options = Configure(new DbContextOptionsBuilder<PostgresAdmindukDbContext>(), provider, connectionString);
            create = () => new PostgresAdmindukDbContext(options);
        }
        else
        {
            var options = Configure(new DbContextOptionsBuilder<SqliteAdmindukDbContext>(), provider, connectionString);
            create = () => new SqliteAdmindukDbContext(options);
        }

        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static ReadOnlyDatabase From(IConfiguration configuration)
    {
        var provider = DatabaseSetup.ProviderFrom(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionName) is { Length: > 0 } replica
            ? replica
            : DatabaseSetup.ConnectionStringFrom(configuration, provider);
        return new ReadOnlyDatabase(provider, connectionString);
    }

    /// <summary>A new context for one unit of reading; dispose it when done.</summary>
    public AdmindukDbContext CreateContext() => create();

    private static DbContextOptions<T> Configure<T>(DbContextOptionsBuilder<T> builder, DatabaseProvider provider, string connectionString)
        where T : DbContext =>
        DatabaseSetup.Configure(builder, provider, connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .Options;
}
