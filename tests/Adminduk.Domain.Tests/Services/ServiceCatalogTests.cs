using Adminduk.Domain.Documents;
using Adminduk.Domain.Services;

namespace Adminduk.Domain.Tests.Services;

public class ServiceCatalogTests
{
    private static readonly ServiceCatalog Catalog = ServiceCatalog.Default;

    [Fact]
    public void The_flagship_services_are_in_the_catalogue()
    {
        string[] flagship = ["kk-perubahan", "akta-kelahiran", "ktp-penggantian", "kedatangan"];
        Catalog.Services.Select(s => s.Code).Intersect(flagship).ShouldBe(flagship, ignoreOrder: true);
        Catalog.Services.ShouldAllBe(s => s.Title.Id.Length > 0 && s.Title.En.Length > 0 && s.Description.Id.Length > 0);
    }

    [Fact]
    public void Every_field_and_attachment_has_both_languages()
    {
        foreach (var s in Catalog.Services)
        {
            s.Fields.ShouldAllBe(f => f.Label.Id.Length > 0 && f.Label.En.Length > 0);
            s.Attachments.ShouldAllBe(a => a.Title.Id.Length > 0 && a.Title.En.Length > 0);
            s.Fields.SelectMany(f => f.Options).ShouldAllBe(o => o.Label.Id.Length > 0 && o.Label.En.Length > 0);
        }
    }

    [Fact]
    public void Lost_card_needs_the_police_report_only_when_lost()
    {
        var ktp = Catalog.Find("ktp-penggantian").ShouldNotBeNull();
        var report = ktp.Attachments.Single(a => a.Code == "surat-kehilangan");
        report.IsRequired(new Dictionary<string, string?> { ["reason"] = "hilang" }).ShouldBeTrue();
        report.IsRequired(new Dictionary<string, string?> { ["reason"] = "rusak" }).ShouldBeFalse();
        ktp.Field("policeReportNumber")!.IsRequired(new Dictionary<string, string?> { ["reason"] = "hilang" }).ShouldBeTrue();
    }

    [Fact]
    public void Filled_change_fields_require_their_documents()
    {
        var kk = Catalog.Find("kk-perubahan").ShouldNotBeNull();
        var diploma = kk.Attachments.Single(a => a.Code == "ijazah");
        diploma.IsRequired(new Dictionary<string, string?> { ["newEducation"] = "Slta" }).ShouldBeTrue();
        diploma.IsRequired(new Dictionary<string, string?> { ["newEducation"] = " " }).ShouldBeFalse();
        diploma.IsRequired(new Dictionary<string, string?>()).ShouldBeFalse();
    }

    [Fact]
    public void Arrivals_are_for_newcomers_and_keep_their_nik()
    {
        var arrival = Catalog.Find("kedatangan").ShouldNotBeNull();
        arrival.Eligibility.ShouldBe(Eligibility.Newcomer);
        arrival.Field("nik")!.Type.ShouldBe(FieldType.Nik);
        arrival.Field("originRegency")!.Type.ShouldBe(FieldType.Regency);
    }

    [Fact]
    public void Civil_status_moving_and_foreigner_services_are_listed_in_catalogue_order()
    {
        Catalog.Services.Select(s => s.Code).Where(c => c is "akta-perkawinan" or "perkawinan-kua" or "akta-perceraian" or "perceraian-pa"
                or "pindah-keluar" or "pindah-dalam-kota" or "sktt" or "akta-terbit-ulang" or "legalisir")
            .ShouldBe(["akta-perkawinan", "perkawinan-kua", "akta-perceraian", "perceraian-pa", "pindah-keluar", "pindah-dalam-kota", "sktt", "akta-terbit-ulang", "legalisir"]);
        Catalog.Services.ShouldAllBe(s => s.Description.En.Length > 0 && s.Fields.All(f => f.Help == null || f.Help.En.Length > 0));
    }

    [Fact]
    public void Household_and_death_services_issue_their_documents_and_name_their_fields_as_agreed()
    {
        Catalog.Find("ktp-baru")!.InPersonStep.ShouldBe(InPersonStep.Recording);
        Catalog.Find("ktp-baru")!.Documents.ShouldBeEmpty();
        Catalog.Find("akta-kematian")!.Documents.ShouldBe([DocumentKind.AktaKematian, DocumentKind.KartuKeluarga]);
        foreach (var code in new[] { "kk-perubahan", "kk-tambah-anggota", "kk-pisah", "kk-cetak-ulang", "kk-hilang" })
        {
            Catalog.Find(code)!.Documents.ShouldBe([DocumentKind.KartuKeluarga], code);
        }

        string[] Names(string code) => [.. Catalog.Find(code)!.Fields.Select(f => f.Name)];
        Names("kk-tambah-anggota").ShouldBe(["kkNumber", "headNik", "memberNik", "relationship"]);
        Names("kk-pisah").ShouldBe(["kkNumber", "nik", "newHeadNik", "memberNiks", "kelurahan", "rw", "rt", "address"]);
        Names("kk-cetak-ulang").ShouldBe(["nik", "kkNumber", "reason"]);
        Names("kk-hilang").ShouldBe(["nik", "kkNumber", "policeReportNumber"]);
        Names("akta-kematian").ShouldBe(["nik", "kkNumber", "deathDate", "deathTime", "deathPlace", "deathCause", "reporterNik", "reporterRelation", "newHeadNik"]);
        Catalog.Find("kk-pisah")!.Field("memberNiks")!.Type.ShouldBe(FieldType.NikList);
    }

    [Fact]
    public void A_lost_kk_always_needs_the_police_report_and_a_reprint_the_damaged_card()
    {
        Catalog.Find("kk-hilang")!.Attachments.Single(a => a.Code == "surat-kehilangan").Required.ShouldBeTrue();
        var reprint = Catalog.Find("kk-cetak-ulang")!;
        reprint.Attachments.Single(a => a.Code == "kk-rusak").IsRequired(new Dictionary<string, string?> { ["reason"] = "rusak" }).ShouldBeTrue();
        reprint.Attachments.Single(a => a.Code == "kk-rusak").IsRequired(new Dictionary<string, string?> { ["reason"] = "tte" }).ShouldBeFalse();
    }

    [Fact]
    public void Unknown_codes_are_not_found() => Catalog.Find("ktp-palsu").ShouldBeNull();

    [Theory]
    [InlineData("""[{"code":"a","title":{"id":"x","en":"x"},"description":{"id":"x","en":"x"},"eligibility":"Newcomer"},{"code":"a","title":{"id":"x","en":"x"},"description":{"id":"x","en":"x"},"eligibility":"Newcomer"}]""", "twice")]
    [InlineData("""[{"code":"a","title":{"id":"x","en":"x"},"description":{"id":"x","en":"x"},"eligibility":"Newcomer","fields":[{"name":"s","type":"Select","label":{"id":"x","en":"x"}}]}]""", "no options")]
    [InlineData("""[{"code":"a","title":{"id":"x","en":"x"},"description":{"id":"x","en":"x"},"eligibility":"Newcomer","attachments":[{"code":"d","title":{"id":"x","en":"x"},"requiredWhen":{"field":"missing"}}]}]""", "unknown field")]
    public void Inconsistent_catalogues_are_refused(string json, string message) =>
        Should.Throw<InvalidOperationException>(() => ServiceCatalog.Parse(json)).Message.ShouldContain(message);
}
