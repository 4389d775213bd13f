using System.Globalization;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Documents;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;

namespace Adminduk.Domain.Tests.Validation;

public class CivilRegistryRulesTests
{
    private static readonly FormContext Balikpapan = new(new DateOnly(2026, 11, 23), "64.71");
    private static readonly string Husband = NumberComposer.Nik("647105", new DateOnly(1995, 3, 9), Sex.Male, 1);
    private static readonly string Wife = NumberComposer.Nik("647105", new DateOnly(1997, 7, 1), Sex.Female, 1);

    private static FormValidationResult Validate(string service, Dictionary<string, string?> values, params string[] attachments) =>
        FormValidator.Validate(
            ServiceCatalog.Default.Find(service).ShouldNotBeNull(),
            values,
            [.. attachments.Select(a => new AttachmentInput(a, a + ".pdf", 50_000, AttachmentKind.Pdf))],
            Balikpapan);

    private static List<string> Codes(FormValidationResult result) => [.. result.Report.Errors.Select(e => $"{e.Field}:{e.Code}")];

    private static Dictionary<string, string?> Marriage() => new()
    {
        ["husbandNik"] = Husband,
        ["wifeNik"] = Wife,
        ["marriageDate"] = "14-11-2026",
        ["marriagePlace"] = "GKE Imanuel Balikpapan",
        ["religion"] = "Kristen",
        ["officiantName"] = "Pdt. Yohanes Lie",
        ["witness1Name"] = "Markus Tanoto",
        ["witness2Name"] = "Lidya Pangaribuan",
    };

    private static readonly string[] MarriageFiles = ["surat-perkawinan-agama", "kk-suami", "kk-istri", "pasfoto-berdampingan", "ktp-saksi"];

    [Fact]
    public void A_complete_marriage_form_passes()
    {
        var result = Validate("akta-perkawinan", Marriage(), MarriageFiles);
        result.Report.Errors.ShouldBeEmpty();
        result.Values["marriageDate"].ShouldBe("2026-11-14");
    }

    [Fact]
    public void Marriage_needs_two_people_two_witnesses_and_a_non_islamic_ceremony()
    {
        var values = Marriage();
        values["wifeNik"] = Husband;
        values["witness2Name"] = "  markus   TANOTO ";
        values["religion"] = "Islam";
        Codes(Validate("akta-perkawinan", values, MarriageFiles)).ShouldBe(
            ["religion:form.select_invalid", "wifeNik:couple.same_person", "witness2Name:marriage.same_witness"], ignoreOrder: true);
        Codes(Validate("akta-perkawinan", Marriage(), "kk-suami")).ShouldContain("attachments.surat-perkawinan-agama:attachment.required");
    }

    [Theory]
    [InlineData("akta-perceraian", "Pengadilan Negeri Balikpapan", null)]
    [InlineData("akta-perceraian", "Pengadilan Agama Balikpapan", "courtName:divorce.court_is_religious")]
    [InlineData("perceraian-pa", "Pengadilan Agama Balikpapan", null)]
    [InlineData("perceraian-pa", "Mahkamah Syar'iyah Banda Aceh", null)]
    [InlineData("perceraian-pa", "Pengadilan Negeri Balikpapan", "courtName:divorce.court_not_religious")]
    public void A_divorce_names_the_court_of_its_kind(string service, string court, string? expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["husbandNik"] = Husband,
            ["wifeNik"] = Wife,
            ["courtName"] = court,
            ["rulingNumber"] = "123/Pdt.G/2026/PN Bpp",
            ["rulingDate"] = "02-11-2026",
        };
        string[] files = service == "akta-perceraian" ? ["putusan-pengadilan", "akta-perkawinan", "kk"] : ["akta-cerai-pa", "kk"];
        var codes = Codes(Validate(service, values, files));
        if (expected is null)
        {
            codes.ShouldBeEmpty();
        }
        else
        {
            codes.ShouldBe([expected]);
        }
    }

    private static Dictionary<string, string?> Departure() => new()
    {
        ["nik"] = Husband,
        ["kkNumber"] = "6471050101150003",
        ["moveScope"] = "sebagian",
        ["memberNiks"] = $"{Husband}; {Wife}",
        ["destinationRegency"] = "35.78",
        ["destinationAddress"] = "Jl. Darmo No. 5, RT 002/RW 003, Darmo, Wonokromo",
        ["reason"] = "pekerjaan",
        ["moveDate"] = "15-12-2026",
    };

    [Fact]
    public void A_departure_may_be_planned_ahead_and_lists_members_normalised()
    {
        var result = Validate("pindah-keluar", Departure(), "kk", "persetujuan-kepala-keluarga");
        result.Report.Errors.ShouldBeEmpty();
        result.Values["moveDate"].ShouldBe("2026-12-15");
        result.Values["memberNiks"].ShouldBe($"{Husband},{Wife}");
        CivilRegistryRules.MemberNiks(result.Values["memberNiks"]).ShouldBe([Husband, Wife]);
    }

    [Fact]
    public void A_departure_leaves_the_city_and_lists_real_niks_once()
    {
        var values = Departure();
        values["destinationRegency"] = "64.71";
        values["memberNiks"] = $"{Husband}, 12345, {Husband}";
        values["moveDate"] = "10-03-2027";
        Codes(Validate("pindah-keluar", values, "kk", "persetujuan-kepala-keluarga")).ShouldBe(
            ["destinationRegency:move.destination_in_city", "memberNiks:move.member_nik_invalid", "memberNiks:move.member_nik_twice", "moveDate:move.date_too_far"],
            ignoreOrder: true);

        var unknown = Departure();
        unknown["destinationRegency"] = "99.99";
        Codes(Validate("pindah-keluar", unknown, "kk", "persetujuan-kepala-keluarga")).ShouldBe(["destinationRegency:form.regency_unknown"]);

        var noMembers = Departure();
        noMembers.Remove("memberNiks");
        Codes(Validate("pindah-keluar", noMembers, "kk")).ShouldBe(
            ["memberNiks:form.required", "attachments.persetujuan-kepala-keluarga:attachment.required"], ignoreOrder: true);

        // The whole household moves: a member list is dropped rather than contradicting the scope.
        var whole = Departure();
        whole["moveScope"] = "seluruh";
        var result = Validate("pindah-keluar", whole, "kk");
        result.Report.Errors.ShouldBeEmpty();
        result.Values.ContainsKey("memberNiks").ShouldBeFalse();
    }

    private static Dictionary<string, string?> Sktt() => new()
    {
        ["fullName"] = "Emily Jane Carter",
        ["sex"] = "Female",
        ["birthDate"] = "12-05-1988",
        ["birthPlace"] = "Perth",
        ["nationality"] = "Australian",
        ["passportNumber"] = "pa 1234567",
        ["permitType"] = "kitas",
        ["kitasNumber"] = "2c21jd1234-ab",
        ["kitasExpiry"] = "30-06-2027",
        ["sponsorName"] = "PT Kaltim Energi Nusantara",
        ["address"] = "Jl. Jenderal Sudirman No. 12",
        ["kelurahan"] = "64.71.05.1002",
        ["rw"] = "1",
        ["rt"] = "1",
    };

    private static readonly string[] SkttFiles = ["paspor", "kitas", "surat-sponsor", "pasfoto"];

    [Fact]
    public void Sktt_normalises_passport_and_kitas_numbers()
    {
        var result = Validate("sktt", Sktt(), SkttFiles);
        result.Report.Errors.ShouldBeEmpty();
        result.Values["passportNumber"].ShouldBe("PA1234567");
        result.Values["kitasNumber"].ShouldBe("2C21JD1234-AB");
        result.Values["kitasExpiry"].ShouldBe("2027-06-30");
    }

    [Fact]
    public void Sktt_is_for_a_kitas_that_has_not_expired_and_sends_kitap_holders_elsewhere()
    {
        var values = Sktt();
        values["permitType"] = "kitap";
        values["passportNumber"] = "12/34";
        values["kitasNumber"] = "KT 1";
        values["kitasExpiry"] = "23-11-2026";
        values["kelurahan"] = "35.78.01.1001";
        var result = Validate("sktt", values, SkttFiles);
        Codes(result).ShouldBe(
            ["permitType:sktt.kitap", "passportNumber:sktt.passport_invalid", "kitasNumber:sktt.kitas_invalid", "kitasExpiry:form.date_not_future", "kelurahan:form.kelurahan_unknown"],
            ignoreOrder: true);
        var kitap = result.Report.Errors.Single(e => e.Code == "sktt.kitap").Message;
        kitap.Id.ShouldContain("Daftarkan kedatangan");
        kitap.En.ShouldContain("register your arrival");
    }

    [Fact]
    public void Legalisir_of_an_electronic_document_is_refused_with_the_verification_page()
    {
        var values = new Dictionary<string, string?>
        {
            ["nik"] = Husband,
            ["documentKind"] = "akta-kelahiran",
            ["documentNumber"] = "6471-LT-23112026-0001",
            ["issuedElectronically"] = "ya",
            ["copies"] = "2",
        };
        var error = Validate("legalisir", values, "dokumen").Report.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("legalisir.electronic");
        error.Message.Id.ShouldContain("Permendagri 109/2019");
        error.Message.Id.ShouldContain("/verify/{kode}");
        error.Message.En.ShouldContain("/verify/{code}");

        values["issuedElectronically"] = "tidak";
        Validate("legalisir", values, "dokumen").Report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Reissue_asks_for_the_police_report_only_when_lost()
    {
        var values = new Dictionary<string, string?> { ["nik"] = Husband, ["aktaKind"] = "kelahiran", ["reason"] = "hilang" };
        Codes(Validate("akta-terbit-ulang", values, "kk")).ShouldBe(
            ["policeReportNumber:form.required", "attachments.surat-kehilangan:attachment.required"], ignoreOrder: true);
        values["reason"] = "rusak";
        Codes(Validate("akta-terbit-ulang", values, "kk")).ShouldBe(["attachments.akta-rusak:attachment.required"]);
        Validate("akta-terbit-ulang", values, "kk", "akta-rusak").Report.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Date_fields_say_which_side_of_today_they_accept()
    {
        var departure = ServiceCatalog.Default.Find("pindah-keluar")!;
        departure.Field("moveDate")!.Dates.ShouldBe(DateRange.Any);
        ServiceCatalog.Default.Find("sktt")!.Field("kitasExpiry")!.Dates.ShouldBe(DateRange.Future);
        ServiceCatalog.Default.Find("akta-perkawinan")!.Field("marriageDate")!.Dates.ShouldBe(DateRange.Past);

        var future = Marriage();
        future["marriageDate"] = "24-11-2026";
        Codes(Validate("akta-perkawinan", future, MarriageFiles)).ShouldBe(["marriageDate:form.date_future"]);
    }

    [Fact]
    public void The_services_issue_the_documents_of_the_conventions()
    {
        DocumentKind[] Docs(string code) => [.. ServiceCatalog.Default.Find(code)!.Documents];
        Docs("akta-perkawinan").ShouldBe([DocumentKind.AktaPerkawinan, DocumentKind.KartuKeluarga]);
        Docs("perkawinan-kua").ShouldBe([DocumentKind.KartuKeluarga]);
        Docs("akta-perceraian").ShouldBe([DocumentKind.AktaPerceraian, DocumentKind.KartuKeluarga]);
        Docs("perceraian-pa").ShouldBe([DocumentKind.KartuKeluarga]);
        Docs("pindah-keluar").ShouldBe([DocumentKind.SuratPindah]);
        Docs("pindah-dalam-kota").ShouldBe([DocumentKind.KartuKeluarga]);
        Docs("sktt").ShouldBe([DocumentKind.Sktt]);
        Docs("akta-terbit-ulang").ShouldBeEmpty();
        Docs("legalisir").ShouldBeEmpty();
        ServiceCatalog.Default.Find("sktt")!.Eligibility.ShouldBe(Eligibility.Foreigner);
        ServiceCatalog.Default.Find("legalisir")!.InPersonStep.ShouldBe(InPersonStep.BringOriginal);
    }

    [Fact]
    public void Every_rule_message_exists_in_both_languages()
    {
        string[] codes = ["couple.same_person", "marriage.same_witness", "divorce.court_is_religious", "divorce.court_not_religious",
            "move.destination_in_city", "move.member_nik_invalid", "move.member_nik_twice", "move.date_too_far",
            "sktt.kitap", "sktt.passport_invalid", "sktt.kitas_invalid", "legalisir.electronic"];
        foreach (var code in codes)
        {
            CivilRegistryRules.TemplateWithoutFallback(code, CultureInfo.GetCultureInfo("id")).ShouldNotBeNullOrWhiteSpace(code);
            CivilRegistryRules.TemplateWithoutFallback(code, CultureInfo.GetCultureInfo("en")).ShouldNotBeNullOrWhiteSpace(code);
        }

        FormMessages.TemplateWithoutFallback("form.date_not_future", CultureInfo.GetCultureInfo("en")).ShouldNotBeNullOrWhiteSpace();
    }
}
