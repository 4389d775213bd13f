using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>Settings of one-time codes (section OneTimeCodes). Limits are counted in the database, so they hold across app instances.</summary>
public sealed class OneTimeCodeOptions
{
    public const string Section = "OneTimeCodes";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong entries a code survives; after that even the right code is refused.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Codes one phone number may receive per <see cref="NumberWindow"/> (SMS bombing, and with
    /// <see cref="MaxAttempts"/> the bound on guesses per number).</summary>
    public int SendsPerNumber { get; set; } = 3;

    public TimeSpan NumberWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Codes one phone number may receive per 24 hours: at most this times <see cref="MaxAttempts"/> guesses a day.</summary>
    public int SendsPerNumberPerDay { get; set; } = 10;

    /// <summary>Codes one client address may request per <see cref="ClientWindow"/>. Generous: mobile carriers put many
    /// people behind one address (CGNAT).</summary>
    public int SendsPerClient { get; set; } = 20;

    public TimeSpan ClientWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Secret key for the code hashes, the same on every instance. Without it a random key is made at start-up:
    /// fine for one instance, but codes in flight die with a restart.
    /// </summary>
    public string? HashKey { get; set; }
}

public enum CodeSendOutcome
{
    Sent = 1,

    /// <summary>This phone number has had its share of codes for now.</summary>
    NumberLimited = 2,

    /// <summary>This client address has asked for too many codes for now.</summary>
    ClientLimited = 3,
}

public sealed record CodeSendResult(CodeSendOutcome Outcome, DateTimeOffset? ExpiresAt = null, TimeSpan RetryAfter = default)
{
    public bool Sent => Outcome == CodeSendOutcome.Sent;

    /// <summary>Whole minutes to wait, at least one, for messages.</summary>
    public int RetryAfterMinutes => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));
}

public enum CodeCheckOutcome
{
    Valid = 1,
    Wrong = 2,
    Expired = 3,

    /// <summary>Too many wrong entries: the code is dead, a new one must be requested.</summary>
    Blocked = 4,

    /// <summary>No code was sent, or it was already used.</summary>
    Missing = 5,
}

/// <param name="Code">The code row checked, when there was one.</param>
/// <param name="AttemptsLeft">Entries the code still accepts after a wrong one.</param>
/// <param name="Compared">The entry took an attempt and was compared with the code (wrong, or the last wrong one).</param>
public sealed record CodeCheckResult(CodeCheckOutcome Outcome, OneTimeCode? Code = null, int AttemptsLeft = 0, bool Compared = false)
{
    public bool Valid => Outcome == CodeCheckOutcome.Valid;
}

/// <summary>
/// Keyed hashes of one-time codes (HMAC-SHA256 with a per-code salt): a copy of the table alone does not give the
/// codes away, although a six-digit space is small.
/// </summary>
public sealed partial class OneTimeCodeHasher
{
    private const string Version = "v1";
    private readonly byte[] key;

    public OneTimeCodeHasher(IOptions<OneTimeCodeOptions> options, ILogger<OneTimeCodeHasher> logger)
    {
        if (options.Value.HashKey is { Length: > 0 } configured)
        {
            key = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        }
        else
        {
            key = RandomNumberGenerator.GetBytes(32);
            LogEphemeralKey(logger);
        }
    }

    public string Hash(string phone, string purpose, string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return string.Join('$', Version, Convert.ToBase64String(salt), Convert.ToBase64String(Mac(salt, phone, purpose, code)));
    }

    public bool Matches(string stored, string phone, string purpose, string code)
    {
        var parts = stored.Split('$');
        if (parts.Length != 3 || parts[0] != Version)
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[2]);
        return CryptographicOperations.FixedTimeEquals(expected, Mac(Convert.FromBase64String(parts[1]), phone, purpose, code));
    }

    private byte[] Mac(byte[] salt, string phone, string purpose, string code) =>
        HMACSHA256.HashData(key, (byte[])[.. salt, .. Encoding.UTF8.GetBytes($"{phone}\n{purpose}\n{code}")]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OneTimeCodes:HashKey is not set: one-time codes use a random key that lasts until this instance stops. Set the same key on every instance.")]
    private static partial void LogEphemeralKey(ILogger logger);
}

/// <summary>
/// Issues and checks six-digit one-time codes sent to a phone through the outbox. Only a keyed hash is stored; a
/// code expires, is used once, and survives <see cref="OneTimeCodeOptions.MaxAttempts"/> wrong entries. Only the
/// newest code of a phone and purpose counts, so guesses cannot be spread over several live codes.
/// </summary>
public sealed class OneTimeCodes(
    AdmindukDbContext db,
    Outbox outbox,
    OneTimeCodeHasher hasher,
    TimeProvider time,
    IOptions<OneTimeCodeOptions> options)
{
    public const int Length = 6;

    private OneTimeCodeOptions Settings => options.Value;

    /// <summary>True for exactly six ASCII digits: anything else is refused before it costs an attempt.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: Length } && code.All(char.IsAsciiDigit);

    /// <summary>
    /// Checks the send limits, then writes the code's hash and its message (template with {code} and {minutes}, plus
    /// <paramref name="extraParameters"/>) in one SaveChanges, so a code exists exactly when its message does.
    /// </summary>
    public async Task<CodeSendResult> SendAsync(
        string phone,
        string purpose,
        string template,
        string? clientIp,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? extraParameters = null)
    {
        var now = time.GetUtcNow();
        if (await NumberLimitAsync(phone, now, cancellationToken) is { } numberLimited)
        {
            return numberLimited;
        }

        if (clientIp is not null && await ClientLimitAsync(clientIp, now, cancellationToken) is { } clientLimited)
        {
            return clientLimited;
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var expiresAt = now + Settings.Lifetime;
        db.OneTimeCodes.Add(new OneTimeCode
        {
            Phone = phone,
            Purpose = purpose,
            CodeHash = hasher.Hash(phone, purpose, code),
            CreatedAt = now,
            ExpiresAt = expiresAt,
            ClientIp = clientIp is { Length: > 64 } ? clientIp[..64] : clientIp,
        });
        var parameters = new Dictionary<string, string>(extraParameters ?? new Dictionary<string, string>())
        {
            ["code"] = code,
            ["minutes"] = ((int)Math.Ceiling(Settings.Lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture),
        };
        outbox.Add(phone, template, parameters, culture: CultureInfo.CurrentUICulture);
        await db.SaveChangesAsync(cancellationToken);
        return new CodeSendResult(CodeSendOutcome.Sent, expiresAt);
    }

    public Task<CodeCheckResult> CheckAsync(string phone, string purpose, string code, CancellationToken cancellationToken) =>
        CheckNewestAsync(db.OneTimeCodes.Where(c => c.Phone == phone && c.Purpose == purpose), code, cancellationToken);

    /// <summary>
    /// Checks <paramref name="code"/> against the newest code in <paramref name="scope"/>. Each entry first takes one
    /// attempt with a conditional UPDATE, so parallel guesses cannot exceed the limit; a right code is then marked used
    /// with another conditional UPDATE, so only one of two simultaneous entries wins.
    /// </summary>
    public async Task<CodeCheckResult> CheckNewestAsync(IQueryable<OneTimeCode> scope, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var max = Settings.MaxAttempts;
        var newest = await scope.AsNoTracking().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (newest is null || newest.ConsumedAt is not null)
        {
            return new CodeCheckResult(CodeCheckOutcome.Missing, newest);
        }

        if (newest.ExpiresAt <= now)
        {
            return new CodeCheckResult(CodeCheckOutcome.Expired, newest);
        }

        var taken = await db.OneTimeCodes
            .Where(c => c.Id == newest.Id && c.ConsumedAt == null && c.FailedAttempts < max)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), cancellationToken);
        if (taken == 0)
        {
            return new CodeCheckResult(CodeCheckOutcome.Blocked, newest);
        }

        if (!IsWellFormed(code) || !hasher.Matches(newest.CodeHash, newest.Phone, newest.Purpose, code))
        {
            var left = Math.Max(0, max - (newest.FailedAttempts + 1));
            return new CodeCheckResult(left == 0 ? CodeCheckOutcome.Blocked : CodeCheckOutcome.Wrong, newest, left, Compared: true);
        }

        var consumed = await db.OneTimeCodes
            .Where(c => c.Id == newest.Id && c.ConsumedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.ConsumedAt, now).SetProperty(c => c.FailedAttempts, c => c.FailedAttempts - 1),
                cancellationToken);
        return consumed == 1
            ? new CodeCheckResult(CodeCheckOutcome.Valid, newest)
            : new CodeCheckResult(CodeCheckOutcome.Missing, newest);
    }

    /// <summary>The newest code in <paramref name="scope"/> when it can still be entered.</summary>
    public async Task<OneTimeCode?> PendingAsync(IQueryable<OneTimeCode> scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = now - Settings.Lifetime;
        var newest = await scope.AsNoTracking()
            .Where(c => c.CreatedAt >= since)
            .OrderByDescending(c => c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return newest is { ConsumedAt: null } && newest.ExpiresAt > now && newest.FailedAttempts < Settings.MaxAttempts ? newest : null;
    }

    private async Task<CodeSendResult?> NumberLimitAsync(string phone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dayAgo = now - TimeSpan.FromDays(1);
        var sent = await db.OneTimeCodes.Where(c => c.Phone == phone && c.CreatedAt > dayAgo)
            .Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        return Limit(sent, now, Settings.NumberWindow, Settings.SendsPerNumber, CodeSendOutcome.NumberLimited)
            ?? Limit(sent, now, TimeSpan.FromDays(1), Settings.SendsPerNumberPerDay, CodeSendOutcome.NumberLimited);
    }

    private async Task<CodeSendResult?> ClientLimitAsync(string clientIp, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - Settings.ClientWindow;
        var sent = await db.OneTimeCodes.Where(c => c.CreatedAt > since && c.ClientIp == clientIp)
            .Select(c => c.CreatedAt).ToListAsync(cancellationToken);
        return Limit(sent, now, Settings.ClientWindow, Settings.SendsPerClient, CodeSendOutcome.ClientLimited);
    }

    /// <summary>A refusal when <paramref name="limit"/> sends fall inside the sliding window; it lifts when the oldest leaves it.</summary>
    private static CodeSendResult? Limit(List<DateTimeOffset> sent, DateTimeOffset now, TimeSpan window, int limit, CodeSendOutcome outcome)
    {
        var inWindow = sent.Where(t => t > now - window).Order().ToList();
        if (inWindow.Count < limit)
        {
            return null;
        }

        var freesAt = inWindow[inWindow.Count - limit] + window;
        return new CodeSendResult(outcome, RetryAfter: freesAt - now);
    }
}
