using Adminduk.Domain.Regions;

namespace Adminduk.Web.Features.Seeding;

/// <summary>
/// Retired Kemendagri regency codes that migrants' NIKs still start with: a NIK never changes, so someone registered
/// in Tarakan in 2010 still carries 6473.. today. NIKs use Kemendagri codes, under which Papua was 91 and Papua Barat
/// 92 before 2022 (94 was the statistics office's code for Papua, never on a NIK). The same codes as the domain's
/// table of retired codes; only the regencies the demo city's migrants come from.
/// </summary>
internal static class RenumberedRegencies
{
    /// <summary>Old regency code, its current code, and the change that retired it.</summary>
    public static readonly IReadOnlyList<(string OldCode, string CurrentCode, string Note)> Regencies =
    [
        ("64.04", "65.01", "Kabupaten Bulungan: Kalimantan Timur until Kalimantan Utara was formed (UU 20/2012)"),
        ("64.05", "65.03", "Kabupaten Nunukan, idem"),
        ("64.06", "65.02", "Kabupaten Malinau, idem"),
        ("64.73", "65.71", "Kota Tarakan, idem"),
        ("91.01", "93.01", "Kabupaten Merauke: Papua until Papua Selatan was formed (2022)"),
        ("91.09", "94.04", "Kabupaten Mimika: Papua until Papua Tengah was formed (2022)"),
        ("92.71", "96.71", "Kota Sorong: Papua Barat until Papua Barat Daya was formed (2022)"),
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, Region>> LazyDistricts = new(() => BuildDistricts(RegionCatalog.Default));

    /// <summary>
    /// Old district codes (dotted) with the current district of the same suffix. The 2022 Papua changes kept the
    /// district suffixes; for Kalimantan Utara that is not established, so those codes are plausible, not verified.
    /// </summary>
    public static IReadOnlyDictionary<string, Region> Districts => LazyDistricts.Value;

    public static bool IsOldDistrict(string dottedCode) => Districts.ContainsKey(dottedCode);

    /// <summary>The current regency an old regency code stands for, or null.</summary>
    public static string? CurrentRegencyOf(string oldRegencyCode) =>
        Regencies.FirstOrDefault(r => r.OldCode == oldRegencyCode).CurrentCode;

    private static Dictionary<string, Region> BuildDistricts(RegionCatalog catalog)
    {
        var result = new Dictionary<string, Region>(StringComparer.Ordinal);
        foreach (var (oldCode, currentCode, _) in Regencies)
        {
            foreach (var district in catalog.ChildrenOf(currentCode))
            {
                result[oldCode + district.Code[currentCode.Length..]] = district;
            }
        }

        return result;
    }
}
