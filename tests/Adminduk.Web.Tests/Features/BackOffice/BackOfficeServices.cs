using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Features.BackOffice;

/// <summary>
/// The back office's services without a web host, as one app instance: its own service provider and its own connection
/// pool (the application name differs per instance, so Npgsql keeps separate pools).
/// </summary>
internal static class BackOfficeServices
{
    public static ServiceProvider Build(TestDatabase database, TimeProvider clock, string instance = "a", Action<IServiceCollection>? configure = null)
    {
        var connection = database.Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "adminduk-" + instance, MaxPoolSize = 30 }.ConnectionString
            : database.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Adminduk"] = connection,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAdmindukDatabase(configuration);
        services.AddSingleton(clock);
        services.AddAdmindukAudit();
        services.AddScoped<Outbox>();
        services.AddAdmindukBackOffice(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static async Task<T> InScopeAsync<T>(this ServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
