using System.Security.Claims;
using Adminduk.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.Account;

public static class AdmindukClaimTypes
{
    /// <summary>Present while the account must change its password; every policy but <see cref="Policies.AccountOwner"/> refuses it.</summary>
    public const string MustChangePassword = "adminduk:must-change-password";

    public const string FullName = "adminduk:full-name";
}

/// <summary>Adds the account's full name and the pending password change to the sign-in cookie.</summary>
public sealed class AdmindukClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<AppRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.FullName.Length > 0)
        {
            identity.AddClaim(new Claim(AdmindukClaimTypes.FullName, user.FullName));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AdmindukClaimTypes.MustChangePassword, "true"));
        }

        return identity;
    }
}
