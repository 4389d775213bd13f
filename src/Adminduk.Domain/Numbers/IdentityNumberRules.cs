using System.Globalization;
using Adminduk.Domain.Regions;

namespace Adminduk.Domain.Numbers;

/// <summary>The rules NIK and KK numbers share: 16 digits, a region prefix, a 4-digit serial from 0001.</summary>
internal static class IdentityNumberRules
{
    public const int Length = 16;

    /// <summary>Returns the 16 digits, or null after adding the one error that stops further checks.</summary>
    public static string? Digits(string kind, string trimmed, List<NumberIssue> errors)
    {
        if (trimmed.Length == 0)
        {
            errors.Add(new NumberIssue($"{kind}.empty"));
            return null;
        }

        for (var i = 0; i < trimmed.Length; i++)
        {
            if (!char.IsAsciiDigit(trimmed[i]))
            {
                errors.Add(new NumberIssue($"{kind}.not_digits", Position(i), Show(trimmed[i])));
                return null;
            }
        }

        if (trimmed.Length != Length)
        {
            errors.Add(new NumberIssue($"{kind}.length", trimmed.Length.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return trimmed;
    }

    /// <summary>
    /// Resolves the first six digits. Unknown province: error. Unknown regency or district of a known province, a code
    /// with several meanings, or a retired code: warnings; a name is only given when the code has exactly one meaning.
    /// </summary>
    public static RegionPrefix Region(string kind, string digits, HistoricalRegionResolver resolver, List<NumberIssue> errors, List<NumberIssue> warnings)
    {
        var prefix = resolver.ResolvePrefix(digits[..6]);
        if (!prefix.Province.IsKnown)
        {
            errors.Add(new NumberIssue($"{kind}.province_unknown", digits[..2]));
            return prefix;
        }

        var levels = new[] { prefix.Province, prefix.Regency, prefix.District };
        foreach (var level in levels.OfType<RegionResolution>().Where(l => l.IsAmbiguous))
        {
            warnings.Add(new NumberIssue($"{kind}.region_ambiguous", level.Code, Candidates(level)));
        }

        if (prefix.Regency is { IsKnown: false } regency)
        {
            warnings.Add(new NumberIssue($"{kind}.regency_unknown", regency.Code, prefix.Province.Name ?? prefix.Province.Code));
        }
        else if (prefix.District is { IsKnown: false } district)
        {
            warnings.Add(new NumberIssue($"{kind}.district_unknown", district.Code, prefix.Regency!.Name ?? prefix.Regency.Code));
        }

        // One notice for the highest level whose only meaning is a retired code (a moved regency implies its districts).
        if (levels.OfType<RegionResolution>().Select(l => l.Meaning).FirstOrDefault(m => m is { IsCurrent: false }) is { } retired)
        {
            var successor = retired.Current;
            var successorProvince = resolver.Resolve(successor.Code[..2]).Name;
            warnings.Add(new NumberIssue(
                $"{kind}.region_historical",
                retired.Code,
                retired.Name,
                retired.UntilYear!.Value.ToString(CultureInfo.InvariantCulture),
                successor.Code,
                successorProvince is null ? successor.Name : $"{successor.Name}, {successorProvince}"));
        }

        return prefix;
    }

    /// <summary>The last four digits; 0000 is an error.</summary>
    public static int? Serial(string kind, string digits, List<NumberIssue> errors)
    {
        var serial = int.Parse(digits[12..16], NumberStyles.None, CultureInfo.InvariantCulture);
        if (serial == 0)
        {
            errors.Add(new NumberIssue($"{kind}.serial_zero"));
            return null;
        }

        return serial;
    }

    public static int TwoDigits(string digits, int start) =>
        ((digits[start] - '0') * 10) + (digits[start + 1] - '0');

    public static string Position(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Visible form of an offending character: itself, or U+XXXX for whitespace and control characters.</summary>
    public static string Show(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : c.ToString();

    private static string Candidates(RegionResolution resolution) =>
        string.Join("; ", resolution.Meanings.Select(m => m.Period.Length == 0 ? m.Name : $"{m.Name} ({m.Period})"));
}
