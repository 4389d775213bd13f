using Adminduk.Domain.Regions;

namespace Adminduk.Web.Features.Seeding;

/// <summary>
/// Regency codes that were renumbered, still found at the start of NIKs issued before the change: a NIK
/// never changes, so a resident registered in Tarakan in 2010 still carries 6473.. today.
/// </summary>
public static class HistoricalRegions
{
    /// <summary>Old regency code, its current code, and why it changed.</summary>
    public static readonly IReadOnlyList<(string OldCode, string CurrentCode, string Note)> Regencies =
    [
        ("64.04", "65.01", "Kabupaten Bulungan, in Kalimantan Timur until Kalimantan Utara was formed (2012)"),
        ("64.05", "65.02", "Kabupaten Malinau, idem"),
        ("64.06", "65.03", "Kabupaten Nunukan, idem"),
        ("64.73", "65.71", "Kota Tarakan, idem"),
        ("94.71", "91.71", "Kota Jayapura: Papua was 94 until the 2022 split renumbered it 91"),
        ("94.12", "94.04", "Kabupaten Mimika, Papua's 94.12 before it moved to Papua Tengah (2022)"),
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, Region>> LazyDistricts = new(() => BuildDistricts(RegionCatalog.Default));

    /// <summary>
    /// Historical district codes (dotted) with the current district they correspond to. The district part is
    /// carried over from the current code; the renumbering kept it for the districts that existed then.
    /// </summary>
    public static IReadOnlyDictionary<string, Region> Districts => LazyDistricts.Value;

    public static bool IsHistoricalDistrict(string dottedCode) => Districts.ContainsKey(dottedCode);

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
