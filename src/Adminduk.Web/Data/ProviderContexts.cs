using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Adminduk.Web.Data;

/// <summary>PostgreSQL: the production database.</summary>
public sealed class PostgresAdmindukDbContext(DbContextOptions<PostgresAdmindukDbContext> options)
    : AdmindukDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>SQLite: the embedded default for a single instance with no setup.</summary>
public sealed class SqliteAdmindukDbContext(DbContextOptions<SqliteAdmindukDbContext> options)
    : AdmindukDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset stored as text; store UTC ticks instead.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Design-time factories used by `dotnet ef migrations add` for each provider.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAdmindukDbContext>
{
    public PostgresAdmindukDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<PostgresAdmindukDbContext>(), DatabaseProvider.Postgres,
            "Host=localhost;Database=adminduk_design").Options);
}

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAdmindukDbContext>
{
    public SqliteAdmindukDbContext CreateDbContext(string[] args) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<SqliteAdmindukDbContext>(), DatabaseProvider.Sqlite,
            "Data Source=design.db").Options);
}
