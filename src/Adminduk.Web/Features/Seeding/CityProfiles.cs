using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;

namespace Adminduk.Web.Features.Seeding;

/// <summary>A naming and religious tradition: which name lists its members draw from and how names pass on.</summary>
internal sealed record Tradition(string Key, Weighted<Religion> Religions, double FamilyNameInherited, bool MuslimNames)
{
    public static readonly IReadOnlyDictionary<string, Tradition> All = new[]
    {
        new Tradition("jawa", R((Religion.Islam, 95), (Religion.Kristen, 3), (Religion.Katolik, 2)), 0, true),
        new Tradition("sunda", R((Religion.Islam, 98), (Religion.Kristen, 2)), 0, true),
        new Tradition("bugis", R((Religion.Islam, 99), (Religion.Kristen, 1)), 0, true),
        new Tradition("banjar", R((Religion.Islam, 100)), 0, true),
        new Tradition("kutai", R((Religion.Islam, 100)), 0, true),
        new Tradition("minang", R((Religion.Islam, 100)), 0, true),
        new Tradition("arab", R((Religion.Islam, 100)), 1, true),
        // Palembang Malay and other Sumatran Muslims: Arabic-derived given names, personal second names.
        new Tradition("islam", R((Religion.Islam, 100)), 0, true),
        new Tradition("dayak", R((Religion.Kristen, 45), (Religion.Katolik, 35), (Religion.Islam, 18), (Religion.Kepercayaan, 2)), 0.5, false),
        new Tradition("batak", R((Religion.Kristen, 75), (Religion.Katolik, 10), (Religion.Islam, 15)), 1, false),
        new Tradition("manado", R((Religion.Kristen, 85), (Religion.Katolik, 10), (Religion.Islam, 5)), 1, false),
        new Tradition("toraja", R((Religion.Kristen, 78), (Religion.Katolik, 15), (Religion.Islam, 7)), 0.8, false),
        new Tradition("tionghoa", R((Religion.Buddha, 40), (Religion.Kristen, 30), (Religion.Katolik, 22), (Religion.Konghucu, 8)), 0.65, false),
        new Tradition("bali", R((Religion.Hindu, 95), (Religion.Kristen, 5)), 0, false),
        new Tradition("ntt", R((Religion.Katolik, 75), (Religion.Kristen, 22), (Religion.Islam, 3)), 1, false),
    }.ToDictionary(t => t.Key, StringComparer.Ordinal);

    private static Weighted<Religion> R(params (Religion, double)[] entries) => new(entries);
}

/// <summary>Where migrants of a city come from: a regency (possibly a historical code) and its traditions.</summary>
internal sealed record Origin(string RegencyCode, Weighted<string> Traditions);

/// <summary>The population mix and RT layout of one demo city.</summary>
internal sealed record CityProfile(
    string OfficeCode,
    string RegencyCode,
    string BirthPlace,
    Weighted<string> NativeTraditions,
    double MigrantHouseholdShare,
    Weighted<Origin> Origins,
    Weighted<string> Destinations,
    int? TotalRts,
    int RtsPerVillage)
{
    public static readonly CityProfile Balikpapan = new(
        DemoOffices.BalikpapanCode,
        DemoOffices.BalikpapanRegency,
        "Balikpapan",
        T(("jawa", 35), ("bugis", 21), ("banjar", 18), ("kutai", 3), ("dayak", 2.5), ("toraja", 2.5), ("batak", 2), ("manado", 2),
            ("sunda", 4), ("tionghoa", 2.2), ("minang", 1.5), ("bali", 0.5), ("ntt", 1.2), ("arab", 0.5)),
        0.18,
        new Weighted<Origin>(
        [
            (O("35.78", ("jawa", 1)), 6), (O("35.73", ("jawa", 1)), 3), (O("35.09", ("jawa", 1)), 3), (O("35.07", ("jawa", 1)), 2),
            (O("35.10", ("jawa", 1)), 2), (O("35.24", ("jawa", 1)), 3), (O("35.22", ("jawa", 1)), 2), (O("35.17", ("jawa", 1)), 2),
            (O("33.74", ("jawa", 1)), 3), (O("33.72", ("jawa", 1)), 2), (O("33.10", ("jawa", 1)), 2), (O("33.02", ("jawa", 1)), 2),
            (O("33.18", ("jawa", 1)), 2), (O("34.71", ("jawa", 1)), 1), (O("34.04", ("jawa", 1)), 1),
            (O("32.73", ("sunda", 1)), 2), (O("32.04", ("sunda", 1)), 1.5), (O("32.06", ("sunda", 1)), 1.5),
            (O("31.74", ("jawa", 2), ("sunda", 1), ("batak", 1), ("tionghoa", 1)), 2),
            (O("73.71", ("bugis", 3), ("toraja", 1)), 7), (O("73.08", ("bugis", 1)), 5), (O("73.13", ("bugis", 1)), 4),
            (O("73.14", ("bugis", 1)), 2), (O("73.15", ("bugis", 1)), 2), (O("73.72", ("bugis", 1)), 2),
            (O("73.18", ("toraja", 1)), 2), (O("73.26", ("toraja", 1)), 2),
            (O("63.71", ("banjar", 1)), 5), (O("63.72", ("banjar", 1)), 2), (O("63.03", ("banjar", 1)), 3), (O("63.07", ("banjar", 1)), 2),
            (O("63.09", ("banjar", 1), ("dayak", 1)), 2),
            (O("64.72", ("banjar", 2), ("kutai", 1), ("bugis", 2), ("jawa", 2)), 4), (O("64.02", ("kutai", 2), ("bugis", 1), ("dayak", 1)), 2),
            (O("64.09", ("bugis", 2), ("jawa", 2), ("banjar", 1)), 1), (O("64.01", ("banjar", 1), ("bugis", 1)), 1),
            (O("71.71", ("manado", 1)), 2), (O("71.02", ("manado", 1)), 1),
            (O("53.71", ("ntt", 1)), 1.5), (O("53.07", ("ntt", 1)), 1), (O("53.10", ("ntt", 1)), 0.5),
            (O("12.71", ("batak", 2), ("jawa", 1), ("tionghoa", 1)), 1), (O("12.02", ("batak", 1)), 1),
            (O("13.71", ("minang", 1)), 1), (O("51.71", ("bali", 1)), 1),
            // Registered before Kalimantan Utara (2012) or the new Papua provinces (2022): retired NIK prefixes.
            (O("64.73", ("bugis", 2), ("jawa", 1), ("tionghoa", 1), ("dayak", 1)), 0.6),
            (O("64.04", ("dayak", 2), ("bugis", 1), ("jawa", 1)), 0.3), (O("64.05", ("bugis", 2), ("dayak", 1), ("jawa", 1)), 0.3),
            (O("64.06", ("dayak", 2), ("jawa", 1)), 0.2),
            (O("91.09", ("bugis", 2), ("jawa", 2), ("toraja", 1), ("manado", 1)), 0.5), (O("91.01", ("jawa", 2), ("bugis", 1)), 0.3),
            (O("92.71", ("bugis", 2), ("jawa", 1), ("manado", 1), ("toraja", 1)), 0.3),
        ]),
        T(("64.72", 20), ("64.09", 15), ("64.02", 8), ("35.78", 8), ("73.71", 8), ("63.71", 6), ("34.71", 6), ("31.74", 5),
            ("32.73", 4), ("35.73", 4), ("64.74", 4), ("64.01", 4), ("65.71", 3), ("61.71", 2), ("12.71", 1), ("71.71", 1), ("51.71", 1)),
        TotalRts: 1_143,
        RtsPerVillage: 0);

    public static readonly CityProfile Palembang = new(
        DemoOffices.PalembangCode,
        DemoOffices.PalembangRegency,
        "Palembang",
        T(("islam", 55), ("jawa", 22), ("sunda", 3), ("minang", 5), ("batak", 3), ("tionghoa", 8), ("arab", 1.5), ("bali", 0.5),
            ("manado", 0.5), ("ntt", 0.5), ("banjar", 1)),
        0.12,
        new Weighted<Origin>(
        [
            (O("16.02", ("islam", 1)), 6), (O("16.03", ("islam", 3), ("jawa", 1)), 5), (O("16.04", ("islam", 1)), 4),
            (O("16.06", ("islam", 1)), 3), (O("16.10", ("islam", 1)), 5), (O("18.71", ("jawa", 2), ("islam", 1)), 5),
            (O("15.71", ("islam", 2), ("minang", 1)), 4), (O("17.71", ("islam", 1)), 3), (O("19.71", ("tionghoa", 1), ("islam", 1)), 2),
            (O("33.74", ("jawa", 1)), 4), (O("35.78", ("jawa", 1)), 3), (O("32.73", ("sunda", 1)), 3), (O("13.71", ("minang", 1)), 5),
            (O("12.71", ("batak", 2), ("tionghoa", 1)), 3), (O("31.73", ("jawa", 1), ("sunda", 1), ("tionghoa", 1)), 3),
        ]),
        T(("31.74", 15), ("16.03", 12), ("16.10", 10), ("18.71", 10), ("15.71", 8), ("32.73", 8), ("34.71", 8), ("33.74", 6),
            ("16.02", 8), ("12.71", 5), ("13.71", 5), ("17.71", 5)),
        TotalRts: null,
        RtsPerVillage: 3);

    /// <summary>The city's RT units, independent of the random seed: the same city always has the same RTs.</summary>
    public List<RtUnit> LayOutRts(RegionCatalog catalog)
    {
        var villages = catalog.ChildrenOf(RegencyCode)
            .SelectMany(d => catalog.ChildrenOf(d.Code))
            .OrderBy(v => v.Code, StringComparer.Ordinal)
            .ToList();
        if (villages.Count == 0)
        {
            throw new InvalidOperationException($"The region catalogue has no villages under {RegencyCode}.");
        }

        var random = new SeededRandom(ulong.Parse(RegencyCode.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        int[] perVillage;
        if (TotalRts is { } total)
        {
            // Kelurahan differ in size; apportion the fixed total by weight (largest remainder).
            var weights = villages.Select(_ => random.Between(0.5, 1.8)).ToArray();
            perVillage = Apportion(total, weights, minimum: 1);
        }
        else
        {
            perVillage = [.. villages.Select(_ => RtsPerVillage)];
        }

        var rts = new List<RtUnit>(perVillage.Sum());
        for (var v = 0; v < villages.Count; v++)
        {
            // RTs are numbered from 1 inside each RW; an RW holds four to nine RTs.
            var left = perVillage[v];
            var rw = 0;
            while (left > 0)
            {
                rw++;
                var size = TotalRts is null ? left : Math.Min(left, random.Between(4, 9));
                for (var rt = 1; rt <= size; rt++)
                {
                    rts.Add(new RtUnit { VillageCode = villages[v].Code, Rw = rw, Rt = rt });
                }

                left -= size;
            }
        }

        return rts;
    }

    /// <summary>Splits <paramref name="total"/> in proportion to the weights, each share at least <paramref name="minimum"/>.</summary>
    public static int[] Apportion(int total, IReadOnlyList<double> weights, int minimum)
    {
        var n = weights.Count;
        if (total < n * minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(total), $"{total} cannot give {n} shares at least {minimum} each.");
        }

        var rest = total - (n * minimum);
        var sum = weights.Sum();
        var shares = new int[n];
        var remainders = new (double Fraction, int Index)[n];
        var assigned = 0;
        for (var i = 0; i < n; i++)
        {
            var exact = rest * weights[i] / sum;
            var floor = (int)Math.Floor(exact);
            shares[i] = minimum + floor;
            assigned += floor;
            remainders[i] = (exact - floor, i);
        }

        foreach (var (_, index) in remainders.OrderByDescending(r => r.Fraction).ThenBy(r => r.Index).Take(rest - assigned))
        {
            shares[index]++;
        }

        return shares;
    }

    private static Weighted<string> T(params (string, double)[] entries) => new(entries);

    private static Origin O(string regency, params (string, double)[] traditions) => new(regency, new Weighted<string>(traditions));
}
