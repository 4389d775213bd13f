using System.CommandLine;
using Adminduk.Web.Data;
using Microsoft.Extensions.Configuration;

namespace Adminduk.Cli.Commands;

/// <summary>The --provider and --connection options shared by commands that touch the database.</summary>
internal sealed class DatabaseOptions
{
    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "Database provider: Sqlite (default) or Postgres. Also ADMINDUK_Database__Provider.",
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Connection string. Also ADMINDUK_ConnectionStrings__Adminduk. Default for SQLite: Data Source=adminduk.db",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    /// <summary>Options win over ADMINDUK_-prefixed environment variables, which win over the defaults.</summary>
    public (DatabaseProvider Provider, string ConnectionString) Resolve(ParseResult result)
    {
        var overrides = new Dictionary<string, string?>();
        if (result.GetValue(Provider) is { } p)
        {
            overrides["Database:Provider"] = p;
        }

        if (result.GetValue(Connection) is { } c)
        {
            overrides["ConnectionStrings:Adminduk"] = c;
        }

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("ADMINDUK_")
            .AddInMemoryCollection(overrides)
            .Build();
        var provider = DatabaseSetup.ProviderFrom(configuration);
        return (provider, DatabaseSetup.ConnectionStringFrom(configuration, provider));
    }
}
