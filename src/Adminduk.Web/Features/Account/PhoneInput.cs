namespace Adminduk.Web.Features.Account;

/// <summary>
/// Normalises an Indonesian mobile number as people type it (08xx, 628xx, +628xx, with spaces or dashes)
/// to E.164 (+628...), the form RT-head user names are stored in.
/// </summary>
internal static class PhoneInput
{
    public static string? ToE164(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var compact = new string([.. input.Where(c => c is not (' ' or '-' or '.' or '(' or ')'))]);
        string national;
        if (compact.StartsWith("+62", StringComparison.Ordinal))
        {
            national = compact[3..];
        }
        else if (compact.StartsWith("62", StringComparison.Ordinal))
        {
            national = compact[2..];
        }
        else if (compact.StartsWith('0'))
        {
            national = compact[1..];
        }
        else
        {
            return null;
        }

        // Mobile numbers: 8 then 8 to 11 more digits (08xx-xxxx-xxx up to 08xx-xxxx-xxxxx).
        var valid = national.Length is >= 9 and <= 12 && national[0] == '8' && national.All(char.IsAsciiDigit);
        return valid ? "+62" + national : null;
    }
}
