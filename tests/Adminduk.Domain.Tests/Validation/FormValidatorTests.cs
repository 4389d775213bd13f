using System.Globalization;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;

namespace Adminduk.Domain.Tests.Validation;

public class FormValidatorTests
{
    private static readonly FormContext Balikpapan = new(new DateOnly(2026, 11, 23), "64.71");
    private static readonly ServiceDefinition Ktp = ServiceCatalog.Default.Find("ktp-penggantian")!;
    private static readonly ServiceDefinition Arrival = ServiceCatalog.Default.Find("kedatangan")!;
    private static readonly ServiceDefinition Birth = ServiceCatalog.Default.Find("akta-kelahiran")!;
    private static readonly AttachmentInput PoliceReport = new("surat-kehilangan", "laporan.pdf", 120_000, AttachmentKind.Pdf);

    private static Dictionary<string, string?> LostCard() => new()
    {
        ["nik"] = "6471054107900001",
        ["kkNumber"] = "6471050101150003",
        ["birthDate"] = "01-07-1990",
        ["reason"] = "hilang",
        ["policeReportNumber"] = "LP/123/XI/2026",
    };

    [Fact]
    public void A_complete_lost_card_form_is_valid_and_normalised()
    {
        var values = LostCard();
        values["nik"] = " 6471054107900001 ";
        var result = FormValidator.Validate(Ktp, values, [PoliceReport], Balikpapan);
        result.Report.Errors.ShouldBeEmpty();
        result.Values["nik"].ShouldBe("6471054107900001");
        result.Values["birthDate"].ShouldBe("1990-07-01");
    }

    [Fact]
    public void Every_problem_is_reported_at_once_per_field()
    {
        var values = new Dictionary<string, string?>
        {
            ["nik"] = "64710541079",
            ["kkNumber"] = "",
            ["birthDate"] = "31-02-1990",
            ["reason"] = "hilang",
        };
        var result = FormValidator.Validate(Ktp, values, [], Balikpapan);
        var codes = result.Report.Errors.Select(e => (e.Field, e.Code)).ToList();
        codes.ShouldContain(("nik", "nik.length"));
        codes.ShouldContain(("kkNumber", "form.required"));
        codes.ShouldContain(("birthDate", "form.date_invalid"));
        codes.ShouldContain(("policeReportNumber", "form.required"));
        codes.ShouldContain(("attachments.surat-kehilangan", "attachment.required"));
        result.Report.Errors.Single(e => e.Field == "kkNumber").Message.Id.ShouldBe("Nomor KK wajib diisi.");
        result.Report.Errors.Single(e => e.Field == "kkNumber").Message.En.ShouldBe("Family card (KK) number is required.");
    }

    [Fact]
    public void Conditional_fields_are_not_required_for_other_choices()
    {
        var values = LostCard();
        values["reason"] = "rusak";
        values.Remove("policeReportNumber");
        var result = FormValidator.Validate(Ktp, values, [new("ktp-rusak", "ktp.jpg", 50_000, AttachmentKind.Jpeg)], Balikpapan);
        result.Report.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("24-11-2026", "form.date_future")]
    [InlineData("1899-12-31", "form.date_too_old")]
    [InlineData("kemarin", "form.date_invalid")]
    [InlineData("29-02-2025", "form.date_invalid")]
    public void Dates_must_be_real_and_plausible(string typed, string code)
    {
        var values = LostCard();
        values["birthDate"] = typed;
        FormValidator.Validate(Ktp, values, [PoliceReport], Balikpapan).Report.Errors.Single().Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("17-08-1990")]
    [InlineData("17/08/1990")]
    [InlineData("1990-08-17")]
    [InlineData("17.08.1990")]
    public void Dates_are_read_in_the_forms_people_type(string typed) =>
        FormValidator.ParseDate(typed).ShouldBe(new DateOnly(1990, 8, 17));

    [Fact]
    public void Select_values_must_be_options_and_unknown_fields_are_refused()
    {
        var values = LostCard();
        values["reason"] = "dicuri";
        values["role"] = "admin";
        var errors = FormValidator.Validate(Ktp, values, [PoliceReport], Balikpapan).Report.Errors.Select(e => (e.Field, e.Code)).ToList();
        errors.ShouldContain(("reason", "form.select_invalid"));
        errors.ShouldContain(("role", "form.unknown_field"));
    }

    [Fact]
    public void A_nik_warning_does_not_block()
    {
        var values = LostCard();
        values["nik"] = "6404054107900001"; // an old Kalimantan Timur prefix, now Kalimantan Utara
        var report = FormValidator.Validate(Ktp, values, [PoliceReport], Balikpapan).Report;
        report.IsValid.ShouldBeTrue();
        report.Warnings.ShouldContain(w => w.Field == "nik");
    }

    private static Dictionary<string, string?> ArrivalForm() => new()
    {
        ["nik"] = "3578010101900001",
        ["fullName"] = "Budi Santoso",
        ["birthDate"] = "1990-01-01",
        ["birthPlace"] = "Surabaya",
        ["religion"] = "Islam",
        ["maritalStatus"] = "BelumKawin",
        ["education"] = "Slta",
        ["originRegency"] = "3578",
        ["skpwniNumber"] = "SKPWNI/3578/2026/0001",
        ["destinationKelurahan"] = "64.71.05.1002",
        ["rw"] = "3",
        ["rt"] = "12",
        ["address"] = "Jl. MT Haryono No. 5",
        ["kkOption"] = "kk-baru",
    };

    [Fact]
    public void Arrival_regions_are_normalised()
    {
        var result = FormValidator.Validate(Arrival, ArrivalForm(), [new("skpwni", "skpwni.pdf", 10, AttachmentKind.Pdf)], Balikpapan);
        result.Report.Errors.ShouldBeEmpty();
        result.Values["originRegency"].ShouldBe("35.78");
        result.Values["rw"].ShouldBe("3");
    }

    [Theory]
    [InlineData("originRegency", "99.99", "form.regency_unknown")]
    [InlineData("originRegency", "35.78.01", "form.regency_unknown")]
    [InlineData("destinationKelurahan", "16.71.01.1001", "form.kelurahan_unknown")]
    [InlineData("destinationKelurahan", "64.71.05", "form.kelurahan_unknown")]
    [InlineData("rt", "0", "form.number_invalid")]
    [InlineData("rt", "1000", "form.number_invalid")]
    [InlineData("rt", "-1", "form.number_invalid")]
    [InlineData("rw", "tiga", "form.number_invalid")]
    [InlineData("kkOption", "gabung-kk", "form.required")]
    public void Arrival_rules(string field, string value, string code)
    {
        var values = ArrivalForm();
        values[field] = value;
        var errors = FormValidator.Validate(Arrival, values, [new("skpwni", "s.pdf", 10, AttachmentKind.Pdf), new("persetujuan-kepala-keluarga", "p.pdf", 10, AttachmentKind.Pdf)], Balikpapan).Report.Errors;
        errors.ShouldContain(e => e.Code == code, string.Join(", ", errors.Select(e => e.Code)));
    }

    [Fact]
    public void Birth_time_must_be_a_time()
    {
        var values = new Dictionary<string, string?> { ["childBirthTime"] = "25:61" };
        FormValidator.Validate(Birth, values, [], Balikpapan).Report.Errors.ShouldContain(e => e.Field == "childBirthTime" && e.Code == "form.time_invalid");
    }

    [Fact]
    public void Attachments_are_checked_by_kind_and_size()
    {
        var files = new List<AttachmentInput>
        {
            new("surat-kehilangan", "laporan.jpg", 100, null),
            new("ktp-rusak", "big.png", AttachmentRules.MaxFileBytes + 1, AttachmentKind.Png),
            new("suket", "empty.pdf", 0, AttachmentKind.Pdf),
            new("selfie-admin", "x.png", 10, AttachmentKind.Png),
        };
        var errors = FormValidator.Validate(Ktp, LostCard(), files, Balikpapan).Report.Errors.Select(e => (e.Field, e.Code)).ToList();
        errors.ShouldContain(("attachments.surat-kehilangan", "attachment.type"));
        errors.ShouldContain(("attachments.ktp-rusak", "attachment.too_large"));
        errors.ShouldContain(("attachments.suket", "attachment.empty"));
        errors.ShouldContain(("attachments.selfie-admin", "attachment.unknown"));
    }

    [Fact]
    public void The_whole_application_is_limited_to_10_MB()
    {
        var files = Enumerable.Range(0, 6).Select(_ => new AttachmentInput("surat-kehilangan", "a.pdf", AttachmentRules.MaxFileBytes, AttachmentKind.Pdf)).ToList();
        var error = FormValidator.Validate(Ktp, LostCard(), files, Balikpapan).Report.Errors.Single();
        error.Code.ShouldBe("attachment.total_too_large");
        error.Message.Id.ShouldContain("12,0 MB");
        error.Message.En.ShouldContain("12.0 MB");
    }

    [Fact]
    public void Every_message_exists_in_both_languages()
    {
        string[] codes = ["form.required", "form.too_long", "form.date_invalid", "form.date_future", "form.date_too_old", "form.time_invalid",
            "form.select_invalid", "form.number_invalid", "form.email_invalid", "form.regency_unknown", "form.kelurahan_unknown", "form.unknown_field",
            "attachment.required", "attachment.unknown", "attachment.type", "attachment.too_large", "attachment.total_too_large", "attachment.empty"];
        foreach (var code in codes)
        {
            FormMessages.TemplateWithoutFallback(code, CultureInfo.GetCultureInfo("id")).ShouldNotBeNullOrWhiteSpace(code);
            FormMessages.TemplateWithoutFallback(code, CultureInfo.GetCultureInfo("en")).ShouldNotBeNullOrWhiteSpace(code);
        }
    }
}
