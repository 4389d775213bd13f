namespace Adminduk.Domain.Regions;

/// <summary>Conversions between dotted Kemendagri codes and the plain digits used in NIK and KK numbers.</summary>
public static class RegionCode
{
    /// <summary>"647101" -> "64.71.01"; "6471012001" -> "64.71.01.2001". Returns null for other lengths or non-digits.</summary>
    public static string? FromDigits(string digits)
    {
        if (digits.Length is not (2 or 4 or 6 or 10) || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        return digits.Length switch
        {
            2 => digits,
            4 => $"{digits[..2]}.{digits[2..4]}",
            6 => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}",
            _ => $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}.{digits[6..10]}",
        };
    }

    public static RegionLevel? LevelOf(string dottedCode) => dottedCode.Count(c => c == '.') switch
    {
        0 when dottedCode.Length == 2 => RegionLevel.Province,
        1 => RegionLevel.Regency,
        2 => RegionLevel.District,
        3 => RegionLevel.Village,
        _ => null,
    };

    public static string? ParentOf(string dottedCode)
    {
        var i = dottedCode.LastIndexOf('.');
        return i < 0 ? null : dottedCode[..i];
    }
}
