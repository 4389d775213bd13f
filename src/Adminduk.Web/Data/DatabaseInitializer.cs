using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Data;

/// <summary>Applies migrations at start-up (Database:MigrateOnStartup, default true).</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
