extern alias cli;

using System.CommandLine;
using cli::Adminduk.Cli;

namespace Adminduk.Web.Tests.Features.Nik;

/// <summary>`adminduk nik` and GET /api/nik/{nik} print the same bytes for the same NIK, day and language.</summary>
public sealed class NikCliApiParityTests : IClassFixture<NikApiFactory>
{
    private readonly NikApiFactory factory;

    public NikCliApiParityTests(NikApiFactory factory)
    {
        this.factory = factory;
        factory.Time.AdjustTime(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)); // 2026-11-23 at UTC+9
    }

    [Theory]
    [InlineData("6471050903850012", "id")] // valid
    [InlineData("6471057112019999", "en")] // valid, female
    [InlineData("9109014506900001", "id")] // valid, retired region code (warning)
    [InlineData("6473010101800001", "en")] // valid, two warnings
    [InlineData("6471990903850012", "id")] // valid, unknown district
    [InlineData("6471052411260001", "id")] // century decided by today
    [InlineData("9971053213850000", "id")] // four errors
    [InlineData("6471053102850012", "en")] // impossible date
    [InlineData("647105090385001", "id")] // too short
    [InlineData("6471-0509-0385-0012", "en")] // punctuation
    [InlineData("abc", "id")]
    public async Task Cli_json_equals_api_json(string nik, string lang)
    {
        var api = await factory.CreateClient().GetStringAsync(new Uri($"/api/nik/{Uri.EscapeDataString(nik)}?lang={lang}", UriKind.Relative));

        using var output = new StringWriter();
        var exitCode = await CliApp.Build()
            .Parse(["nik", nik, "--today", "2026-11-23", "--lang", lang])
            .InvokeAsync(new InvocationConfiguration { Output = output });

        output.ToString().TrimEnd('\n', '\r').ShouldBe(api);
        exitCode.ShouldBe(api.Contains("\"valid\": true", StringComparison.Ordinal) ? 0 : 1);
    }
}
