using Adminduk.Domain.Services;

namespace Adminduk.Domain.Tests.Services;

public class ServiceCatalogTests
{
    private static readonly ServiceCatalog Catalog = ServiceCatalog.Default;

    [Fact]
    public void The_flagship_services_are_in_the_catalogue()
    {
        Catalog.Services.Select(s => s.Code).ShouldBe(["kk-perubahan", "akta-kelahiran", "ktp-penggantian", "kedatangan", "ktp-baru"], ignoreOrder: true);
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
    public void Unknown_codes_are_not_found() => Catalog.Find("ktp-palsu").ShouldBeNull();

    [Theory]
    [InlineData("""[{"code":"a","title":{"id":"x","en":"x"},"description":{"id":"x","en":"x"},"eligibility":"Newcomer"},{"code":"a","title":{"id":"x","en":"x"},"description":{"id":"x","en":"x"},"eligibility":"Newcomer"}]""", "twice")]
    [InlineData("""[{"code":"a","title":{"id":"x","en":"x"},"description":{"id":"x","en":"x"},"eligibility":"Newcomer","fields":[{"name":"s","type":"Select","label":{"id":"x","en":"x"}}]}]""", "no options")]
    [InlineData("""[{"code":"a","title":{"id":"x","en":"x"},"description":{"id":"x","en":"x"},"eligibility":"Newcomer","attachments":[{"code":"d","title":{"id":"x","en":"x"},"requiredWhen":{"field":"missing"}}]}]""", "unknown field")]
    public void Inconsistent_catalogues_are_refused(string json, string message) =>
        Should.Throw<InvalidOperationException>(() => ServiceCatalog.Parse(json)).Message.ShouldContain(message);
}
