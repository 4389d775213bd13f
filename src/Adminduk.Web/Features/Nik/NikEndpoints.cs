using Adminduk.Domain.Numbers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Adminduk.Web.Features.Nik;

/// <summary>
/// GET /api/nik/{nik}: checks a NIK's structure (region, birth date, sex, serial); it looks nothing up in the
/// population data, so it is anonymous. Any input gets 200 with the report: an invalid NIK is a normal answer
/// (valid = false plus coded errors), never a 400 or 500. ?lang=en gives English messages; the default is Bahasa Indonesia.
/// </summary>
public static class NikEndpoints
{
    public const string RouteName = "CheckNik";

    public static IEndpointRouteBuilder MapNikEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/nik/{nik}", NikHandler.Handle)
            .AllowAnonymous()
            .WithName(RouteName)
            .WithTags("NIK")
            .WithSummary("Periksa NIK / Check a NIK")
            .WithDescription(
                "Checks the structure of a 16-digit NIK and reads its parts: province, regency/city and district " +
                "(including codes retired in 2004, 2012 and 2022), birth date, sex and serial. Always 200: valid is false " +
                "when there are errors. Warnings (unknown district, retired region code) do not make a NIK invalid. " +
                "Query lang=en for English messages; default Bahasa Indonesia.")
            .Produces<NikReport>(StatusCodes.Status200OK, "application/json");
        return app;
    }
}

/// <summary>Builds the report for one NIK; "today" comes from the registered <see cref="TimeProvider"/>.</summary>
public static class NikHandler
{
    public static JsonHttpResult<NikReport> Handle(string nik, [FromQuery] string? lang, [FromServices] TimeProvider time) =>
        TypedResults.Json(NikReport.Check(nik, NikReport.Today(time), NumberMessages.CultureFor(lang)), NikReport.JsonOptions);
}
