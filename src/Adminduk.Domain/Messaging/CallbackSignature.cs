using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Adminduk.Domain.Messaging;

public enum SignatureCheck
{
    Valid = 1,
    Missing = 2,
    Malformed = 3,
    Stale = 4,
    Mismatch = 5,
}

/// <summary>
/// HMAC-SHA256 over "{unix seconds}.{body}" for courier status callbacks. A callback is refused when the
/// signature is wrong or the timestamp is more than the tolerance away from now (replays of old callbacks).
/// </summary>
public static class CallbackSignature
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Lower-case hex HMAC-SHA256 of the timestamp and body.</summary>
    public static string Sign(byte[] secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, message));
    }

    public static SignatureCheck Verify(byte[] secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature.Length != 64)
        {
            return SignatureCheck.Malformed;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return SignatureCheck.Malformed;
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        if ((now - sentAt).Duration() > (tolerance ?? DefaultTolerance))
        {
            return SignatureCheck.Stale;
        }

        var expected = Convert.FromHexString(Sign(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }
}
