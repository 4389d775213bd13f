using Adminduk.Web.Data;

namespace Adminduk.Web.Features.Seeding;

/// <summary>The two demo offices and Indonesia's national holidays.</summary>
public static class DemoOffices
{
    public const string BalikpapanCode = "BPN";
    public const string PalembangCode = "PLG";
    public const string BalikpapanRegency = "64.71";
    public const string PalembangRegency = "16.71";

    /// <summary>Balikpapan works online-only and turns walk-ins away; Palembang serves walk-ins by UPTD zone.</summary>
    public static IReadOnlyList<Office> Create() =>
    [
        new Office
        {
            Code = BalikpapanCode,
            Name = "Dinas Kependudukan dan Pencatatan Sipil Kota Balikpapan",
            RegencyCode = BalikpapanRegency,
            TimeZoneId = "Asia/Makassar",
            DailyCutoff = new TimeOnly(13, 0),
            ServiceOpens = new TimeOnly(8, 0),
            ServiceCloses = new TimeOnly(16, 0),
            WalkInPolicy = WalkInPolicy.TurnAway,
            // About 900 applications a day in the source articles.
            OperatorCount = 4,
            ApplicationsPerOperatorPerDay = 250,
            PromiseDays = 5,
            ServicePoints =
            [
                new ServicePoint
                {
                    Name = "Kantor Disdukcapil Kota Balikpapan",
                    Address = "Jl. MT Haryono, Kelurahan Damai Baru, Kecamatan Balikpapan Selatan, Kota Balikpapan, Kalimantan Timur",
                    Kind = ServicePointKind.MainOffice,
                },
                new ServicePoint
                {
                    Name = "UPTD Pelayanan Balikpapan Utara",
                    Address = "Jl. Soekarno-Hatta Km 5, Kelurahan Graha Indah, Kecamatan Balikpapan Utara, Kota Balikpapan",
                    Kind = ServicePointKind.Uptd,
                },
                new ServicePoint
                {
                    Name = "UPTD Pelayanan Balikpapan Timur",
                    Address = "Jl. Mulawarman, Kelurahan Manggar, Kecamatan Balikpapan Timur, Kota Balikpapan",
                    Kind = ServicePointKind.Uptd,
                },
            ],
        },
        new Office
        {
            Code = PalembangCode,
            Name = "Dinas Kependudukan dan Pencatatan Sipil Kota Palembang",
            RegencyCode = PalembangRegency,
            TimeZoneId = "Asia/Jakarta",
            DailyCutoff = new TimeOnly(14, 0),
            ServiceOpens = new TimeOnly(8, 0),
            ServiceCloses = new TimeOnly(16, 0),
            WalkInPolicy = WalkInPolicy.Serve,
            // Three officers, each handling up to 500 online requests a day.
            OperatorCount = 3,
            ApplicationsPerOperatorPerDay = 500,
            PromiseDays = 5,
            ServicePoints =
            [
                new ServicePoint
                {
                    Name = "Kantor Disdukcapil Kota Palembang",
                    Address = "Jl. Merdeka, Kelurahan Talang Semut, Kecamatan Bukit Kecil, Kota Palembang, Sumatera Selatan",
                    Kind = ServicePointKind.MainOffice,
                },
                new ServicePoint
                {
                    Name = "UPTD Wilayah I Seberang Ulu (Seberang Ulu I, Seberang Ulu II, Plaju, Kertapati, Jakabaring)",
                    Address = "Jl. Jenderal Ahmad Yani, Kecamatan Seberang Ulu I, Kota Palembang",
                    Kind = ServicePointKind.Uptd,
                },
                new ServicePoint
                {
                    Name = "UPTD Wilayah II Ilir Barat (Ilir Barat I, Ilir Barat II, Bukit Kecil, Gandus)",
                    Address = "Jl. Demang Lebar Daun, Kecamatan Ilir Barat I, Kota Palembang",
                    Kind = ServicePointKind.Uptd,
                },
                new ServicePoint
                {
                    Name = "UPTD Wilayah III Ilir Timur (Ilir Timur I, II, III, Kemuning, Kalidoni)",
                    Address = "Jl. Mayor Ruslan, Kecamatan Ilir Timur II, Kota Palembang",
                    Kind = ServicePointKind.Uptd,
                },
                new ServicePoint
                {
                    Name = "UPTD Wilayah IV Utara (Sukarami, Sako, Alang-Alang Lebar, Sematang Borang)",
                    Address = "Jl. Kolonel Haji Burlian, Kecamatan Sukarami, Kota Palembang",
                    Kind = ServicePointKind.Uptd,
                },
            ],
        },
    ];

    /// <summary>
    /// National public holidays (libur nasional) and collective leave (cuti bersama), OfficeId null.
    /// 2026: the SKB of the three ministers (Agama, Ketenagakerjaan, PANRB) as remembered here; the lunar
    /// dates may still shift by a day after the government's isbat session.
    /// 2027: estimated from the Islamic, Chinese, Saka and Buddhist calendars before the 2027 SKB was checked;
    /// an administrator should confirm them (in particular Nyepi, the Islamic dates and every cuti bersama).
    /// </summary>
    public static IReadOnlyList<OfficeHoliday> NationalHolidays() =>
    [
        H(2026, 1, 1, "Tahun Baru 2026 Masehi"),
        H(2026, 1, 16, "Isra Mikraj Nabi Muhammad SAW"),
        H(2026, 2, 16, "Cuti bersama Tahun Baru Imlek"),
        H(2026, 2, 17, "Tahun Baru Imlek 2577 Kongzili"),
        H(2026, 3, 18, "Cuti bersama Hari Suci Nyepi"),
        H(2026, 3, 19, "Hari Suci Nyepi Tahun Baru Saka 1948"),
        H(2026, 3, 20, "Cuti bersama Idul Fitri 1447 H"),
        H(2026, 3, 21, "Hari Raya Idul Fitri 1447 H"),
        H(2026, 3, 22, "Hari Raya Idul Fitri 1447 H"),
        H(2026, 3, 23, "Cuti bersama Idul Fitri 1447 H"),
        H(2026, 3, 24, "Cuti bersama Idul Fitri 1447 H"),
        H(2026, 4, 3, "Wafat Yesus Kristus"),
        H(2026, 4, 5, "Kebangkitan Yesus Kristus (Paskah)"),
        H(2026, 5, 1, "Hari Buruh Internasional"),
        H(2026, 5, 14, "Kenaikan Yesus Kristus"),
        H(2026, 5, 15, "Cuti bersama Kenaikan Yesus Kristus"),
        H(2026, 5, 27, "Hari Raya Idul Adha 1447 H"),
        H(2026, 5, 28, "Cuti bersama Idul Adha 1447 H"),
        H(2026, 5, 31, "Hari Raya Waisak 2570 BE"),
        H(2026, 6, 1, "Hari Lahir Pancasila"),
        H(2026, 6, 16, "Tahun Baru Islam 1448 H"),
        H(2026, 8, 17, "Hari Proklamasi Kemerdekaan RI"),
        H(2026, 8, 25, "Maulid Nabi Muhammad SAW"),
        H(2026, 12, 24, "Cuti bersama Hari Raya Natal"),
        H(2026, 12, 25, "Hari Raya Natal"),
        H(2027, 1, 1, "Tahun Baru 2027 Masehi"),
        H(2027, 1, 5, "Isra Mikraj Nabi Muhammad SAW (perkiraan)"),
        H(2027, 2, 6, "Tahun Baru Imlek 2578 Kongzili"),
        H(2027, 3, 9, "Hari Suci Nyepi Tahun Baru Saka 1949 (perkiraan)"),
        H(2027, 3, 10, "Hari Raya Idul Fitri 1448 H (perkiraan)"),
        H(2027, 3, 11, "Hari Raya Idul Fitri 1448 H (perkiraan)"),
        H(2027, 3, 12, "Cuti bersama Idul Fitri 1448 H (perkiraan)"),
        H(2027, 3, 15, "Cuti bersama Idul Fitri 1448 H (perkiraan)"),
        H(2027, 3, 26, "Wafat Yesus Kristus"),
        H(2027, 3, 28, "Kebangkitan Yesus Kristus (Paskah)"),
        H(2027, 5, 1, "Hari Buruh Internasional"),
        H(2027, 5, 6, "Kenaikan Yesus Kristus"),
        H(2027, 5, 7, "Cuti bersama Kenaikan Yesus Kristus (perkiraan)"),
        H(2027, 5, 16, "Hari Raya Idul Adha 1448 H (perkiraan)"),
        H(2027, 5, 20, "Hari Raya Waisak 2571 BE (perkiraan)"),
        H(2027, 6, 1, "Hari Lahir Pancasila"),
        H(2027, 6, 5, "Tahun Baru Islam 1449 H (perkiraan)"),
        H(2027, 8, 14, "Maulid Nabi Muhammad SAW (perkiraan)"),
        H(2027, 8, 17, "Hari Proklamasi Kemerdekaan RI"),
        H(2027, 12, 24, "Cuti bersama Hari Raya Natal (perkiraan)"),
        H(2027, 12, 25, "Hari Raya Natal"),
    ];

    private static OfficeHoliday H(int year, int month, int day, string name) =>
        new() { OfficeId = null, Date = new DateOnly(year, month, day), Name = name };
}
