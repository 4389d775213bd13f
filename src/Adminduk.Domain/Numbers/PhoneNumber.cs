using System.Globalization;

namespace Adminduk.Domain.Numbers;

/// <summary>A phone number normalised to E.164, or what is wrong with it.</summary>
public sealed class PhoneNumberParseResult : NumberCheckResult
{
    internal PhoneNumberParseResult(string input, List<NumberIssue> errors, List<NumberIssue> warnings, string? e164)
        : base(input, errors, warnings)
    {
        E164 = errors.Count == 0 ? e164 : null;
    }

    /// <summary>"+628123456789"; null when invalid.</summary>
    public string? E164 { get; }

    public bool IsIndonesian => E164?.StartsWith("+62", StringComparison.Ordinal) == true;
}

/// <summary>
/// Phone numbers for notifications (SMS / WhatsApp), normalised to E.164.
/// <list type="bullet">
/// <item>Separators allowed anywhere: spaces, dashes, dots, parentheses. Any other character is an error; + only first.</item>
/// <item>Indonesian numbers typed 08..., 628... or +628... (also 00628...) become +628.... Only mobile numbers are
/// accepted: landlines (021..., +6221...) cannot receive SMS/WhatsApp notices. Length follows the national numbering
/// plan for mobiles: after +62 come 9 to 12 digits starting 8 and a second digit other than 0 (freephone 0800) or 4
/// (unassigned), i.e. 10 to 13 digits when written 08....</item>
/// <item>"+62 0812..." (the national 0 kept after the country code) is accepted with a warning and the 0 dropped.</item>
/// <item>Other countries: + (or 00) and country code, 7 to 15 digits in all (E.164 allows at most 15); the country code
/// cannot start with 0. Numbers without 0, 62, + or 00 in front are refused: without a country code they are guesses.</item>
/// </list>
/// </summary>
public static class PhoneNumber
{
    public const int MinInternationalDigits = 7;
    public const int MaxInternationalDigits = 15;
    public const int MinIndonesianMobileDigits = 9; // after +62
    public const int MaxIndonesianMobileDigits = 12;

    public static PhoneNumberParseResult Parse(string? input)
    {
        var trimmed = input?.Trim() ?? "";
        var errors = new List<NumberIssue>();
        var warnings = new List<NumberIssue>();
        var digits = Digits(trimmed, errors, out var plus);
        if (digits is null)
        {
            return new PhoneNumberParseResult(trimmed, errors, warnings, null);
        }

        string international; // digits after the +, country code first
        if (plus)
        {
            international = digits;
        }
        else if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            international = digits[2..];
        }
        else if (digits.StartsWith('0'))
        {
            international = "62" + digits[1..];
        }
        else if (digits.StartsWith("62", StringComparison.Ordinal))
        {
            international = digits;
        }
        else
        {
            errors.Add(new NumberIssue(NumberIssueCodes.PhoneMissingPrefix));
            return new PhoneNumberParseResult(trimmed, errors, warnings, null);
        }

        if (international.Length == 0 || international[0] == '0')
        {
            errors.Add(new NumberIssue(NumberIssueCodes.PhoneCountryCodeZero));
            return new PhoneNumberParseResult(trimmed, errors, warnings, null);
        }

        if (international.StartsWith("62", StringComparison.Ordinal))
        {
            var national = international[2..];
            if (national.StartsWith('0'))
            {
                national = national[1..];
                warnings.Add(new NumberIssue(NumberIssueCodes.PhoneTrunkZeroRemoved));
            }

            Indonesian(national, errors);
            return new PhoneNumberParseResult(trimmed, errors, warnings, "+62" + national);
        }

        if (international.Length is < MinInternationalDigits or > MaxInternationalDigits)
        {
            errors.Add(new NumberIssue(NumberIssueCodes.PhoneInternationalLength, international.Length.ToString(CultureInfo.InvariantCulture)));
        }

        return new PhoneNumberParseResult(trimmed, errors, warnings, "+" + international);
    }

    /// <summary>The digits without separators; null after an error. <paramref name="plus"/> tells whether a leading + was typed.</summary>
    private static string? Digits(string trimmed, List<NumberIssue> errors, out bool plus)
    {
        plus = false;
        if (trimmed.Length == 0)
        {
            errors.Add(new NumberIssue(NumberIssueCodes.PhoneEmpty));
            return null;
        }

        var digits = new char[trimmed.Length];
        var count = 0;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
            else if (c == '+')
            {
                if (i != 0)
                {
                    errors.Add(new NumberIssue(NumberIssueCodes.PhonePlusPosition, IdentityNumberRules.Position(i)));
                    return null;
                }

                plus = true;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                errors.Add(new NumberIssue(NumberIssueCodes.PhoneInvalidCharacter, IdentityNumberRules.Position(i), IdentityNumberRules.Show(c)));
                return null;
            }
        }

        if (count == 0)
        {
            errors.Add(new NumberIssue(NumberIssueCodes.PhoneEmpty));
            return null;
        }

        return new string(digits, 0, count);
    }

    /// <param name="national">The digits after +62 (without a trunk 0).</param>
    private static void Indonesian(string national, List<NumberIssue> errors)
    {
        if (national.Length < 2 || national[0] != '8' || national[1] is '0' or '4')
        {
            errors.Add(new NumberIssue(NumberIssueCodes.PhoneIdNotMobile, "+62" + national));
        }
        else if (national.Length is < MinIndonesianMobileDigits or > MaxIndonesianMobileDigits)
        {
            // Counted as written with the national 0, the form citizens know.
            errors.Add(new NumberIssue(NumberIssueCodes.PhoneIdLength, (national.Length + 1).ToString(CultureInfo.InvariantCulture)));
        }
    }
}
