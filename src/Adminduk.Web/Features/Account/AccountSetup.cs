using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace Adminduk.Web.Features.Account;

/// <summary>Accounts: ASP.NET Core Identity on <see cref="AdmindukDbContext"/> with cookie sign-in.</summary>
public static class AccountSetup
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Identity with EF stores, hashing, lockout and the sign-in cookie. A plain service-collection extension so the
    /// seeding code and the CLI can create accounts with the same rules (they also need AddLogging and the database).
    /// </summary>
    public static IServiceCollection AddAdmindukIdentity(this IServiceCollection services)
    {
        services.AddAdmindukLocalization();
        services.AddAdmindukAudit();
        services.AddScoped<PasswordSignIn>();
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                // Length beats composition rules (NIST SP 800-63B); letters and a digit keep the weakest out.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AdmindukDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AdmindukClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "adminduk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = AccountPaths.SignIn;
            o.LogoutPath = AccountPaths.SignOut;
            o.AccessDeniedPath = AccountPaths.AccessDenied;
            o.ReturnUrlParameter = "ReturnUrl";
            // API callers get status codes, not an HTML page to sign in.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    /// <summary>Creates the roles of <see cref="Roles.All"/> that do not exist yet.</summary>
    public static async Task EnsureRolesAsync(RoleManager<AppRole> roles)
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new AppRole { Name = name });
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {name}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>());
    }

    public static bool IsApiRequest(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task RedirectOrStatus(HttpContext context, string redirectUri, int status)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Where account pages live; other features link here.</summary>
public static class AccountPaths
{
    public const string SignIn = "/Account/SignIn";
    public const string SignInStaff = "/Account/SignInStaff";
    public const string SignInRt = "/Account/SignInRt";
    public const string SignOut = "/Account/SignOut";
    public const string AccessDenied = "/Account/AccessDenied";
    public const string ChangePassword = "/Account/ChangePassword";
    public const string StaffHome = "/Staff";
    public const string RtHome = "/Rt";

    /// <summary>The start page of an account with these roles.</summary>
    public static string HomeFor(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        if (set.Contains(Roles.Operator) || set.Contains(Roles.Supervisor) || set.Contains(Roles.Administrator))
        {
            return StaffHome;
        }

        return set.Contains(Roles.RtHead) ? RtHome : "/";
    }
}

/// <summary>Audit action names of the account feature.</summary>
public static class AccountAuditActions
{
    public const string SignedIn = "account.signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string SignedOut = "account.signed-out";
    public const string PasswordChanged = "account.password-changed";
}
