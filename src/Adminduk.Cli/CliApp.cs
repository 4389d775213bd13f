using System.CommandLine;
using Adminduk.Cli.Commands;

namespace Adminduk.Cli;

/// <summary>The `adminduk` command tree; each command lives in Commands/.</summary>
public static class CliApp
{
    public static RootCommand Build() => new("adminduk: bulk jobs for the Adminduk population-administration service")
    {
        MigrateCommand.Create(),
        NikCommand.Create(),
        SeedCommand.Create(),
        VerifyListCommand.Create(),
    };
}
