using System.Globalization;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Settings of identity linking (section IdentityLink).</summary>
public sealed class IdentityLinkOptions
{
    public const string Section = "IdentityLink";

    /// <summary>Register mismatches an account may make per <see cref="FailureWindow"/> before it must wait.</summary>
    public int MaxFailures { get; set; } = 5;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Field names shared by the pages (Input.X) and the JSON API (problem-details error keys).</summary>
public static class LinkFields
{
    public const string Nik = "nik";
    public const string KkNumber = "kkNumber";
    public const string BirthDate = "birthDate";
    public const string Phone = "phone";
    public const string Code = "code";
}

public enum LinkOutcome
{
    /// <summary>Linked and confirmed (the register phone is the signed-in phone, or its code was entered).</summary>
    Linked = 1,

    /// <summary>The register has another phone: a code went there.</summary>
    CodeSent = 2,

    /// <summary>The register has no phone: linked provisionally, an operator confirms with a selfie holding the KTP/KK.</summary>
    Provisional = 3,

    /// <summary>Input format errors, per field (safe to show).</summary>
    Invalid = 4,

    /// <summary>NIK, KK number and birth date do not all match a living resident: one message whatever the cause.</summary>
    NoMatch = 5,

    /// <summary>Too many mismatches, or the code could not be sent now.</summary>
    Limited = 6,

    /// <summary>The account already has a confirmed link.</summary>
    AlreadyLinked = 7,
}

public sealed record LinkResult(LinkOutcome Outcome, IReadOnlyDictionary<string, string[]> Errors, string? MaskedPhone = null)
{
    public static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    /// <summary>A message for the whole form (mismatch, limits), shown above the fields.</summary>
    public string? Message { get; init; }
}

/// <summary>What a signed-in citizen's account is linked to, for the account page and GET /api/auth/me.</summary>
public sealed record LinkStatus(string Phone, bool Linked, bool Provisional, string? FullName, string? MaskedNik, string? MaskedRegisterPhone);

/// <summary>
/// Links a citizen account with a register identity by NIK + KK number + birth date, and changes the phone on record.
/// Any mismatch gives one message (no hint which part was wrong, against enumeration); format errors per field are
/// safe and shown. Mismatches are counted per account in the audit log, so the limit holds on every instance.
/// </summary>
public sealed class IdentityLink(
    AdmindukDbContext db,
    OneTimeCodes codes,
    UserManager<AppUser> users,
    AuditLog audit,
    Outbox outbox,
    TimeProvider time,
    IOptions<IdentityLinkOptions> options,
    IOptions<OneTimeCodeOptions> codeOptions,
    IStringLocalizer<SharedResource> localizer)
{
    public const string LinkTemplate = "identity-link-code";
    public const string PhoneChangeTemplate = "phone-change-code";
    public const string PhoneChangedTemplate = "phone-changed";

    private static readonly string[] BirthDateFormats = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy"];

    public async Task<LinkStatus> StatusAsync(AppUser user, CancellationToken cancellationToken)
    {
        var resident = user.ResidentId is int id
            ? await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            : null;
        return new LinkStatus(
            user.PhoneNumber ?? user.UserName ?? "",
            resident is not null,
            resident is not null && user.IdentityProvisional,
            resident?.FullName,
            resident is null ? null : Domain.Numbers.Nik.Mask(resident.Nik),
            resident?.Phone is { Length: > 0 } phone ? ContactMask.Mask(phone) : null);
    }

    public async Task<LinkResult> LinkAsync(AppUser user, string? nik, string? kkNumber, string? birthDate, string? clientIp, CancellationToken cancellationToken)
    {
        if (user.ResidentId is not null && !user.IdentityProvisional)
        {
            return new LinkResult(LinkOutcome.AlreadyLinked, LinkResult.NoErrors) { Message = localizer["Link.AlreadyLinked"] };
        }

        var today = IndonesianToday(time.GetUtcNow());
        var culture = NumberMessages.CultureFor(CultureInfo.CurrentUICulture.Name);
        var errors = new Dictionary<string, string[]>();
        var nikResult = Domain.Numbers.Nik.Parse(nik, today);
        if (!nikResult.Valid)
        {
            errors[LinkFields.Nik] = [.. nikResult.Errors.Select(e => e.MessageIn(culture))];
        }

        var kkResult = KkNumber.Parse(kkNumber, today);
        if (!kkResult.Valid)
        {
            errors[LinkFields.KkNumber] = [.. kkResult.Errors.Select(e => e.MessageIn(culture))];
        }

        var birth = ParseBirthDate(birthDate, today, out var birthError);
        if (birthError is not null)
        {
            errors[LinkFields.BirthDate] = [birthError];
        }

        if (errors.Count > 0)
        {
            return new LinkResult(LinkOutcome.Invalid, errors);
        }

        if (await RecentFailuresAsync(user, cancellationToken) >= options.Value.MaxFailures)
        {
            return new LinkResult(LinkOutcome.Limited, LinkResult.NoErrors)
            {
                Message = localizer["Link.TooManyAttempts", (int)Math.Ceiling(options.Value.FailureWindow.TotalMinutes)],
            };
        }

        var digits = nikResult.Digits!;
        var resident = await db.Residents.Include(r => r.Household).FirstOrDefaultAsync(r => r.Nik == digits, cancellationToken);
        var mismatch = resident is null ? "nik not found"
            : resident.Status != ResidentStatus.Alive ? "not alive (" + resident.Status.ToString().ToLowerInvariant() + ")"
            : resident.Household?.KkNumber != kkResult.Digits ? "not a member of that kk"
            : resident.BirthDate != birth ? "birth date differs"
            : null;
        if (mismatch is not null)
        {
            await audit.WriteAsync(CitizenAuditActions.IdentityLinkFailed, "user", user.Id.ToString(), $"nik {Domain.Numbers.Nik.Mask(digits)}: {mismatch}", cancellationToken: cancellationToken);
            return new LinkResult(LinkOutcome.NoMatch, LinkResult.NoErrors) { Message = localizer["Link.NoMatch"] };
        }

        var registerPhone = resident!.Phone is { Length: > 0 } p ? p : null;
        if (registerPhone is null)
        {
            await SaveLinkAsync(user, resident, provisional: true, CitizenAuditActions.IdentityLinkedProvisionally, "register has no phone", cancellationToken);
            return new LinkResult(LinkOutcome.Provisional, LinkResult.NoErrors);
        }

        if (registerPhone == user.PhoneNumber)
        {
            await SaveLinkAsync(user, resident, provisional: false, CitizenAuditActions.IdentityLinked, "register phone is the signed-in phone", cancellationToken);
            return new LinkResult(LinkOutcome.Linked, LinkResult.NoErrors);
        }

        var sent = await codes.SendAsync(registerPhone, LinkPurpose(user, resident.Id), LinkTemplate, clientIp, cancellationToken,
            new Dictionary<string, string> { ["account"] = ContactMask.Mask(user.PhoneNumber ?? user.UserName ?? "") });
        if (!sent.Sent)
        {
            return new LinkResult(LinkOutcome.Limited, LinkResult.NoErrors) { Message = CodeMessages.SendRefused(localizer, sent) };
        }

        await audit.WriteAsync(CitizenAuditActions.IdentityLinkCodeSent, "resident", resident.Id.ToString(CultureInfo.InvariantCulture),
            "to " + ContactMask.Mask(registerPhone), cancellationToken: cancellationToken);
        return new LinkResult(LinkOutcome.CodeSent, LinkResult.NoErrors, ContactMask.Mask(registerPhone));
    }

    /// <summary>The masked register phone a link code is waiting on, or null.</summary>
    public async Task<string?> PendingLinkPhoneAsync(AppUser user, CancellationToken cancellationToken) =>
        await codes.PendingAsync(Scope(LinkPrefix(user)), cancellationToken) is { } pending ? ContactMask.Mask(pending.Phone) : null;

    public async Task<CodeCheckResult> ConfirmLinkAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        var check = await codes.CheckNewestAsync(Scope(LinkPrefix(user)), code, cancellationToken);
        if (!check.Valid)
        {
            await audit.WriteAsync(CitizenAuditActions.IdentityLinkFailed, "user", user.Id.ToString(),
                "link code: " + check.Outcome.ToString().ToLowerInvariant(), cancellationToken: cancellationToken);
            return check;
        }

        var residentId = ResidentIdOf(check.Code!.Purpose);
        var resident = await db.Residents.FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken);
        if (resident is null || resident.Status != ResidentStatus.Alive || resident.Phone != check.Code.Phone)
        {
            // The register changed while the code was under way: the code no longer proves anything.
            await audit.WriteAsync(CitizenAuditActions.IdentityLinkFailed, "user", user.Id.ToString(), "register changed before the code was entered", cancellationToken: cancellationToken);
            return new CodeCheckResult(CodeCheckOutcome.Missing, check.Code);
        }

        await SaveLinkAsync(user, resident, provisional: false, CitizenAuditActions.IdentityLinked, "code to the register phone", cancellationToken);
        return check;
    }

    /// <summary>Sends a code to the new phone; the register changes only when it comes back. Needs a confirmed link.</summary>
    public async Task<LinkResult> RequestPhoneChangeAsync(AppUser user, string? phone, string? clientIp, CancellationToken cancellationToken)
    {
        if (user.ResidentId is not int residentId || user.IdentityProvisional)
        {
            return new LinkResult(LinkOutcome.Invalid, LinkResult.NoErrors) { Message = localizer["Phone.NeedsConfirmedLink"] };
        }

        var parsed = PhoneNumber.Parse(phone);
        if (!parsed.Valid)
        {
            var culture = NumberMessages.CultureFor(CultureInfo.CurrentUICulture.Name);
            return new LinkResult(LinkOutcome.Invalid, new Dictionary<string, string[]>
            {
                [LinkFields.Phone] = [.. parsed.Errors.Select(e => e.MessageIn(culture))],
            });
        }

        var current = await db.Residents.Where(r => r.Id == residentId).Select(r => r.Phone).FirstOrDefaultAsync(cancellationToken);
        if (current == parsed.E164)
        {
            return new LinkResult(LinkOutcome.Invalid, new Dictionary<string, string[]> { [LinkFields.Phone] = [localizer["Phone.Same"]] });
        }

        var sent = await codes.SendAsync(parsed.E164!, PhoneChangePurpose(user, residentId), PhoneChangeTemplate, clientIp, cancellationToken);
        return sent.Sent
            ? new LinkResult(LinkOutcome.CodeSent, LinkResult.NoErrors, ContactMask.Mask(parsed.E164!))
            : new LinkResult(LinkOutcome.Limited, LinkResult.NoErrors) { Message = CodeMessages.SendRefused(localizer, sent) };
    }

    public async Task<string?> PendingPhoneChangeAsync(AppUser user, CancellationToken cancellationToken) =>
        await codes.PendingAsync(Scope(PhoneChangePrefix(user)), cancellationToken) is { } pending ? ContactMask.Mask(pending.Phone) : null;

    /// <summary>Records the new phone on the resident, audits it and tells the old phone.</summary>
    public async Task<CodeCheckResult> ConfirmPhoneChangeAsync(AppUser user, string code, CancellationToken cancellationToken)
    {
        var check = await codes.CheckNewestAsync(Scope(PhoneChangePrefix(user)), code, cancellationToken);
        if (!check.Valid)
        {
            return check;
        }

        var residentId = ResidentIdOf(check.Code!.Purpose);
        var resident = residentId == user.ResidentId && !user.IdentityProvisional
            ? await db.Residents.FirstOrDefaultAsync(r => r.Id == residentId, cancellationToken)
            : null;
        if (resident is null)
        {
            return new CodeCheckResult(CodeCheckOutcome.Missing, check.Code);
        }

        var old = resident.Phone;
        resident.Phone = check.Code.Phone;
        resident.UpdatedAt = time.GetUtcNow();
        audit.Add(CitizenAuditActions.PhoneChanged, "resident", resident.Id.ToString(CultureInfo.InvariantCulture),
            $"from {(old is null ? "none" : ContactMask.Mask(old))} to {ContactMask.Mask(resident.Phone)}, confirmed by code");
        if (old is { Length: > 0 })
        {
            outbox.Add(old, PhoneChangedTemplate, new Dictionary<string, string> { ["phone"] = ContactMask.Mask(resident.Phone) }, culture: CultureInfo.CurrentUICulture);
        }

        await db.SaveChangesAsync(cancellationToken);
        return check;
    }

    /// <summary>The latest calendar date anywhere in Indonesia (WIT, UTC+9): a birth date after it is in the future.</summary>
    internal static DateOnly IndonesianToday(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime);

    private DateOnly? ParseBirthDate(string? input, DateOnly today, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = localizer["Validation.Required", localizer["Field.BirthDate"]];
            return null;
        }

        if (!DateOnly.TryParseExact(input.Trim(), BirthDateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            error = localizer["Link.BirthDateFormat"];
            return null;
        }

        if (date > today)
        {
            error = localizer["Link.BirthDateFuture"];
            return null;
        }

        return date;
    }

    private async Task<int> RecentFailuresAsync(AppUser user, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - options.Value.FailureWindow;
        var subject = user.Id.ToString();
        return await db.AuditEntries.CountAsync(
            a => a.SubjectType == "user" && a.SubjectId == subject && a.Action == CitizenAuditActions.IdentityLinkFailed && a.At > since,
            cancellationToken);
    }

    private async Task SaveLinkAsync(AppUser user, Resident resident, bool provisional, string action, string details, CancellationToken cancellationToken)
    {
        user.ResidentId = resident.Id;
        user.IdentityProvisional = provisional;
        audit.Add(action, "resident", resident.Id.ToString(CultureInfo.InvariantCulture), $"account {user.Id}: {details}");
        // UpdateAsync saves the context, so the audit entry is written with the link.
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not link the account: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }

    /// <summary>Codes of the last day whose purpose starts with <paramref name="prefix"/> (the creation index keeps this small).</summary>
    private IQueryable<OneTimeCode> Scope(string prefix)
    {
        var since = time.GetUtcNow() - TimeSpan.FromDays(1) - codeOptions.Value.Lifetime;
        return db.OneTimeCodes.Where(c => c.CreatedAt > since && c.Purpose.StartsWith(prefix));
    }

    // The code row binds account, resident and phone together; nothing about a pending step is kept in the browser.
    private static string LinkPrefix(AppUser user) => $"link:{user.Id:N}:";

    private static string LinkPurpose(AppUser user, int residentId) => LinkPrefix(user) + residentId.ToString(CultureInfo.InvariantCulture);

    private static string PhoneChangePrefix(AppUser user) => $"phone:{user.Id:N}:";

    private static string PhoneChangePurpose(AppUser user, int residentId) => PhoneChangePrefix(user) + residentId.ToString(CultureInfo.InvariantCulture);

    private static int ResidentIdOf(string purpose) => int.Parse(purpose[(purpose.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
}
