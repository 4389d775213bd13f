using Adminduk.Domain.Population;

namespace Adminduk.Web.Features.Seeding;

/// <summary>Education and occupation drawn consistently with age, sex and birth cohort.</summary>
internal static class Demography
{
    public const string Student = "Pelajar/Mahasiswa";
    public const string NotWorking = "Belum/Tidak Bekerja";
    public const string Housekeeping = "Mengurus Rumah Tangga";
    public const string Retired = "Pensiunan";

    private sealed record Job(string Name, int MinAge, int MaxAge, Education MinEducation, double Male, double Female);

    // Occupation names as printed on the KK; weights are rough shares among working-age adults.
    private static readonly Job[] Jobs =
    [
        new("Karyawan Swasta", 18, 60, Education.Sltp, 26, 15),
        new("Wiraswasta", 20, 80, Education.Sd, 16, 9),
        new("Buruh Harian Lepas", 18, 65, Education.TidakBelumSekolah, 8, 2),
        new("Pegawai Negeri Sipil (PNS)", 20, 58, Education.Slta, 4, 4),
        new("Tentara Nasional Indonesia (TNI)", 18, 58, Education.Slta, 1.5, 0.1),
        new("Kepolisian RI (POLRI)", 18, 58, Education.Slta, 1.5, 0.2),
        new("Karyawan BUMN", 20, 56, Education.Slta, 4, 1.5),
        new("Karyawan Honorer", 20, 58, Education.Slta, 1.5, 2),
        new("Pedagang", 18, 80, Education.TidakBelumSekolah, 4, 7),
        new("Sopir", 21, 65, Education.Sd, 4, 0),
        new("Nelayan/Perikanan", 16, 72, Education.TidakBelumSekolah, 2, 0.1),
        new("Petani/Pekebun", 18, 80, Education.TidakBelumSekolah, 1.5, 0.5),
        new("Guru", 22, 60, Education.DiplomaIvStrataI, 2, 4.5),
        new("Dosen", 27, 65, Education.StrataIi, 0.3, 0.3),
        new("Dokter", 25, 70, Education.DiplomaIvStrataI, 0.5, 0.6),
        new("Perawat", 21, 58, Education.DiplomaIii, 0.5, 1.8),
        new("Bidan", 21, 58, Education.DiplomaIii, 0, 0.8),
        new("Apoteker", 24, 65, Education.DiplomaIvStrataI, 0.1, 0.2),
        new("Tukang Batu", 18, 65, Education.TidakBelumSekolah, 1.5, 0),
        new("Tukang Kayu", 18, 65, Education.TidakBelumSekolah, 1, 0),
        new("Tukang Las/Pandai Besi", 18, 60, Education.Sd, 0.8, 0),
        new("Mekanik", 18, 60, Education.Sltp, 2, 0),
        new("Pelaut", 20, 58, Education.Slta, 1, 0),
        new("Penjahit", 18, 70, Education.Sd, 0.2, 0.6),
        new("Penata Rambut", 18, 60, Education.Sltp, 0.1, 0.3),
        new("Ustadz/Mubaligh", 25, 80, Education.Slta, 0.3, 0.05),
        new("Wartawan", 22, 60, Education.DiplomaIvStrataI, 0.1, 0.05),
        new("Mengurus Rumah Tangga", 18, 130, Education.TidakBelumSekolah, 0.3, 38),
        new("Belum/Tidak Bekerja", 18, 130, Education.TidakBelumSekolah, 5, 4),
    ];

    // Highest education of adults by birth cohort: younger cohorts went to school longer.
    private static readonly (Education Level, double Share)[] BornFrom1985 =
    [
        (Education.Sd, 0.08), (Education.Sltp, 0.13), (Education.Slta, 0.45), (Education.DiplomaI, 0.02), (Education.DiplomaIii, 0.08),
        (Education.DiplomaIvStrataI, 0.215), (Education.StrataIi, 0.022), (Education.StrataIii, 0.003),
    ];

    private static readonly (Education Level, double Share)[] Born1965To1984 =
    [
        (Education.BelumTamatSd, 0.03), (Education.Sd, 0.18), (Education.Sltp, 0.17), (Education.Slta, 0.40), (Education.DiplomaI, 0.02),
        (Education.DiplomaIii, 0.06), (Education.DiplomaIvStrataI, 0.12), (Education.StrataIi, 0.018), (Education.StrataIii, 0.002),
    ];

    private static readonly (Education Level, double Share)[] BornBefore1965 =
    [
        (Education.TidakBelumSekolah, 0.08), (Education.BelumTamatSd, 0.12), (Education.Sd, 0.30), (Education.Sltp, 0.16),
        (Education.Slta, 0.23), (Education.DiplomaIii, 0.03), (Education.DiplomaIvStrataI, 0.07), (Education.StrataIi, 0.01),
    ];

    /// <summary>Highest education completed, from age and (for adults) birth year.</summary>
    public static Education PickEducation(SeededRandom random, int age, int birthYear)
    {
        if (age < 7)
        {
            return Education.TidakBelumSekolah;
        }

        if (age <= 12)
        {
            return Education.BelumTamatSd;
        }

        if (age <= 15)
        {
            return Education.Sd;
        }

        if (age <= 18)
        {
            return random.Chance(0.9) ? Education.Sltp : Education.Sd;
        }

        var x = random.NextDouble();
        if (age <= 22)
        {
            return x < 0.72 ? Education.Slta : x < 0.88 ? Education.Sltp : x < 0.95 ? Education.Sd : Education.DiplomaI;
        }

        var mix = birthYear >= 1985 ? BornFrom1985 : birthYear >= 1965 ? Born1965To1984 : BornBefore1965;
        foreach (var (level, share) in mix)
        {
            if (x < share && MinimumAge(level) <= age)
            {
                return level;
            }

            x -= share;
        }

        return Education.Slta;
    }

    /// <summary>Occupation as on the KK, consistent with age, sex and education.</summary>
    public static string PickOccupation(SeededRandom random, int age, Sex sex, Education education)
    {
        if (age < 5)
        {
            return NotWorking;
        }

        if (age < 18)
        {
            return age >= 16 && random.Chance(0.08) ? NotWorking : Student;
        }

        if (age <= 24 && education >= Education.Slta && random.Chance((25 - age) * 0.09))
        {
            return Student;
        }

        if (age >= 58 && education >= Education.Sltp && random.Chance(sex == Sex.Male ? 0.35 : 0.15))
        {
            return Retired;
        }

        return JobChoice(Math.Min(age, 100), sex, education).Pick(random);
    }

    // Built once per (age, sex, education): a city has hundreds of thousands of adults and few such combinations.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Age, Sex Sex, Education Education), Weighted<string>> JobChoices = new();

    private static Weighted<string> JobChoice(int age, Sex sex, Education education) => JobChoices.GetOrAdd((age, sex, education), key =>
    {
        var eligible = Jobs.Where(j => key.Age >= j.MinAge && key.Age <= j.MaxAge && key.Education >= j.MinEducation);
        if (key.Age >= 65)
        {
            // Few still work at this age.
            eligible = eligible.Where(j => j.Name is "Wiraswasta" or "Pedagang" or "Petani/Pekebun" or Housekeeping or NotWorking);
        }

        return new Weighted<string>(eligible.Select(j => (j.Name, key.Sex == Sex.Male ? j.Male : j.Female)));
    });

    public static int MinimumAge(Education level) => level switch
    {
        Education.TidakBelumSekolah => 0,
        Education.BelumTamatSd => 7,
        Education.Sd => 12,
        Education.Sltp => 15,
        Education.Slta => 18,
        Education.DiplomaI => 19,
        Education.DiplomaIii => 21,
        Education.DiplomaIvStrataI => 22,
        Education.StrataIi => 24,
        Education.StrataIii => 28,
        _ => 0,
    };

    /// <summary>Education as printed on the KK, for event details.</summary>
    public static string Label(Education level) => level switch
    {
        Education.TidakBelumSekolah => "Tidak/Belum Sekolah",
        Education.BelumTamatSd => "Belum Tamat SD/Sederajat",
        Education.Sd => "Tamat SD/Sederajat",
        Education.Sltp => "SLTP/Sederajat",
        Education.Slta => "SLTA/Sederajat",
        Education.DiplomaI => "Diploma I/II",
        Education.DiplomaIii => "Akademi/Diploma III/Sarjana Muda",
        Education.DiplomaIvStrataI => "Diploma IV/Strata I",
        Education.StrataIi => "Strata II",
        Education.StrataIii => "Strata III",
        _ => level.ToString(),
    };
}
