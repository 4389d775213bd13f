using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.CitizenAccount;

public enum CitizenSignInOutcome
{
    SignedIn = 1,
    CodeRefused = 2,

    /// <summary>The number belongs to an RT-head or staff account: those sign in with their password.</summary>
    PasswordAccount = 3,

    /// <summary>The account is locked (by an administrator or Identity lockout).</summary>
    LockedOut = 4,
}

public sealed record CitizenSignInResult(CitizenSignInOutcome Outcome, CodeCheckResult Check, AppUser? User = null);

/// <summary>
/// Sign-in with a phone number and a one-time code: the first successful sign-in creates the citizen account
/// (user name = the E.164 number, confirmed). Issues the cookie with the real SignInManager and audits every attempt.
/// </summary>
public sealed class CitizenSignIn(
    AdmindukDbContext db,
    OneTimeCodes codes,
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    AuditLog audit,
    TimeProvider time)
{
    public const string Purpose = "sign-in";
    public const string Template = "otp";

    /// <param name="phone">E.164, from <see cref="Domain.Numbers.PhoneNumber.Parse"/>.</param>
    public Task<CodeSendResult> SendCodeAsync(string phone, string? clientIp, CancellationToken cancellationToken) =>
        codes.SendAsync(phone, Purpose, Template, clientIp, cancellationToken);

    public async Task<CitizenSignInResult> SignInAsync(string phone, string code, CancellationToken cancellationToken)
    {
        var check = await codes.CheckAsync(phone, Purpose, code, cancellationToken);
        if (!check.Valid)
        {
            var details = "one-time code: " + (check.Compared ? "wrong" : check.Outcome.ToString().ToLowerInvariant());
            // Every compared code is audited; refusals without a comparison (blocked, expired, none) once a minute per
            // number, so a guessing run shows in the log without flooding it.
            if (check.Compared || !await AuditedRecentlyAsync(phone, details, cancellationToken))
            {
                var existing = await users.FindByNameAsync(phone);
                await audit.WriteAsync(AccountAuditActions.SignInFailed, "user", existing?.Id.ToString(), details, new AuditActor(existing?.Id, phone), cancellationToken);
            }

            return new CitizenSignInResult(CitizenSignInOutcome.CodeRefused, check);
        }

        var user = await users.FindByNameAsync(phone) ?? await CreateAsync(phone, cancellationToken);
        var actor = new AuditActor(user.Id, phone);
        var roles = await users.GetRolesAsync(user);
        if (roles.Any(r => r != Roles.Citizen))
        {
            // A code proves the phone, not the password: privileged accounts keep their password sign-in.
            await audit.WriteAsync(AccountAuditActions.SignInFailed, "user", user.Id.ToString(), "one-time code for a password account", actor, cancellationToken);
            return new CitizenSignInResult(CitizenSignInOutcome.PasswordAccount, check, user);
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.WriteAsync(AccountAuditActions.LockedOut, "user", user.Id.ToString(), "one-time code", actor, cancellationToken);
            return new CitizenSignInResult(CitizenSignInOutcome.LockedOut, check, user);
        }

        if (roles.Count == 0)
        {
            Check(await users.AddToRoleAsync(user, Roles.Citizen));
        }

        if (!user.PhoneNumberConfirmed || user.PhoneNumber != phone)
        {
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = true;
            Check(await users.UpdateAsync(user));
        }

        await signInManager.SignInAsync(user, isPersistent: false);
        await audit.WriteAsync(AccountAuditActions.SignedIn, "user", user.Id.ToString(), "one-time code", actor, cancellationToken);
        return new CitizenSignInResult(CitizenSignInOutcome.SignedIn, check, user);
    }

    private Task<bool> AuditedRecentlyAsync(string phone, string details, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - TimeSpan.FromMinutes(1);
        return db.AuditEntries.AnyAsync(
            a => a.At > since && a.Action == AccountAuditActions.SignInFailed && a.ActorName == phone && a.Details == details,
            cancellationToken);
    }

    private async Task<AppUser> CreateAsync(string phone, CancellationToken cancellationToken)
    {
        var user = new AppUser
        {
            UserName = phone,
            PhoneNumber = phone,
            PhoneNumberConfirmed = true,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            // Only one entry of a code can win, so a clash means the account appeared meanwhile: use it.
            return await users.FindByNameAsync(phone)
                ?? throw new InvalidOperationException($"Could not create a citizen account: {string.Join("; ", created.Errors.Select(e => e.Code))}");
        }

        Check(await users.AddToRoleAsync(user, Roles.Citizen));
        await audit.WriteAsync(CitizenAuditActions.AccountCreated, "user", user.Id.ToString(), null, new AuditActor(user.Id, phone), cancellationToken);
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Account update failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
