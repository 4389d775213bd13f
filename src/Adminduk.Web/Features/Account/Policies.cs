using Adminduk.Domain.Population;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Adminduk.Web.Features.Account;

/// <summary>
/// Authorization policy names. Every page and endpoint names one of these with [Authorize(Policy = ...)] /
/// RequireAuthorization(...), or is [AllowAnonymous]; anything else is refused by the fallback policy.
/// </summary>
public static class Policies
{
    /// <summary>Operators, supervisors and administrators.</summary>
    public const string Staff = "Staff";

    /// <summary>Supervisors and administrators.</summary>
    public const string Supervisor = "Supervisor";

    public const string Administrator = "Administrator";

    public const string RtHead = "RtHead";

    public const string Citizen = "Citizen";

    /// <summary>Any signed-in account with a current password.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Any signed-in account, even one that must still change its password (the change-password page).</summary>
    public const string AccountOwner = "AccountOwner";

    public static IServiceCollection AddAdmindukAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            // Deny by default: an endpoint without explicit authorization metadata answers 401/403.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build())
            .AddPolicy(Staff, p => RolesWithCurrentPassword(p, Roles.Operator, Roles.Supervisor, Roles.Administrator))
            .AddPolicy(Supervisor, p => RolesWithCurrentPassword(p, Roles.Supervisor, Roles.Administrator))
            .AddPolicy(Administrator, p => RolesWithCurrentPassword(p, Roles.Administrator))
            .AddPolicy(RtHead, p => RolesWithCurrentPassword(p, Roles.RtHead))
            .AddPolicy(Citizen, p => RolesWithCurrentPassword(p, Roles.Citizen))
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().AddRequirements(new CurrentPasswordRequirement()))
            .AddPolicy(AccountOwner, p => p.RequireAuthenticatedUser());
        services.AddSingleton<IAuthorizationHandler, CurrentPasswordHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PasswordChangeRedirect>();
        return services;
    }

    private static void RolesWithCurrentPassword(AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.RequireAuthenticatedUser().RequireRole(roles).AddRequirements(new CurrentPasswordRequirement());
}

/// <summary>The account has no pending forced password change.</summary>
public sealed class CurrentPasswordRequirement : IAuthorizationRequirement;

public sealed class CurrentPasswordHandler : AuthorizationHandler<CurrentPasswordRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CurrentPasswordRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && !context.User.HasClaim(c => c.Type == AdmindukClaimTypes.MustChangePassword))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Sends an account that must change its password to the change-password page instead of "access denied".</summary>
public sealed class PasswordChangeRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var pendingChange = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<CurrentPasswordRequirement>().Any() == true;
        if (pendingChange && !AccountSetup.IsApiRequest(context.Request))
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect(AccountPaths.ChangePassword + "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
            return Task.CompletedTask;
        }

        return standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
