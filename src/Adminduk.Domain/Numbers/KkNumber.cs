using System.Globalization;
using Adminduk.Domain.Regions;

namespace Adminduk.Domain.Numbers;

/// <summary>The parts of a KK (family card) number that could be read, and what is wrong with it.</summary>
public sealed class KkNumberParseResult : NumberCheckResult
{
    internal KkNumberParseResult(string input, List<NumberIssue> errors, List<NumberIssue> warnings)
        : base(input, errors, warnings)
    {
    }

    public string? Digits { get; internal init; }

    public RegionPrefix? Region { get; internal init; }

    public string? ProvinceName => Region?.Province.Name;

    public string? RegencyName => Region?.Regency?.Name;

    public string? DistrictName => Region?.District?.Name;

    public DateOnly? IssuedOn { get; internal init; }

    public int? Serial { get; internal init; }
}

/// <summary>
/// Nomor Kartu Keluarga: 6-digit district code, issue date DDMMYY (no +40), 4-digit serial from 0001.
/// The year is read as 20YY: 16-digit KK numbers come from the SIAK system of the 2000s, so an issue date after
/// <c>today</c> is an error rather than a hint at the 1900s. Input rules as for <see cref="Nik"/>.
/// </summary>
public static class KkNumber
{
    public static KkNumberParseResult Parse(string? input, DateOnly today) => Parse(input, today, HistoricalRegionResolver.Default);

    public static KkNumberParseResult Parse(string? input, DateOnly today, HistoricalRegionResolver resolver)
    {
        var trimmed = input?.Trim() ?? "";
        var errors = new List<NumberIssue>();
        var warnings = new List<NumberIssue>();
        var digits = IdentityNumberRules.Digits("kk", trimmed, errors);
        if (digits is null)
        {
            return new KkNumberParseResult(trimmed, errors, warnings);
        }

        var region = IdentityNumberRules.Region("kk", digits, resolver, errors, warnings);
        var issuedOn = IssueDate(digits, today, errors);
        var serial = IdentityNumberRules.Serial("kk", digits, errors);
        return new KkNumberParseResult(trimmed, errors, warnings)
        {
            Digits = digits,
            Region = region,
            IssuedOn = issuedOn,
            Serial = serial,
        };
    }

    private static DateOnly? IssueDate(string digits, DateOnly today, List<NumberIssue> errors)
    {
        var day = IdentityNumberRules.TwoDigits(digits, 6);
        var month = IdentityNumberRules.TwoDigits(digits, 8);
        var year = 2000 + IdentityNumberRules.TwoDigits(digits, 10);
        var date = day >= 1 && month is >= 1 and <= 12 ? Nik.Real(year, month, day) : null;
        if (date is null)
        {
            errors.Add(new NumberIssue(NumberIssueCodes.KkIssueDateInvalid, $"{digits[6..8]}-{digits[8..10]}-{digits[10..12]}"));
            return null;
        }

        if (date > today)
        {
            errors.Add(new NumberIssue(NumberIssueCodes.KkIssueDateFuture, date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            return null;
        }

        return date;
    }
}
