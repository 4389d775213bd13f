using Adminduk.Web.Features.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Data;

/// <summary>
/// Start-up work on the database: applies migrations (Database:MigrateOnStartup, default true), then builds the
/// demo city into a database without offices when Seed:OnStartup is true (appsettings.json turns it on;
/// Seed:Residents and Seed:RandomSeed size and vary it).
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (!configuration.GetValue("Seed:OnStartup", false)
            || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any()
            || await db.Offices.AnyAsync(cancellationToken))
        {
            return;
        }

        var options = new SeedOptions
        {
            Residents = configuration.GetValue("Seed:Residents", SeedOptions.DefaultResidents),
            PalembangResidents = configuration.GetValue<int?>("Seed:PalembangResidents"),
            RandomSeed = configuration.GetValue("Seed:RandomSeed", SeedOptions.DefaultRandomSeed),
        };
        var time = scope.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = scope.ServiceProvider.GetService<ILogger<DemoCitySeeder>>();
        await new DemoCitySeeder(time, logger).SeedAsync(db, options, progress: null, cancellationToken);
    }
}
