using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Adminduk.Web.Features.Account;

public enum PasswordSignInOutcome
{
    SignedIn = 1,
    MustChangePassword = 2,
    Failed = 3,
    LockedOut = 4,
}

public sealed record PasswordSignInResult(PasswordSignInOutcome Outcome, string Landing);

/// <summary>
/// Password sign-in shared by the staff and RT-head pages: checks the password with lockout, accepts only accounts
/// holding one of the page's roles, issues the cookie and audits every attempt.
/// </summary>
public sealed class PasswordSignIn(UserManager<AppUser> users, SignInManager<AppUser> signInManager, AuditLog audit)
{
    private static string? unknownUserHash;

    public async Task<PasswordSignInResult> SignInAsync(string userName, string password, IReadOnlyCollection<string> allowedRoles, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            // Hash anyway, so an unknown name answers as slowly as a wrong password and names cannot be probed by timing.
            var placeholder = new AppUser();
            unknownUserHash ??= users.PasswordHasher.HashPassword(placeholder, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(placeholder, unknownUserHash, password);
            await audit.WriteAsync(AccountAuditActions.SignInFailed, "user", null, "unknown user", new AuditActor(null, userName), cancellationToken);
            return new(PasswordSignInOutcome.Failed, "/");
        }

        var actor = new AuditActor(user.Id, user.UserName ?? userName);
        var subjectId = user.Id.ToString();
        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await audit.WriteAsync(AccountAuditActions.LockedOut, "user", subjectId, null, actor, cancellationToken);
            return new(PasswordSignInOutcome.LockedOut, "/");
        }

        if (!check.Succeeded)
        {
            await audit.WriteAsync(AccountAuditActions.SignInFailed, "user", subjectId, "wrong password", actor, cancellationToken);
            return new(PasswordSignInOutcome.Failed, "/");
        }

        var roles = await users.GetRolesAsync(user);
        if (!roles.Any(allowedRoles.Contains))
        {
            // A right password on the wrong page: same answer as a wrong one, so pages do not reveal roles.
            await audit.WriteAsync(AccountAuditActions.SignInFailed, "user", subjectId, "role not allowed on this page", actor, cancellationToken);
            return new(PasswordSignInOutcome.Failed, "/");
        }

        await signInManager.SignInAsync(user, isPersistent: false);
        await audit.WriteAsync(AccountAuditActions.SignedIn, "user", subjectId, null, actor, cancellationToken);
        return user.MustChangePassword
            ? new(PasswordSignInOutcome.MustChangePassword, AccountPaths.ChangePassword)
            : new(PasswordSignInOutcome.SignedIn, AccountPaths.HomeFor(roles));
    }
}
