using System.Globalization;
using Adminduk.Domain.Validation;

namespace Adminduk.Domain.Tests.Validation;

public class ValidationReportTests
{
    private static readonly LocalizedText WrongDate = new("Tanggal lahir tidak sesuai data kependudukan.", "The birth date does not match the register.");

    [Fact]
    public void Errors_and_warnings_are_kept_apart_per_field()
    {
        var report = new ValidationReport()
            .Error("birthDate", "register.birthdate_mismatch", WrongDate)
            .Error("nik", "nik.length", new("NIK harus 16 angka.", "A NIK has 16 digits."))
            .Warning("nik", "nik.birthdate_differs", new("Tanggal lahir berbeda dengan NIK.", "The birth date differs from the NIK."));

        report.IsValid.ShouldBeFalse();
        report.Errors.Count().ShouldBe(2);
        report.Warnings.Single().Code.ShouldBe("nik.birthdate_differs");
        report.HasErrorFor("birthDate").ShouldBeTrue();
        report.HasErrorFor("address").ShouldBeFalse();

        var errors = report.ToDictionary(Severity.Error, CultureInfo.GetCultureInfo("id-ID"));
        errors.Keys.Order().ShouldBe(["birthDate", "nik"]);
        errors["birthDate"].ShouldBe([WrongDate.Id]);
        report.ToDictionary(Severity.Warning, CultureInfo.GetCultureInfo("en-US"))["nik"].ShouldBe(["The birth date differs from the NIK."]);
    }

    [Fact]
    public void Warnings_alone_are_valid() =>
        new ValidationReport().Warning("nik", "x", WrongDate).IsValid.ShouldBeTrue();
}
