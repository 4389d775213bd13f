using Adminduk.Domain.Documents;
using Adminduk.Domain.Services;

namespace Adminduk.Domain.Tests.Services;

public class DocumentFromFieldTests
{
    private const string Reissue = """
        [{"code":"akta-terbit-ulang","title":{"id":"x","en":"x"},"description":{"id":"x","en":"x"},"eligibility":"RegisteredResident",
          "documents":[],
          "documentFromField":{"field":"aktaKind","map":{"kelahiran":"AktaKelahiran","kematian":"AktaKematian"}},
          "fields":[{"name":"aktaKind","type":"Select","label":{"id":"x","en":"x"},"required":true,
            "options":[{"value":"kelahiran","label":{"id":"x","en":"x"}},{"value":"kematian","label":{"id":"x","en":"x"}}]}]}]
        """;

    [Fact]
    public void The_fields_value_chooses_the_document()
    {
        var service = ServiceCatalog.Parse(Reissue).Services.Single();

        service.DocumentFromField.ShouldNotBeNull().Field.ShouldBe("aktaKind");
        service.DocumentsFor(new Dictionary<string, string?> { ["aktaKind"] = "kematian" }).ShouldBe([DocumentKind.AktaKematian]);
        service.DocumentsFor(new Dictionary<string, string?> { ["aktaKind"] = " kelahiran " }).ShouldBe([DocumentKind.AktaKelahiran]);
        service.DocumentsFor(new Dictionary<string, string?> { ["aktaKind"] = "perkawinan" }).ShouldBeEmpty();
        service.DocumentsFor(new Dictionary<string, string?>()).ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_field_choice_the_listed_documents_are_issued()
    {
        var birth = ServiceCatalog.Default.Find("akta-kelahiran").ShouldNotBeNull();

        birth.DocumentFromField.ShouldBeNull();
        birth.DocumentsFor(new Dictionary<string, string?>()).ShouldBe([DocumentKind.AktaKelahiran, DocumentKind.KartuKeluarga]);
    }

    [Fact]
    public void Every_catalogue_document_is_a_known_kind()
    {
        foreach (var service in ServiceCatalog.Default.Services)
        {
            service.Documents.ShouldAllBe(k => Enum.IsDefined(k));
            service.DocumentFromField?.Map.Values.ShouldAllBe(k => Enum.IsDefined(k));
        }
    }

    [Theory]
    [InlineData("\"field\":\"missing\",\"map\":{\"kelahiran\":\"AktaKelahiran\"}", "unknown field 'missing'")]
    [InlineData("\"field\":\"aktaKind\",\"map\":{}", "empty map")]
    [InlineData("\"field\":\"aktaKind\",\"map\":{\"kelahiran\":\"AktaKelahiran\",\"lain\":\"AktaKematian\"}", "'lain' is not an option")]
    [InlineData("\"field\":\"aktaKind\",\"map\":{\"kelahiran\":\"AktaKelahiran\"}", "option 'kematian' of 'aktaKind' has no document")]
    public void Inconsistent_choices_are_refused(string documentFromField, string message)
    {
        var json = Reissue.Replace(
            "\"field\":\"aktaKind\",\"map\":{\"kelahiran\":\"AktaKelahiran\",\"kematian\":\"AktaKematian\"}", documentFromField, StringComparison.Ordinal);

        Should.Throw<InvalidOperationException>(() => ServiceCatalog.Parse(json)).Message.ShouldContain(message);
    }

    [Fact]
    public void An_unknown_kind_name_does_not_load() =>
        Should.Throw<System.Text.Json.JsonException>(() => ServiceCatalog.Parse(Reissue.Replace("\"AktaKematian\"", "\"AktaPalsu\"", StringComparison.Ordinal)));
}
