namespace Adminduk.Domain.Regions;

public enum RegionLevel
{
    Province = 1,
    Regency = 2,
    District = 3,
    Village = 4,
}

/// <summary>An administrative area with its Kemendagri code in dotted form (e.g. "64.71.01").</summary>
public sealed record Region(string Code, string Name, RegionLevel Level, string? ParentCode)
{
    /// <summary>The code without dots, as it appears inside a NIK or KK number (e.g. "647101").</summary>
    public string Digits => Code.Replace(".", "", StringComparison.Ordinal);
}
