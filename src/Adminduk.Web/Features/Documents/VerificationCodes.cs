using System.Buffers.Text;
using System.Security.Cryptography;

namespace Adminduk.Web.Features.Documents;

/// <summary>Verification codes: 160 random bits, base64url (27 characters), so they cannot be guessed or enumerated.</summary>
public static class VerificationCodes
{
    public const int Bytes = 20;

    public static readonly int Length = Base64Url.GetEncodedLength(Bytes);

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>Whether a string can be a code at all (checked before touching the database).</summary>
    public static bool IsWellFormed(string? code) =>
        code is not null && code.Length == Length && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
