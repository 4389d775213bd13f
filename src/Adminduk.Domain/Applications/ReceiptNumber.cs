using System.Globalization;
using System.Security.Cryptography;

namespace Adminduk.Domain.Applications;

/// <summary>
/// Receipt numbers such as BPN-20261123-7KQ4M2XA: office code, local submission date and 8 random characters
/// of Crockford's base 32 (40 bits), so they cannot be guessed or enumerated. Lookups also need the birth date.
/// </summary>
public static class ReceiptNumber
{
    // Crockford base 32: no I, L, O, U, so people cannot confuse 1/I/L or 0/O.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int RandomLength = 8;

    public static string Generate(string officeCode, DateOnly localDate)
    {
        if (!IsOfficeCode(officeCode))
        {
            throw new ArgumentException("An office code is 2-8 capital letters or digits, starting with a letter.", nameof(officeCode));
        }

        var random = RandomNumberGenerator.GetString(Alphabet, RandomLength);
        return string.Create(CultureInfo.InvariantCulture, $"{officeCode}-{localDate:yyyyMMdd}-{random}");
    }

    /// <summary>
    /// Normalises what a person typed (case, spaces, dashes, O/I/L confusions) and checks the shape.
    /// Returns null when it cannot be a receipt number.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
        {
            return null;
        }

        var compact = new string([.. input.Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToUpperInvariant();
        // office code, 8 date digits, 8 random characters
        var officeLength = compact.Length - 16;
        if (officeLength is < 2 or > 8)
        {
            return null;
        }

        var office = compact[..officeLength];
        var date = compact.Substring(officeLength, 8);
        var random = compact[(officeLength + 8)..]
            .Replace('O', '0').Replace('I', '1').Replace('L', '1');
        if (!IsOfficeCode(office) || !date.All(char.IsAsciiDigit) || !random.All(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return null;
        }

        return $"{office}-{date}-{random}";
    }

    private static bool IsOfficeCode(string code) =>
        code.Length is >= 2 and <= 8 && char.IsAsciiLetterUpper(code[0]) && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
