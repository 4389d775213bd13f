using System.Net;
using System.Text.Json;
using Adminduk.Domain.Numbers;
using Adminduk.Web.Features.Nik;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Adminduk.Web.Tests.Features.Nik;

public sealed class NikEndpointTests : IClassFixture<NikApiFactory>
{
    private readonly NikApiFactory factory;

    public NikEndpointTests(NikApiFactory factory)
    {
        this.factory = factory;
        factory.Time.AdjustTime(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_valid_nik_gives_its_parts()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/nik/6471057112019999", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        root.GetProperty("nik").GetString().ShouldBe("6471057112019999");
        root.GetProperty("valid").GetBoolean().ShouldBeTrue();
        root.GetProperty("errors").GetArrayLength().ShouldBe(0);
        root.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        root.GetProperty("province").GetString().ShouldBe("Kalimantan Timur");
        root.GetProperty("regency").GetString().ShouldBe("Kota Balikpapan");
        root.GetProperty("district").GetString().ShouldBe("Balikpapan Selatan");
        root.GetProperty("birthDate").GetString().ShouldBe("2001-12-31");
        root.GetProperty("sex").GetString().ShouldBe("female");
        root.GetProperty("serial").GetInt32().ShouldBe(9999);
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["nik", "valid", "errors", "warnings", "province", "regency", "district", "birthDate", "sex", "serial"]);
    }

    [Theory]
    [InlineData("6471053102850000", NumberIssueCodes.NikBirthDateInvalid, NumberIssueCodes.NikSerialZero)]
    [InlineData("9971050903850012", NumberIssueCodes.NikProvinceUnknown)]
    [InlineData("647105090385001", NumberIssueCodes.NikLength)]
    [InlineData("abc", NumberIssueCodes.NikNotDigits)]
    [InlineData("6471%2005%2009", NumberIssueCodes.NikNotDigits)]
    [InlineData("%F0%9F%98%80", NumberIssueCodes.NikNotDigits)]
    [InlineData("%E0%A5%AC%E0%A5%AA", NumberIssueCodes.NikNotDigits)]
    [InlineData("%20%20", NumberIssueCodes.NikEmpty)]
    public async Task Invalid_input_is_a_normal_answer_with_coded_errors(string nik, params string[] codes)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri($"/api/nik/{nik}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        errors.Select(e => e.GetProperty("code").GetString()).ShouldBe(codes);
        errors.ShouldAllBe(e => e.GetProperty("message").GetString()!.Length > 10);
    }

    [Fact]
    public async Task Very_long_garbage_is_answered_without_a_server_error()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/nik/" + new string('9', 2000), UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString().ShouldBe(NumberIssueCodes.NikLength);
    }

    [Theory]
    [InlineData("", "NIK harus 16 angka, yang dimasukkan 15 angka.")]
    [InlineData("?lang=id", "NIK harus 16 angka, yang dimasukkan 15 angka.")]
    [InlineData("?lang=en", "A NIK has 16 digits; this one has 15.")]
    [InlineData("?lang=en-US", "A NIK has 16 digits; this one has 15.")]
    [InlineData("?lang=xx", "NIK harus 16 angka, yang dimasukkan 15 angka.")]
    public async Task Messages_are_in_bahasa_indonesia_unless_english_is_asked(string query, string message)
    {
        var body = await factory.CreateClient().GetStringAsync(new Uri($"/api/nik/647105090385001{query}", UriKind.Relative));
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString().ShouldBe(message);
    }

    [Fact]
    public async Task Today_comes_from_the_time_provider_at_utc_plus_9()
    {
        var client = factory.CreateClient();
        // Born 24-11-26. At 2026-11-23 10:00 UTC it is still the 23rd at UTC+9: the 24th of 2026 is future, so 1926.
        (await BirthDate(client)).ShouldBe("1926-11-24");

        // At 16:00 UTC it is already the 24th at UTC+9 (in Jayapura), though still the 23rd in Jakarta.
        factory.Time.AdjustTime(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero));
        (await BirthDate(client)).ShouldBe("2026-11-24");

        static async Task<string?> BirthDate(HttpClient client)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/nik/6471052411260001", UriKind.Relative)));
            return json.RootElement.GetProperty("birthDate").GetString();
        }
    }

    [Fact]
    public void The_endpoint_is_named_and_explicitly_anonymous()
    {
        File.Exists(factory.DatabasePath).ShouldBeTrue("the app runs on the temp SQLite file, not a default database");
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var endpoint = endpoints.OfType<RouteEndpoint>().Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == NikEndpoints.RouteName);
        endpoint.RoutePattern.RawText.ShouldBe("/api/nik/{nik}");
        endpoint.Metadata.GetMetadata<IAllowAnonymous>().ShouldNotBeNull();
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoint()
    {
        var body = await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var json = JsonDocument.Parse(body);
        var get = json.RootElement.GetProperty("paths").GetProperty("/api/nik/{nik}").GetProperty("get");
        get.GetProperty("operationId").GetString().ShouldBe(NikEndpoints.RouteName);
        get.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace();
        get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
    }

    [Fact]
    public void The_handler_uses_the_given_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var result = NikHandler.Handle("6471050101300001", "en", time);
        result.Value!.BirthDate.ShouldBe(new DateOnly(2030, 1, 1));
        result.Value.Valid.ShouldBeTrue();
    }
}
