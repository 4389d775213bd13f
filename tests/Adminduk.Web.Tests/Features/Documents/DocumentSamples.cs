using Adminduk.Domain.Documents;
using Adminduk.Domain.Population;
using Adminduk.Web.Features.Documents;

namespace Adminduk.Web.Tests.Features.Documents;

/// <summary>One filled content record per kind of document, for layout and rendering tests without a database.</summary>
internal static class DocumentSamples
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 11, 23, 2, 30, 0, TimeSpan.Zero);

    private static readonly PrintedAddress Sepinggan = new("Jl. Mulawarman No. 7", 1, 1, "SEPINGGAN", "BALIKPAPAN SELATAN", "KOTA BALIKPAPAN", "KALIMANTAN TIMUR");

    public static DocumentHeader Header(DocumentKind kind, string number, string code = "AbCdEfGhIjKlMnOpQrStUvWxYz0") =>
        new(kind, number, "Disdukcapil Kota Balikpapan", "Kota Balikpapan", "Balikpapan", new DateOnly(2026, 11, 23), "Dewi Operator", code,
            "http://localhost/verify/" + code);

    public static DocumentContent For(DocumentKind kind) => kind switch
    {
        DocumentKind.AktaKelahiran => new BirthCertificate(Header(kind, "6471-LT-23112026-0001"), "Aisyah Putri Saputra", "6471055011260001", Sex.Female,
            "Balikpapan", new DateOnly(2026, 11, 10), "14:30", 3, "Siti Rahmawati", "6471054107880001", "Andi Saputra", "6471050903850001", "6471050101150003"),
        DocumentKind.AktaKematian => new DeathCertificate(Header(kind, "6471-KM-23112026-0001"), "Darmo Wiryo", "6471050101400001", Sex.Male, "Solo",
            new DateOnly(1940, 1, 1), new DateOnly(2026, 11, 20), "03:15", "RSUD Kanujoso Djatiwibowo", "Sakit", "Bambang Wijaya", "Anak"),
        DocumentKind.AktaPerkawinan => new MarriageCertificate(Header(kind, "6471-KW-23112026-0001"),
            new Spouse("Yohanes Pratama", "6471051203950001", "Balikpapan", new DateOnly(1995, 3, 12)),
            new Spouse("Maria Lestari", "6471055506970001", "Samarinda", new DateOnly(1997, 6, 15)),
            new DateOnly(2026, 11, 14), "Gereja Katedral Santo Petrus Balikpapan", "KATOLIK", "Rm. Antonius", "Paulus Hadi", "Agnes Widya"),
        DocumentKind.AktaPerceraian => new DivorceCertificate(Header(kind, "6471-CR-23112026-0001"),
            new Spouse("Yohanes Pratama", "6471051203950001", "Balikpapan", new DateOnly(1995, 3, 12)),
            new Spouse("Maria Lestari", "6471055506970001", "Samarinda", new DateOnly(1997, 6, 15)),
            "Pengadilan Negeri Balikpapan", "123/Pdt.G/2026/PN Bpp", new DateOnly(2026, 10, 1)),
        DocumentKind.KartuKeluarga => new FamilyCard(Header(kind, "6471050101150003"), "6471050101150003", "Andi Saputra", Sepinggan,
        [
            new("Andi Saputra", "6471050903850001", Sex.Male, "Balikpapan", new DateOnly(1985, 3, 9), Religion.Islam, Education.Slta, "Karyawan Swasta", MaritalStatus.Kawin, RelationshipToHead.KepalaKeluarga, Citizenship.Wni),
            new("Siti Rahmawati", "6471054107880001", Sex.Female, "Balikpapan", new DateOnly(1988, 7, 1), Religion.Islam, Education.DiplomaIvStrataI, "Mengurus Rumah Tangga", MaritalStatus.Kawin, RelationshipToHead.Istri, Citizenship.Wni),
            new("Rizky Saputra", "6471051501100001", Sex.Male, "Balikpapan", new DateOnly(2010, 1, 15), Religion.Islam, Education.Sltp, "Pelajar/Mahasiswa", MaritalStatus.BelumKawin, RelationshipToHead.Anak, Citizenship.Wni),
        ]),
        DocumentKind.SuratPindah => new MovingCertificate(Header(kind, "SKPWNI/6471/23112026/0001"), "Andi Saputra", "6471050903850001", "6471050101150003",
            "Andi Saputra", Sepinggan, "KOTA SURABAYA", "Jl. Darmo No. 12, Surabaya", "Pekerjaan", DocumentText.Get("Scope.seluruh"), new DateOnly(2026, 12, 1),
            [new("Andi Saputra", "6471050903850001", RelationshipToHead.KepalaKeluarga), new("Siti Rahmawati", "6471054107880001", RelationshipToHead.Istri)]),
        DocumentKind.Sktt => new ResidenceCertificate(Header(kind, "SKTT/6471/23112026/0001"), "John Michael Smith", Sex.Male, "Perth", new DateOnly(1980, 5, 5),
            "Australia", "PA1234567", "2C21AB1234", new DateOnly(2027, 11, 1), "PT Minyak Kaltim", Sepinggan),
        DocumentKind.Suket => new TemporaryIdCertificate(Header(kind, "SKET/6471/23112026/0001"), "Andi Saputra", "6471050903850001", Sex.Male, "Balikpapan",
            new DateOnly(1985, 3, 9), Religion.Islam, MaritalStatus.Kawin, "Karyawan Swasta", Citizenship.Wni, Sepinggan, DocumentText.Get("Suket.DefaultReason")),
        DocumentKind.PickupReceipt => new PickupReceipt(Header(kind, "TBP/6471/23112026/0001"), "BPN-261123-7K3M9Q", "Akta kelahiran", "Siti Rahmawati",
            "6471054107880001", IssuedAt, [new(DocumentKind.AktaKelahiran, "6471-LT-23112026-0001"), new(DocumentKind.KartuKeluarga, "6471050101150003")]),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
