using System.Globalization;
using System.Security.Cryptography;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.BackOffice.RtHeads;

/// <summary>One RT head as a supervisor types or imports it.</summary>
public sealed record RtHeadRow(int Line, string RtCode, string Name, string Phone);

public enum RtHeadOutcome
{
    Created = 1,
    Replaced = 2,
    Unchanged = 3,
    Error = 4,
}

/// <summary>
/// What happened to one row. <see cref="Error"/> is a key of RtHeadPages.resx; <see cref="TemporaryPassword"/> is
/// shown once to the supervisor and stored only as a hash.
/// </summary>
public sealed record RtHeadResult(int Line, string RtCode, string Name, string? Phone, RtHeadOutcome Outcome, string? Error = null, string? TemporaryPassword = null);

/// <summary>An RT of the office with its current head (if any).</summary>
public sealed record RtHeadListing(int RtUnitId, string RtCode, int Rw, int Rt, Guid? UserId, string? Name, string? Phone, bool MustChangePassword, bool LockedOut);

/// <summary>
/// RT-head accounts of an office: create, import, replace and reset. An RT head signs in with the phone number
/// (E.164, the user name) and a temporary password that must be changed at the first sign-in. Replacing a head ends
/// the old account's access at once: its role and RT go, its security stamp changes (so its cookies stop working,
/// see <see cref="RtHeadsSetup"/>) and, if nothing else is left on it, it is locked.
/// </summary>
public sealed class RtHeadAccounts(AdmindukDbContext db, AuditLog audit, TimeProvider time, ILookupNormalizer normalizer)
{
    public const int MaxNameLength = 200;

    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>
    /// Temporary passwords are 12 random characters (60 bits), not chosen by people, so a lighter work factor is
    /// enough; a full-city import then takes seconds. Identity rehashes with the standard factor at the first sign-in,
    /// and the account must change the password anyway.
    /// </summary>
    private static readonly PasswordHasher<AppUser> TemporaryHasher = new(Options.Create(new PasswordHasherOptions { IterationCount = 10_000 }));

    private static readonly string[] StaffRoles = [Roles.Operator, Roles.Supervisor, Roles.Administrator];

    /// <summary>Every RT of the office (RW, RT order) with its head, optionally of one kelurahan.</summary>
    public async Task<IReadOnlyList<RtHeadListing>> ListAsync(Office office, string? villageCode, CancellationToken ct)
    {
        var prefix = office.RegencyCode + ".";
        var units = await db.RtUnits.AsNoTracking()
            .Where(u => u.VillageCode.StartsWith(prefix) && (villageCode == null || u.VillageCode == villageCode))
            .OrderBy(u => u.VillageCode).ThenBy(u => u.Rw).ThenBy(u => u.Rt)
            .ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var heads = await HeadsQuery(ids).ToListAsync(ct);
        var now = time.GetUtcNow();
        return [.. units.Select(u =>
        {
            var head = heads.FirstOrDefault(h => h.RtUnitId == u.Id);
            return new RtHeadListing(u.Id, RtCode.Format(u.VillageCode, u.Rw, u.Rt), u.Rw, u.Rt, head?.Id, head?.FullName, head?.UserName,
                head?.MustChangePassword ?? false, head?.LockoutEnd > now);
        })];
    }

    /// <summary>
    /// Creates (or, when <paramref name="replace"/>, replaces) the head of each row's RT, in one transaction. Rows with
    /// errors change nothing and are reported; the others are applied.
    /// </summary>
    public async Task<IReadOnlyList<RtHeadResult>> ApplyAsync(Office office, IReadOnlyList<RtHeadRow> rows, bool replace, AuditActor actor, CancellationToken ct)
    {
        var results = new RtHeadResult?[rows.Count];
        var parsed = new (RtCode Code, string Name, string Phone)?[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var name = row.Name.Trim();
            var code = RtCode.Parse(row.RtCode);
            var phone = PhoneNumber.Parse(row.Phone) is { Valid: true, IsIndonesian: true } p ? p.E164 : null;
            var error = code is null ? "Error.RtCodeInvalid"
                : name.Length == 0 ? "Error.NameRequired"
                : name.Length > MaxNameLength ? "Error.NameTooLong"
                : phone is null ? "Error.PhoneInvalid"
                : !code.Value.VillageCode.StartsWith(office.RegencyCode + ".", StringComparison.Ordinal) ? "Error.RtNotOfOffice"
                : null;
            if (error is not null)
            {
                results[i] = Failed(row, error, phone);
                continue;
            }

            parsed[i] = (code!.Value, name, phone!);
        }

        MarkDuplicates(rows, parsed, results, p => p.Code.ToString(), "Error.RtTwice");
        MarkDuplicates(rows, parsed, results, p => p.Phone, "Error.PhoneTwice");

        var prefix = office.RegencyCode + ".";
        var units = (await db.RtUnits.Where(u => u.VillageCode.StartsWith(prefix)).ToListAsync(ct))
            .ToDictionary(u => RtCode.Format(u.VillageCode, u.Rw, u.Rt), StringComparer.Ordinal);
        var wanted = parsed.OfType<(RtCode Code, string Name, string Phone)>().ToList();
        var unitIds = wanted.Select(p => units.TryGetValue(p.Code.ToString(), out var u) ? u.Id : 0).Where(id => id != 0).ToList();
        var currentHeads = await HeadsQuery(unitIds).ToListAsync(ct);
        var names = wanted.Select(p => normalizer.NormalizeName(p.Phone)).ToList();
        var byPhone = await db.Users.Where(u => names.Contains(u.NormalizedUserName!)).ToListAsync(ct);
        var involved = currentHeads.Concat(byPhone).Select(u => u.Id).Distinct().ToList();
        var roleNames = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where involved.Contains(ur.UserId)
            select new { ur.UserId, r.Name }).ToListAsync(ct);
        var rtHeadRole = await db.Roles.Where(r => r.Name == Roles.RtHead).Select(r => r.Id).SingleAsync(ct);
        bool Has(Guid user, IEnumerable<string> roles) => roleNames.Any(x => x.UserId == user && roles.Contains(x.Name!));

        var now = time.GetUtcNow();
        var passwords = new List<(AppUser User, int Index)>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (parsed[i] is not { } p || results[i] is not null)
            {
                continue;
            }

            var row = rows[i];
            if (!units.TryGetValue(p.Code.ToString(), out var unit))
            {
                results[i] = Failed(row, "Error.RtUnknown", p.Phone);
                continue;
            }

            var current = currentHeads.FirstOrDefault(u => u.RtUnitId == unit.Id);
            if (current is not null && current.NormalizedUserName == normalizer.NormalizeName(p.Phone))
            {
                current.FullName = p.Name;
                results[i] = new RtHeadResult(row.Line, p.Code.ToString(), p.Name, p.Phone, RtHeadOutcome.Unchanged);
                continue;
            }

            var holder = byPhone.FirstOrDefault(u => u.NormalizedUserName == normalizer.NormalizeName(p.Phone));
            var error = current is not null && !replace ? "Error.RtHasHead"
                : holder is not null && Has(holder.Id, StaffRoles) ? "Error.PhoneIsStaff"
                : holder is not null && holder.RtUnitId is not null && Has(holder.Id, [Roles.RtHead]) ? "Error.PhoneHeadsOtherRt"
                : null;
            if (error is not null)
            {
                results[i] = Failed(row, error, p.Phone);
                continue;
            }

            if (current is not null)
            {
                Revoke(current, Has(current.Id, [Roles.Citizen]), rtHeadRole);
                audit.Add("rt-head.revoke", "user", current.Id.ToString(), unit.Id.ToString(CultureInfo.InvariantCulture), actor);
            }

            var head = holder ?? NewUser(p.Phone, now);
            head.FullName = p.Name;
            head.RtUnitId = unit.Id;
            head.MustChangePassword = true;
            head.LockoutEnd = null;
            head.AccessFailedCount = 0;
            head.SecurityStamp = NewStamp();
            if (holder is null || !Has(holder.Id, [Roles.RtHead]))
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = head.Id, RoleId = rtHeadRole });
            }

            passwords.Add((head, i));
            results[i] = new RtHeadResult(row.Line, p.Code.ToString(), p.Name, p.Phone, current is null ? RtHeadOutcome.Created : RtHeadOutcome.Replaced);
            audit.Add(current is null ? "rt-head.create" : "rt-head.replace", "user", head.Id.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"RT {p.Code} ({unit.Id})"), actor);
        }

        // Hashing is the slow part: spread it over the cores.
        var hashes = new string[passwords.Count];
        var plain = passwords.Select(_ => NewTemporaryPassword()).ToArray();
        Parallel.For(0, passwords.Count, k => hashes[k] = TemporaryHasher.HashPassword(passwords[k].User, plain[k]));
        for (var k = 0; k < passwords.Count; k++)
        {
            passwords[k].User.PasswordHash = hashes[k];
            results[passwords[k].Index] = results[passwords[k].Index]! with { TemporaryPassword = plain[k] };
        }

        await db.SaveChangesAsync(ct);
        return [.. results.Select(r => r!)];
    }

    /// <summary>A new temporary password for the RT's head (also unlocks the account and signs it out everywhere).</summary>
    public async Task<(AppUser Head, string Password)?> ResetAsync(Office office, int rtUnitId, AuditActor actor, CancellationToken ct)
    {
        var prefix = office.RegencyCode + ".";
        if (!await db.RtUnits.AnyAsync(u => u.Id == rtUnitId && u.VillageCode.StartsWith(prefix), ct))
        {
            return null;
        }

        var headId = await HeadsQuery([rtUnitId]).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
        var head = headId is null ? null : await db.Users.FirstAsync(u => u.Id == headId, ct);
        if (head is null)
        {
            return null;
        }

        var password = NewTemporaryPassword();
        head.PasswordHash = TemporaryHasher.HashPassword(head, password);
        head.MustChangePassword = true;
        head.LockoutEnd = null;
        head.AccessFailedCount = 0;
        head.SecurityStamp = NewStamp();
        audit.Add("rt-head.reset", "user", head.Id.ToString(), rtUnitId.ToString(CultureInfo.InvariantCulture), actor);
        await db.SaveChangesAsync(ct);
        return (head, password);
    }

    /// <summary>Twelve characters without look-alikes (no l, o, 0, 1), at least one letter and one digit.</summary>
    public static string NewTemporaryPassword()
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(PasswordAlphabet, 12);
            if (chars.Any(char.IsAsciiDigit) && chars.Any(char.IsAsciiLetterLower) && chars.Distinct().Count() >= 4)
            {
                return new string(chars);
            }
        }
    }

    /// <summary>Accounts holding the RT-head role for these RTs.</summary>
    private IQueryable<AppUser> HeadsQuery(IReadOnlyCollection<int> rtUnitIds) =>
        from u in db.Users
        where u.RtUnitId != null && rtUnitIds.Contains(u.RtUnitId.Value)
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.RtHead))
        select u;

    private void Revoke(AppUser old, bool keepsCitizenAccess, Guid rtHeadRole)
    {
        db.UserRoles.Remove(new IdentityUserRole<Guid> { UserId = old.Id, RoleId = rtHeadRole });
        old.RtUnitId = null;
        old.MustChangePassword = false;
        old.SecurityStamp = NewStamp();
        if (!keepsCitizenAccess)
        {
            // Nothing else on the account: it can no longer sign in at all.
            old.LockoutEnabled = true;
            old.LockoutEnd = DateTimeOffset.MaxValue;
        }
    }

    private AppUser NewUser(string phone, DateTimeOffset now)
    {
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = phone,
            NormalizedUserName = normalizer.NormalizeName(phone),
            PhoneNumber = phone,
            LockoutEnabled = true,
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            CreatedAt = now,
        };
        db.Users.Add(user);
        return user;
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));

    private static RtHeadResult Failed(RtHeadRow row, string error, string? phone) =>
        new(row.Line, row.RtCode.Trim(), row.Name.Trim(), phone ?? row.Phone.Trim(), RtHeadOutcome.Error, error);

    private static void MarkDuplicates(
        IReadOnlyList<RtHeadRow> rows, (RtCode Code, string Name, string Phone)?[] parsed, RtHeadResult?[] results,
        Func<(RtCode Code, string Name, string Phone), string> key, string error)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (parsed[i] is { } p && results[i] is null && !seen.Add(key(p)))
            {
                results[i] = Failed(rows[i], error, p.Phone);
            }
        }
    }
}
