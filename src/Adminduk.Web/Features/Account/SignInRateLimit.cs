using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Account;

/// <summary>
/// Limits sign-in attempts (form posts) per client IP in a fixed window shared by all instances. Settings:
/// RateLimiting:SignIn.
/// </summary>
public static class SignInRateLimit
{
    public const string PolicyName = "sign-in";

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimiting:SignIn");
        var permitLimit = settings.GetValue("PermitLimit", 10);
        var window = TimeSpan.FromSeconds(settings.GetValue("WindowSeconds", 60));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PolicyName, context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : Hosting.SharedRateLimitPartition.Get(
                        context, PolicyName, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", permitLimit, window));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(localizer["SignIn.TooManyAttempts"].Value, cancellationToken);
            };
        });
        return services;
    }
}
