using System.CommandLine;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Cli.Commands;

/// <summary>`adminduk migrate`: applies the provider's EF migrations to the database.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var db = new DatabaseOptions();
        var command = new Command("migrate", "Create or upgrade the database schema");
        db.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            var (provider, connectionString) = db.Resolve(result);
            await using var context = DatabaseSetup.CreateContext(provider, connectionString);
            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            await context.Database.MigrateAsync(ct);
            Console.WriteLine($"{provider}: {pending.Count} migration(s) applied.");
            return 0;
        });
        return command;
    }
}
