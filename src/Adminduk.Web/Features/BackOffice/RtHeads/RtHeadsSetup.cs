using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Adminduk.Web.Features.BackOffice.RtHeads;

/// <summary>Marker for the RT-head pages' texts (Resources/Features/BackOffice/RtHeads/RtHeadPages.resx).</summary>
public sealed class RtHeadPages;

public static class RtHeadsSetup
{
    /// <summary>
    /// RT-head account management, and a security-stamp check on every request of an RT head (instead of Identity's
    /// periodic one), so a replaced or reset head's open sessions end at once.
    /// </summary>
    public static IServiceCollection AddAdmindukRtHeads(this IServiceCollection services)
    {
        services.AddScoped<RtHeadAccounts>();
        services.AddScoped<RtSplit>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var standard = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal?.IsInRole(Roles.RtHead) == true)
                {
                    var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
                    if (await signIn.ValidateSecurityStampAsync(context.Principal) is null)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                        return;
                    }
                }

                await standard(context);
            };
        });
        return services;
    }
}
