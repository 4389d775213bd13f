using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Features.Account;

/// <summary>Seeding and the CLI create accounts without the web host, through the same Identity setup.</summary>
public class AccountSetupTests
{
    [Theory, BothDatabases]
    public async Task Identity_works_from_a_plain_service_collection(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Adminduk"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddAdmindukDatabase(configuration)
            .AddAdmindukIdentity();
        await using var serviceProvider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = serviceProvider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        await AccountSetup.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>());
        var rtHead = new AppUser { UserName = "+6281234567890", FullName = "Bambang Sutrisno", MustChangePassword = true };
        (await users.CreateAsync(rtHead, "awal-rahasia-1")).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(rtHead, Roles.RtHead)).Succeeded.ShouldBeTrue();
        var weak = await users.CreateAsync(new AppUser { UserName = "lemah" }, "abc");

        await using var db = database.NewContext();
        (await db.Roles.Select(r => r.Name).ToListAsync()).ShouldBe(Roles.All, ignoreOrder: true);
        var stored = await db.Users.SingleAsync();
        stored.PasswordHash.ShouldNotBeNullOrEmpty();
        stored.PasswordHash.ShouldNotContain("awal-rahasia-1");
        stored.LockoutEnabled.ShouldBeTrue();
        (await users.CheckPasswordAsync(rtHead, "awal-rahasia-1")).ShouldBeTrue();
        weak.Succeeded.ShouldBeFalse();
        weak.Errors.Select(e => e.Code).ShouldBe(["PasswordTooShort", "PasswordRequiresDigit", "PasswordRequiresUniqueChars"], ignoreOrder: true);
    }

    [Fact]
    public async Task Ensuring_roles_twice_creates_each_once()
    {
        await using var app = await AppFactory.CreateAsync();

        await AccountSetup.EnsureRolesAsync(app.Services);

        await using var db = app.Database.NewContext();
        (await db.Roles.CountAsync()).ShouldBe(Roles.All.Count);
    }
}
