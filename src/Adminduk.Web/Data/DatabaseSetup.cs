using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Data;

/// <summary>Chooses the provider from configuration: Database:Provider (Sqlite | Postgres) and ConnectionStrings:Adminduk.</summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=adminduk.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value) || value.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (value.Equals("postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        throw new InvalidOperationException($"Unknown Database:Provider '{value}'. Use Sqlite or Postgres.");
    }

    public static string ConnectionStringFrom(IConfiguration configuration, DatabaseProvider provider) =>
        configuration.GetConnectionString("Adminduk") is { Length: > 0 } cs
            ? cs
            : provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnection
                : throw new InvalidOperationException("ConnectionStrings:Adminduk is required for PostgreSQL.");

    /// <summary>Registers <see cref="AdmindukDbContext"/> backed by the configured provider's subclass.</summary>
    public static IServiceCollection AddAdmindukDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = ConnectionStringFrom(configuration, provider);
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AdmindukDbContext, PostgresAdmindukDbContext>(o => Configure(o, provider, connectionString));
        }
        else
        {
            services.AddDbContext<AdmindukDbContext, SqliteAdmindukDbContext>(o => Configure(o, provider, connectionString));
        }

        return services;
    }

    public static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        Configure((DbContextOptionsBuilder)builder, provider, connectionString);
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"));
        }
        else
        {
            builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"));
        }
    }

    /// <summary>Creates a context for bulk jobs (CLI) without a web host.</summary>
    public static AdmindukDbContext CreateContext(DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Postgres
            ? new PostgresAdmindukDbContext(Configure(new DbContextOptionsBuilder<PostgresAdmindukDbContext>(), provider, connectionString).Options)
            : new SqliteAdmindukDbContext(Configure(new DbContextOptionsBuilder<SqliteAdmindukDbContext>(), provider, connectionString).Options);
}
