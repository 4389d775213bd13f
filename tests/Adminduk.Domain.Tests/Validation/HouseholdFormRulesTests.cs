using System.Globalization;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;

namespace Adminduk.Domain.Tests.Validation;

public class HouseholdFormRulesTests
{
    private const string Head = "6471050903850001";
    private const string Wife = "6471054107880001";
    private const string Son = "6471051501980001";
    private static readonly FormContext Balikpapan = new(new DateOnly(2026, 11, 23), "64.71");
    private static readonly ServiceDefinition Split = ServiceCatalog.Default.Find("kk-pisah")!;
    private static readonly ServiceDefinition AddMember = ServiceCatalog.Default.Find("kk-tambah-anggota")!;
    private static readonly ServiceDefinition Death = ServiceCatalog.Default.Find("akta-kematian")!;

    private static AttachmentInput File(string code) => new(code, code + ".pdf", 1000, AttachmentKind.Pdf);

    private static Dictionary<string, string?> SplitForm(string members, string newHead = Son) => new()
    {
        ["kkNumber"] = "6471050101150003",
        ["nik"] = Son,
        ["newHeadNik"] = newHead,
        ["memberNiks"] = members,
        ["kelurahan"] = "64.71.05.1002",
        ["rw"] = "3",
        ["rt"] = "12",
        ["address"] = "Jl. Ruhui Rahayu No. 2",
    };

    private static List<(string Field, string Code)> Errors(ServiceDefinition service, Dictionary<string, string?> values, params AttachmentInput[] files) =>
        [.. FormValidator.Validate(service, values, files, Balikpapan).Report.Errors.Select(e => (e.Field, e.Code))];

    [Fact]
    public void A_nik_list_is_split_on_commas_and_spaces_and_stored_as_comma_separated_digits()
    {
        var result = FormValidator.Validate(Split, SplitForm($" {Son},{Wife} ;\n 6471050101240001 "), [File("kk-lama"), File("surat-pengantar-rt")], Balikpapan);
        result.Report.Errors.ShouldBeEmpty();
        result.Values["memberNiks"].ShouldBe($"{Son},{Wife},6471050101240001");
    }

    [Fact]
    public void Each_wrong_or_repeated_nik_in_a_list_is_named()
    {
        var report = FormValidator.Validate(Split, SplitForm($"{Son}, 64710515019800, {Wife}, {Wife}"), [File("kk-lama"), File("surat-pengantar-rt")], Balikpapan).Report;
        var entry = report.Errors.Single(e => e.Code == "form.nik_list_entry");
        entry.Field.ShouldBe("memberNiks");
        entry.Message.Id.ShouldStartWith("NIK semua anggota yang pindah ke KK baru: NIK ke-2 (64710515019800) salah.");
        entry.Message.En.ShouldStartWith("NIKs of everyone moving to the new family card: NIK number 2 (64710515019800) is wrong.");
        report.Errors.Single(e => e.Code == "form.nik_list_duplicate").Message.Id.ShouldContain(Wife);
        Errors(Split, SplitForm(" , ; ")).ShouldContain(("memberNiks", "form.required"));
    }

    [Fact]
    public void The_new_head_must_be_among_those_leaving()
    {
        Errors(Split, SplitForm(Wife), File("kk-lama"), File("surat-pengantar-rt")).ShouldBe([("newHeadNik", "household.head_not_leaving")]);
    }

    [Theory]
    [InlineData("Istri", true)]
    [InlineData("Anak", true)]
    [InlineData("OrangTua", false)]
    [InlineData("Pembantu", false)]
    public void Spouses_and_children_need_proof_of_the_relationship(string relationship, bool needsProof)
    {
        var values = new Dictionary<string, string?> { ["kkNumber"] = "6471050101150003", ["headNik"] = Head, ["memberNik"] = Wife, ["relationship"] = relationship };
        var errors = Errors(AddMember, values, File("kk-tujuan"), File("persetujuan-kepala-keluarga"));
        errors.Contains(("attachments.bukti-hubungan", "attachment.required")).ShouldBe(needsProof);
        Errors(AddMember, values, File("kk-tujuan"), File("persetujuan-kepala-keluarga"), File("bukti-hubungan")).ShouldBeEmpty();
    }

    [Fact]
    public void The_member_to_add_is_not_the_head()
    {
        var values = new Dictionary<string, string?> { ["kkNumber"] = "6471050101150003", ["headNik"] = Head, ["memberNik"] = Head, ["relationship"] = "Lainnya" };
        Errors(AddMember, values, File("kk-tujuan"), File("persetujuan-kepala-keluarga")).ShouldBe([("memberNik", "household.member_is_head")]);
    }

    [Fact]
    public void The_deceased_is_neither_the_reporter_nor_the_new_head()
    {
        var values = new Dictionary<string, string?>
        {
            ["nik"] = Head,
            ["kkNumber"] = "6471050101150003",
            ["deathDate"] = "20-11-2026",
            ["deathTime"] = "23.15",
            ["deathPlace"] = "RSUD Beriman Balikpapan",
            ["deathCause"] = "sakit",
            ["reporterNik"] = Head,
            ["reporterRelation"] = "anak",
            ["newHeadNik"] = Head,
        };
        var errors = Errors(Death, values, File("surat-kematian"), File("kk-almarhum"));
        errors.ShouldBe([("reporterNik", "death.reporter_is_deceased"), ("newHeadNik", "death.new_head_is_deceased")], ignoreOrder: true);

        values["reporterNik"] = Wife;
        values["newHeadNik"] = Wife;
        var ok = FormValidator.Validate(Death, values, [File("surat-kematian"), File("kk-almarhum")], Balikpapan);
        ok.Report.Errors.ShouldBeEmpty();
        ok.Values["deathTime"].ShouldBe("23:15");
        ok.Values["deathDate"].ShouldBe("2026-11-20");
    }

    [Fact]
    public void Every_rule_message_exists_in_both_languages()
    {
        foreach (var code in new[] { "household.member_is_head", "household.head_not_leaving", "death.reporter_is_deceased", "death.new_head_is_deceased" })
        {
            HouseholdFormRules.TemplateWithoutFallback(code, CultureInfo.GetCultureInfo("id")).ShouldNotBeNullOrWhiteSpace(code);
            HouseholdFormRules.TemplateWithoutFallback(code, CultureInfo.GetCultureInfo("en")).ShouldNotBeNullOrWhiteSpace(code);
        }

        foreach (var code in new[] { "form.nik_list_entry", "form.nik_list_duplicate" })
        {
            FormMessages.TemplateWithoutFallback(code, CultureInfo.GetCultureInfo("id")).ShouldNotBeNullOrWhiteSpace(code);
            FormMessages.TemplateWithoutFallback(code, CultureInfo.GetCultureInfo("en")).ShouldNotBeNullOrWhiteSpace(code);
        }
    }
}
