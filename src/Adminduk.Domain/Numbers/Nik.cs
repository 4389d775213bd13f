using System.Globalization;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;

namespace Adminduk.Domain.Numbers;

/// <summary>The parts of a NIK that could be read, and what is wrong with it.</summary>
public sealed class NikParseResult : NumberCheckResult
{
    internal NikParseResult(string input, List<NumberIssue> errors, List<NumberIssue> warnings)
        : base(input, errors, warnings)
    {
    }

    /// <summary>The 16 digits, or null when the input is not 16 digits.</summary>
    public string? Digits { get; internal init; }

    /// <summary>Every meaning of the province, regency and district codes; null when the input is not 16 digits.</summary>
    public RegionPrefix? Region { get; internal init; }

    /// <summary>Names are given only when the code has exactly one meaning (never a guess between several).</summary>
    public string? ProvinceName => Region?.Province.Name;

    public string? RegencyName => Region?.Regency?.Name;

    public string? DistrictName => Region?.District?.Name;

    public DateOnly? BirthDate { get; internal init; }

    public Sex? Sex { get; internal init; }

    public int? Serial { get; internal init; }
}

/// <summary>
/// Nomor Induk Kependudukan: 6-digit district code, birth date DDMMYY (women: day + 40), 4-digit serial from 0001.
/// Input: outer whitespace is trimmed; everything else must be digits (spaces, dots or dashes inside are reported, not
/// silently removed, so the citizen sees what was wrong).
/// </summary>
public static class Nik
{
    /// <param name="today">The date "now" for choosing the birth century (the latest one not in the future); no clock is read here.</param>
    public static NikParseResult Parse(string? input, DateOnly today) => Parse(input, today, HistoricalRegionResolver.Default);

    public static NikParseResult Parse(string? input, DateOnly today, HistoricalRegionResolver resolver)
    {
        var trimmed = input?.Trim() ?? "";
        var errors = new List<NumberIssue>();
        var warnings = new List<NumberIssue>();
        var digits = IdentityNumberRules.Digits("nik", trimmed, errors);
        if (digits is null)
        {
            return new NikParseResult(trimmed, errors, warnings);
        }

        var region = IdentityNumberRules.Region("nik", digits, resolver, errors, warnings);
        var (birthDate, sex) = BirthDate(digits, today, errors);
        var serial = IdentityNumberRules.Serial("nik", digits, errors);
        return new NikParseResult(trimmed, errors, warnings)
        {
            Digits = digits,
            Region = region,
            BirthDate = birthDate,
            Sex = sex,
            Serial = serial,
        };
    }

    /// <summary>Masks a NIK for display where the full number is not needed: region and serial stay, the birth date is hidden.</summary>
    /// <example>6471050903850012 -> 647105******0012</example>
    public static string Mask(string nik)
    {
        var digits = nik.Trim();
        return digits.Length == IdentityNumberRules.Length && digits.All(char.IsAsciiDigit)
            ? $"{digits[..6]}******{digits[12..]}"
            : new string('*', digits.Length);
    }

    private static (DateOnly? BirthDate, Sex? Sex) BirthDate(string digits, DateOnly today, List<NumberIssue> errors)
    {
        var dayField = IdentityNumberRules.TwoDigits(digits, 6);
        var month = IdentityNumberRules.TwoDigits(digits, 8);
        var yy = IdentityNumberRules.TwoDigits(digits, 10);

        Sex? sex = dayField switch
        {
            >= 1 and <= 31 => Population.Sex.Male,
            >= 41 and <= 71 => Population.Sex.Female,
            _ => null,
        };
        if (sex is null)
        {
            errors.Add(new NumberIssue(NumberIssueCodes.NikBirthDateDay, digits[6..8]));
        }

        if (month is < 1 or > 12)
        {
            errors.Add(new NumberIssue(NumberIssueCodes.NikBirthDateMonth, digits[8..10]));
        }

        if (sex is null || month is < 1 or > 12)
        {
            return (null, sex);
        }

        var day = sex == Population.Sex.Female ? dayField - 40 : dayField;
        var date = LatestNotAfter(today, day, month, yy);
        if (date is null)
        {
            errors.Add(new NumberIssue(
                NumberIssueCodes.NikBirthDateInvalid,
                string.Create(CultureInfo.InvariantCulture, $"{day:00}-{month:00}-{yy:00}")));
        }

        return (date, sex);
    }

    /// <summary>20YY when that date exists and is not after today, else 19YY when it exists.</summary>
    private static DateOnly? LatestNotAfter(DateOnly today, int day, int month, int yy)
    {
        if (Real(2000 + yy, month, day) is { } recent && recent <= today)
        {
            return recent;
        }

        return Real(1900 + yy, month, day);
    }

    internal static DateOnly? Real(int year, int month, int day) =>
        day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
