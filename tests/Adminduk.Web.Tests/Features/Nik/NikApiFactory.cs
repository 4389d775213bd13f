using Adminduk.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Adminduk.Web.Tests.Features.Nik;

/// <summary>The whole web app on a temp-file SQLite database with a fake clock.</summary>
public sealed class NikApiFactory : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"adminduk-nik-{Guid.NewGuid():N}.db");

    /// <summary>2026-11-23 10:00 UTC = 19:00 at UTC+9: "today" is 2026-11-23.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public string DatabasePath => databasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
        builder.UseSetting("Seed:OnStartup", "false");
        builder.UseSetting("ConnectionStrings:Adminduk", $"Data Source={databasePath};Pooling=False");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }
}
