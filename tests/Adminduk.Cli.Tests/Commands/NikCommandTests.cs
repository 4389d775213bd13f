using System.CommandLine;
using System.Text.Json;

namespace Adminduk.Cli.Tests.Commands;

public class NikCommandTests
{
    [Fact]
    public async Task A_valid_nik_prints_its_parts_and_exits_0()
    {
        var (exitCode, json, _) = await Run("nik", "6471050903850012", "--today", "2026-11-23");

        exitCode.ShouldBe(0);
        var root = json!.RootElement;
        root.GetProperty("nik").GetString().ShouldBe("6471050903850012");
        root.GetProperty("valid").GetBoolean().ShouldBeTrue();
        root.GetProperty("errors").GetArrayLength().ShouldBe(0);
        root.GetProperty("province").GetString().ShouldBe("Kalimantan Timur");
        root.GetProperty("regency").GetString().ShouldBe("Kota Balikpapan");
        root.GetProperty("district").GetString().ShouldBe("Balikpapan Selatan");
        root.GetProperty("birthDate").GetString().ShouldBe("1985-03-09");
        root.GetProperty("sex").GetString().ShouldBe("male");
        root.GetProperty("serial").GetInt32().ShouldBe(12);
    }

    [Theory]
    [InlineData("6471053102850012", "nik.birthdate_invalid")]
    [InlineData("6471050903850000", "nik.serial_zero")]
    [InlineData("9971050903850012", "nik.province_unknown")]
    [InlineData("6471 0509 0385 0012", "nik.not_digits")]
    [InlineData("12345", "nik.length")]
    public async Task An_invalid_nik_prints_coded_errors_and_exits_1(string nik, string code)
    {
        var (exitCode, json, _) = await Run("nik", nik, "--today", "2026-11-23");

        exitCode.ShouldBe(1);
        json!.RootElement.GetProperty("valid").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task Warnings_do_not_change_the_exit_code()
    {
        var (exitCode, json, _) = await Run("nik", "9109014506900001", "--today", "2026-11-23");

        exitCode.ShouldBe(0);
        json!.RootElement.GetProperty("warnings")[0].GetProperty("code").GetString().ShouldBe("nik.region_historical");
        json.RootElement.GetProperty("regency").GetString().ShouldBe("Kabupaten Mimika");
        json.RootElement.GetProperty("sex").GetString().ShouldBe("female");
    }

    [Theory]
    [InlineData("2026-11-23", "1926-11-24")]
    [InlineData("2026-11-24", "2026-11-24")]
    public async Task Today_decides_the_century(string today, string birthDate)
    {
        var (_, json, _) = await Run("nik", "6471052411260001", "--today", today);
        json!.RootElement.GetProperty("birthDate").GetString().ShouldBe(birthDate);
    }

    [Fact]
    public async Task Without_today_the_current_date_is_used()
    {
        // Born 01-01-00: the year 2000 is in the past whatever today is.
        var (exitCode, json, _) = await Run("nik", "6471050101000001");
        exitCode.ShouldBe(0);
        json!.RootElement.GetProperty("birthDate").GetString().ShouldBe("2000-01-01");
    }

    [Theory]
    [InlineData("id", "NIK harus 16 angka, yang dimasukkan 5 angka.")]
    [InlineData("en", "A NIK has 16 digits; this one has 5.")]
    public async Task Messages_follow_the_language_option(string lang, string message)
    {
        var (_, json, _) = await Run("nik", "12345", "--lang", lang);
        json!.RootElement.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe(message);
    }

    [Theory]
    [InlineData("nik", "6471050903850012", "--today", "23-11-2026")]
    [InlineData("nik", "6471050903850012", "--today", "2026-02-30")]
    [InlineData("nik", "6471050903850012", "--lang", "fr")]
    [InlineData("nik")]
    public async Task Bad_options_fail_without_printing_a_report(params string[] args)
    {
        var (exitCode, json, error) = await Run(args);
        exitCode.ShouldNotBe(0);
        json.ShouldBeNull();
        error.ShouldNotBeNullOrWhiteSpace();
    }

    private static async Task<(int ExitCode, JsonDocument? Json, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        var text = output.ToString();
        var json = text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text) : null;
        return (exitCode, json, error.ToString());
    }
}
