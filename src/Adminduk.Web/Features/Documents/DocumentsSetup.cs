using System.Threading.RateLimiting;
using Adminduk.Domain.Population;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.BackOffice;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Documents;

public static class DocumentsSetup
{
    public const string VerifyRateLimit = "document-verify";

    /// <summary>
    /// Issuance on approval, the verification page's rate limit and the download policy. Call after
    /// AddAdmindukRegister: approval steps run in registration order, and documents read what the register effects wrote.
    /// </summary>
    public static IServiceCollection AddAdmindukDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection("Documents"));
        services.AddScoped<DocumentIssuer>();
        services.AddScoped<IApprovalStep, DocumentApprovalStep>();
        services.AddAuthorizationBuilder().AddPolicy(DocumentAccess.DownloadPolicy, p => p
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Citizen, Roles.Operator, Roles.Supervisor, Roles.Administrator)
            .AddRequirements(new CurrentPasswordRequirement()));

        var settings = configuration.GetSection("RateLimiting:Verify");
        var permit = settings.GetValue("PermitLimit", 30);
        var window = TimeSpan.FromSeconds(settings.GetValue("WindowSeconds", 60));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(VerifyRateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = window, QueueLimit = 0 })));
        // The app's rejection message speaks of sign-in attempts; checks of documents get their own.
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            var others = o.OnRejected;
            o.OnRejected = async (context, ct) =>
            {
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != VerifyRateLimit)
                {
                    if (others is not null)
                    {
                        await others(context, ct);
                    }

                    return;
                }

                var texts = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<DocumentPages>>();
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(texts["Verify.TooMany"].Value, ct);
            };
        });
        return services;
    }
}
