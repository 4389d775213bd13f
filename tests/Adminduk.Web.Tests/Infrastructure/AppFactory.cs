using System.Globalization;
using System.Net;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;

namespace Adminduk.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a fresh test database (<see cref="TestDatabase"/>), with a <see cref="FakeTimeProvider"/>.
/// In-memory by default; <c>kestrel: true</c> listens on a free loopback port for browser tests.
/// Create accounts with <see cref="CreateUserAsync"/> and get a signed-in client with <see cref="CreateClientAsync(AppUser, bool)"/>.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>Satisfies the password rules; every test account gets it unless told otherwise.</summary>
    public const string DefaultPassword = "rahasia-123";

    private readonly TestDatabase database;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly bool ownsDatabase;
    private int userCounter;
    private int officeCounter;

    private AppFactory(TestDatabase database, IReadOnlyDictionary<string, string?> settings, bool ownsDatabase = true)
    {
        this.database = database;
        this.settings = settings;
        this.ownsDatabase = ownsDatabase;
    }

    /// <summary>Monday 23 November 2026, 09:00 in Balikpapan (WITA).</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    public TestDatabase Database => database;

    /// <summary>Where the app answers: http://localhost for the in-memory server, the real address with Kestrel.</summary>
    public Uri BaseAddress { get; private set; } = new("http://localhost");

    /// <summary>Starts the app. <paramref name="settings"/> override configuration (e.g. "RateLimiting:SignIn:PermitLimit").</summary>
    public static async Task<AppFactory> CreateAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        IReadOnlyDictionary<string, string?>? settings = null,
        bool kestrel = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new AppFactory(database, settings ?? new Dictionary<string, string?>());
        if (kestrel)
        {
            factory.UseKestrel(0);
        }

        factory.StartServer();
        if (kestrel)
        {
            var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            factory.BaseAddress = new Uri(addresses.First());
        }

        return factory;
    }

    /// <summary>
    /// A second instance of the app on this one's database, as another node behind the proxy; it shares nothing
    /// in memory with this one. Dispose it before this one.
    /// </summary>
    public AppFactory CreatePeer(IReadOnlyDictionary<string, string?>? peerSettings = null, bool kestrel = false)
    {
        var peer = new AppFactory(database, peerSettings ?? settings, ownsDatabase: false);
        peer.Time.SetUtcNow(Time.GetUtcNow());
        if (kestrel)
        {
            peer.UseKestrel(0);
        }

        peer.StartServer();
        if (kestrel)
        {
            var addresses = peer.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            peer.BaseAddress = new Uri(addresses.First());
        }

        return peer;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        // Tests build the data they need; the demo city would collide with it.
        builder.UseSetting("Seed:OnStartup", "false");
        builder.UseSetting("ConnectionStrings:Adminduk", database.ConnectionString);
        // Tests sign in often from one address; the limit itself is tested with its own setting.
        builder.UseSetting("RateLimiting:SignIn:PermitLimit", "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>Creates an account with Identity's UserManager (hashing, validation) in one role.</summary>
    public async Task<AppUser> CreateUserAsync(string role, string? userName = null, Action<AppUser>? configure = null, string password = DefaultPassword)
    {
        var number = Interlocked.Increment(ref userCounter);
        var user = new AppUser
        {
            UserName = userName ?? $"{role}{number}",
            FullName = $"Pengguna {role} {number}",
            CreatedAt = Time.GetUtcNow(),
        };
        configure?.Invoke(user);

        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Check(await users.CreateAsync(user, password), $"create {user.UserName}");
        Check(await users.AddToRoleAsync(user, role), $"add {user.UserName} to {role}");
        return user;
    }

    /// <summary>An office with a code unique in this app (office codes are unique).</summary>
    public async Task<Office> CreateOfficeAsync(string name = "Disdukcapil Kota Balikpapan", string regencyCode = "64.71", string timeZoneId = "Asia/Makassar")
    {
        var office = new Office
        {
            Code = "T" + Interlocked.Increment(ref officeCounter).ToString(CultureInfo.InvariantCulture),
            Name = name,
            RegencyCode = regencyCode,
            TimeZoneId = timeZoneId,
        };
        await SeedAsync(db =>
        {
            db.Offices.Add(office);
            return Task.CompletedTask;
        });
        return office;
    }

    /// <summary>
    /// The cookies the real <see cref="SignInManager{TUser}"/> issues for this account, without going through a sign-in page
    /// (roles such as citizen have no password page).
    /// </summary>
    public async Task<IReadOnlyList<Cookie>> SignInCookiesAsync(AppUser user)
    {
        await using var scope = Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = BaseAddress.Scheme;
        context.Request.Host = new HostString(BaseAddress.Authority);
        var signInManager = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        signInManager.Context = context;
        var current = await signInManager.UserManager.FindByIdAsync(user.Id.ToString())
            ?? throw new InvalidOperationException($"No account {user.Id}.");
        await signInManager.SignInAsync(current, isPersistent: false);
        return [.. SetCookieHeaderValue.ParseList([.. context.Response.Headers.SetCookie.OfType<string>()])
            .Select(c => new Cookie(c.Name.ToString(), c.Value.ToString(), "/"))];
    }

    /// <summary>A client with its own cookie jar, optionally holding <paramref name="cookies"/>. Redirects are not followed unless asked.</summary>
    public HttpClient CreateClient(IEnumerable<Cookie>? cookies, bool followRedirects = false)
    {
        var jar = new CookieContainer();
        foreach (var cookie in cookies ?? [])
        {
            jar.Add(BaseAddress, cookie);
        }

        DelegatingHandler[] handlers = followRedirects
            ? [new RedirectHandler(), new CookieContainerHandler(jar)]
            : [new CookieContainerHandler(jar)];
        return CreateDefaultClient(BaseAddress, handlers);
    }

    /// <summary>A client signed in as <paramref name="user"/>.</summary>
    public async Task<HttpClient> CreateClientAsync(AppUser user, bool followRedirects = false) =>
        CreateClient(await SignInCookiesAsync(user), followRedirects);

    /// <summary>Runs <paramref name="work"/> with a scoped <see cref="AdmindukDbContext"/> of the app and saves.</summary>
    public async Task SeedAsync(Func<AdmindukDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        await work(db);
        await db.SaveChangesAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await database.DisposeAsync();
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>All roles of <see cref="Roles"/> plus anonymous, in the order of the route-access table's columns.</summary>
public static class Callers
{
    public const string Anonymous = "anonymous";

    public static readonly IReadOnlyList<string> All = [Anonymous, Roles.Citizen, Roles.RtHead, Roles.Operator, Roles.Supervisor, Roles.Administrator];
}
