using Adminduk.Domain.Numbers;
using Adminduk.Web.Features.Nik;
using Microsoft.Extensions.Time.Testing;

namespace Adminduk.Web.Tests.Features.Nik;

public class NikReportTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void The_json_has_the_agreed_shape_and_nulls_for_unreadable_parts()
    {
        var json = NikReport.ToJson(NikReport.Check("6471.05", Today, NumberMessages.English));
        json.ShouldBe("""
            {
              "nik": "6471.05",
              "valid": false,
              "errors": [
                {
                  "code": "nik.not_digits",
                  "message": "A NIK may contain only the digits 0-9, without spaces or punctuation: character 5 [.] is not a digit."
                }
              ],
              "warnings": [],
              "province": null,
              "regency": null,
              "district": null,
              "birthDate": null,
              "sex": null,
              "serial": null
            }
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Warnings_keep_the_nik_valid_and_unknown_names_stay_null()
    {
        var report = NikReport.Check("6471990903850012", Today, NumberMessages.Indonesian);
        report.Valid.ShouldBeTrue();
        report.Warnings.ShouldHaveSingleItem().Code.ShouldBe(NumberIssueCodes.NikDistrictUnknown);
        report.Regency.ShouldBe("Kota Balikpapan");
        report.District.ShouldBeNull();
        report.Sex.ShouldBe("male");
        report.BirthDate.ShouldBe(new DateOnly(1985, 3, 9));
        report.Serial.ShouldBe(12);
    }

    [Theory]
    [InlineData("2026-11-23T14:59:59Z", "2026-11-23")]
    [InlineData("2026-11-23T15:00:00Z", "2026-11-24")]
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01")]
    [InlineData("2026-11-23T00:00:00+08:00", "2026-11-23")]
    public void Today_is_the_date_at_utc_plus_9(string utc, string expected)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        NikReport.Today(time).ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }
}
