namespace Adminduk.Domain.Regions;

/// <summary>
/// A change that retired Kemendagri region codes (usually a new province taking regencies with new codes).
/// A NIK or KK number keeps the code it was issued with for life, so retired codes must stay readable.
/// </summary>
/// <param name="Year">The year the old codes stopped being issued.</param>
/// <param name="NewProvinceCodes">Province codes that began with this change.</param>
/// <param name="DistrictSuffixesKept">
/// True when moved regencies kept their districts' last two digits (old 91.09.01 = new 94.04.01), so an old
/// district code can be named through the successor. False when that is not established: such districts stay unnamed.
/// </param>
public sealed record RegionRecoding(string Reference, int Year, IReadOnlyList<string> NewProvinceCodes, bool DistrictSuffixesKept);

/// <summary>A region code that is no longer current, with the current region that carries its area on.</summary>
public sealed record HistoricalRegion(string Code, string Name, RegionLevel Level, string SuccessorCode, RegionRecoding RetiredBy);

/// <summary>
/// Retired Kemendagri (Permendagri) codes that can still appear at the start of a NIK or KK number.
/// <para>
/// Sources and assumptions. NIK and KK numbers use the Ministry of Home Affairs (Kemendagri) codes, not the
/// Statistics Indonesia (BPS) ones; the two differ in Papua: before 2022 BPS used 94 = Papua and 91 = Papua Barat,
/// Kemendagri used 91 = Papua and 92 = Papua Barat. The pre-change codes below are the Kemendagri lists of
/// Permendagri 137/2017 and 72/2019 as reproduced in public datasets of that period. They are confirmed by the
/// current catalogue: regencies that stayed in Papua (91.03, 91.05, 91.06, 91.10, 91.11, 91.15, 91.19, 91.20, 91.71)
/// and in Papua Barat (92.02, 92.03, 92.06, 92.07, 92.08, 92.11, 92.12) kept exactly these codes, and each new
/// province numbered its regencies in the order of their old codes.
/// </para>
/// <list type="bullet">
/// <item>2004, Sulawesi Barat (UU 26/2004): five regencies left Sulawesi Selatan (73) for 76. District codes were
/// not kept reliably (Mamuju Tengah was later carved out of Mamuju), so old districts stay unnamed.</item>
/// <item>2012, Kalimantan Utara (UU 20/2012): 64.04 Bulungan, 64.05 Nunukan, 64.06 Malinau, 64.10 Tana Tidung and
/// 64.73 Kota Tarakan became 65.01, 65.03, 65.02, 65.04 and 65.71. Whether district suffixes were kept is not
/// established, so old districts stay unnamed.</item>
/// <item>2022, Papua (UU 14, 15 and 16/2022 and UU 29/2022; codes by Kepmendagri 100.1.1-6117/2022): regencies moved
/// from 91 (Papua) to 93 Papua Selatan, 94 Papua Tengah and 95 Papua Pegunungan, and from 92 (Papua Barat) to
/// 96 Papua Barat Daya. District suffixes were kept (e.g. Mimika Baru 91.09.01 is now 94.04.01).</item>
/// </list>
/// No code in these changes was given to a different area, so none of them is ambiguous today; the resolver still
/// reports every meaning of a code, with its period, should a future table add one that is.
/// </summary>
public static class HistoricalRegions
{
    public static readonly RegionRecoding SulawesiBarat2004 = new("UU 26/2004", 2004, ["76"], DistrictSuffixesKept: false);

    public static readonly RegionRecoding KalimantanUtara2012 = new("UU 20/2012", 2012, ["65"], DistrictSuffixesKept: false);

    public static readonly RegionRecoding Papua2022 = new(
        "UU 14/2022, 15/2022, 16/2022, 29/2022; Kepmendagri 100.1.1-6117/2022", 2022, ["93", "94", "95", "96"], DistrictSuffixesKept: true);

    public static IReadOnlyList<RegionRecoding> Recodings { get; } = [SulawesiBarat2004, KalimantanUtara2012, Papua2022];

    public static IReadOnlyList<HistoricalRegion> All { get; } =
    [
        Regency("73.19", "Kabupaten Polewali Mamasa", "76.04", SulawesiBarat2004),
        Regency("73.20", "Kabupaten Majene", "76.05", SulawesiBarat2004),
        Regency("73.21", "Kabupaten Mamuju", "76.02", SulawesiBarat2004),
        Regency("73.23", "Kabupaten Mamasa", "76.03", SulawesiBarat2004),
        Regency("73.25", "Kabupaten Mamuju Utara", "76.01", SulawesiBarat2004),

        Regency("64.04", "Kabupaten Bulungan", "65.01", KalimantanUtara2012),
        Regency("64.05", "Kabupaten Nunukan", "65.03", KalimantanUtara2012),
        Regency("64.06", "Kabupaten Malinau", "65.02", KalimantanUtara2012),
        Regency("64.10", "Kabupaten Tana Tidung", "65.04", KalimantanUtara2012),
        Regency("64.73", "Kota Tarakan", "65.71", KalimantanUtara2012),

        Regency("91.01", "Kabupaten Merauke", "93.01", Papua2022),
        Regency("91.02", "Kabupaten Jayawijaya", "95.01", Papua2022),
        Regency("91.04", "Kabupaten Nabire", "94.01", Papua2022),
        Regency("91.07", "Kabupaten Puncak Jaya", "94.02", Papua2022),
        Regency("91.08", "Kabupaten Paniai", "94.03", Papua2022),
        Regency("91.09", "Kabupaten Mimika", "94.04", Papua2022),
        Regency("91.12", "Kabupaten Pegunungan Bintang", "95.02", Papua2022),
        Regency("91.13", "Kabupaten Yahukimo", "95.03", Papua2022),
        Regency("91.14", "Kabupaten Tolikara", "95.04", Papua2022),
        Regency("91.16", "Kabupaten Boven Digoel", "93.02", Papua2022),
        Regency("91.17", "Kabupaten Mappi", "93.03", Papua2022),
        Regency("91.18", "Kabupaten Asmat", "93.04", Papua2022),
        Regency("91.21", "Kabupaten Mamberamo Tengah", "95.05", Papua2022),
        Regency("91.22", "Kabupaten Yalimo", "95.06", Papua2022),
        Regency("91.23", "Kabupaten Lanny Jaya", "95.07", Papua2022),
        Regency("91.24", "Kabupaten Nduga", "95.08", Papua2022),
        Regency("91.25", "Kabupaten Puncak", "94.05", Papua2022),
        Regency("91.26", "Kabupaten Dogiyai", "94.06", Papua2022),
        Regency("91.27", "Kabupaten Intan Jaya", "94.07", Papua2022),
        Regency("91.28", "Kabupaten Deiyai", "94.08", Papua2022),
        Regency("92.01", "Kabupaten Sorong", "96.01", Papua2022),
        Regency("92.04", "Kabupaten Sorong Selatan", "96.02", Papua2022),
        Regency("92.05", "Kabupaten Raja Ampat", "96.03", Papua2022),
        Regency("92.09", "Kabupaten Tambrauw", "96.04", Papua2022),
        Regency("92.10", "Kabupaten Maybrat", "96.05", Papua2022),
        Regency("92.71", "Kota Sorong", "96.71", Papua2022),
    ];

    private static HistoricalRegion Regency(string code, string name, string successor, RegionRecoding by) =>
        new(code, name, RegionLevel.Regency, successor, by);
}
