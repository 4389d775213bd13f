using System.Globalization;
using Adminduk.Domain.Population;

namespace Adminduk.Domain.Numbers;

/// <summary>Builds NIK and KK numbers from their parts (the inverse of parsing them).</summary>
public static class NumberComposer
{
    /// <summary>
    /// NIK: 6-digit district code, birth date DDMMYY with 40 added to the day for women, 4-digit serial.
    /// </summary>
    public static string Nik(string districtDigits, DateOnly birthDate, Sex sex, int serial)
    {
        CheckDistrict(districtDigits);
        CheckSerial(serial);
        var day = birthDate.Day + (sex == Sex.Female ? 40 : 0);
        return string.Create(CultureInfo.InvariantCulture, $"{districtDigits}{day:00}{birthDate.Month:00}{birthDate.Year % 100:00}{serial:0000}");
    }

    /// <summary>KK number: 6-digit district code, issue date DDMMYY (no +40), 4-digit serial.</summary>
    public static string KkNumber(string districtDigits, DateOnly issuedOn, int serial)
    {
        CheckDistrict(districtDigits);
        CheckSerial(serial);
        return string.Create(CultureInfo.InvariantCulture, $"{districtDigits}{issuedOn.Day:00}{issuedOn.Month:00}{issuedOn.Year % 100:00}{serial:0000}");
    }

    private static void CheckDistrict(string districtDigits)
    {
        if (districtDigits.Length != 6 || !districtDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A district code has exactly 6 digits.", nameof(districtDigits));
        }
    }

    private static void CheckSerial(int serial) =>
        ArgumentOutOfRangeException.ThrowIfNotEqual(serial is >= 1 and <= 9999, true, nameof(serial));
}
