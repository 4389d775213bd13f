namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Where the citizen account pages live.</summary>
public static class CitizenPaths
{
    public const string SignIn = "/CitizenAccount/SignIn";
    public const string Code = "/CitizenAccount/Code";
    public const string Home = "/CitizenAccount";

    /// <summary>The page name of <see cref="Home"/>, for RedirectToPage.</summary>
    public const string HomePage = "/CitizenAccount/Index";
    public const string Link = "/CitizenAccount/Link";
    public const string LinkCode = "/CitizenAccount/LinkCode";
    public const string Phone = "/CitizenAccount/Phone";
    public const string PhoneCode = "/CitizenAccount/PhoneCode";
}

public static class CitizenAccountSetup
{
    /// <summary>One-time codes, citizen sign-in and identity linking. Settings: OneTimeCodes, IdentityLink.</summary>
    public static IServiceCollection AddCitizenAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OneTimeCodeOptions>(configuration.GetSection(OneTimeCodeOptions.Section));
        services.Configure<IdentityLinkOptions>(configuration.GetSection(IdentityLinkOptions.Section));
        services.AddSingleton<OneTimeCodeHasher>();
        services.AddScoped<OneTimeCodes>();
        services.AddScoped<CitizenSignIn>();
        services.AddScoped<IdentityLink>();
        return services;
    }

    /// <summary>The client address used for per-client limits (behind a proxy, configure forwarded headers).</summary>
    public static string? ClientIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();
}
