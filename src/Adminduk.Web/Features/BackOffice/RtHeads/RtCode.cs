using System.Globalization;
using Adminduk.Domain.Regions;

namespace Adminduk.Web.Features.BackOffice.RtHeads;

/// <summary>
/// An RT written as its kelurahan code, RW and RT: "64.71.05.1011.001.002" (also accepted: the 16 digits
/// "6471051011001002", and RW/RT without leading zeros).
/// </summary>
public readonly record struct RtCode(string VillageCode, int Rw, int Rt)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{VillageCode}.{Rw:D3}.{Rt:D3}");

    public static string Format(string villageCode, int rw, int rt) => new RtCode(villageCode, rw, rt).ToString();

    public static RtCode? Parse(string? input)
    {
        var text = input?.Trim() ?? "";
        if (text.Length == 16 && text.All(char.IsAsciiDigit))
        {
            text = $"{text[..2]}.{text[2..4]}.{text[4..6]}.{text[6..10]}.{text[10..13]}.{text[13..]}";
        }

        var parts = text.Split('.');
        if (parts.Length != 6 || !Number(parts[4], out var rw) || !Number(parts[5], out var rt))
        {
            return null;
        }

        var village = string.Join('.', parts[..4]);
        return RegionCode.LevelOf(village) == RegionLevel.Village && parts[..4].All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
            ? new RtCode(village, rw, rt)
            : null;
    }

    private static bool Number(string part, out int value) =>
        int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value) && part.Length <= 3 && value is >= 1 and <= 999;
}
