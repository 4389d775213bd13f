using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Adminduk.Web.Features.Rt;

public sealed record CountDto(string Name, int Count);

public sealed record AgeBandDto(string Band, int Male, int Female);

public sealed record MonthDto(string Month, int Births, int Deaths, int Arrivals, int Departures, int Growth);

public sealed record RtDashboardDto(
    int RtUnitId,
    int Rt,
    int Rw,
    string VillageCode,
    string VillageName,
    string DistrictName,
    DateOnly AsOf,
    int Residents,
    int Households,
    int Men,
    int Women,
    IReadOnlyList<AgeBandDto> AgeBands,
    IReadOnlyList<CountDto> Occupations,
    IReadOnlyList<CountDto> Education,
    IReadOnlyList<CountDto> Religion,
    IReadOnlyList<MonthDto> Months);

public sealed record ResidentDto(int Id, string FullName, string MaskedNik, string KkNumber, int Age, string Sex, string Occupation, string Status, string Relationship);

public sealed record ResidentPageDto(int Total, int Page, int PageSize, IReadOnlyList<ResidentDto> Residents);

/// <summary>
/// The RT dashboard and resident list as JSON for RT heads. The RT id in the path must be the caller's own RT (403
/// otherwise); a resident outside it is 404. Every read is audited like the pages.
/// </summary>
public static class RtApi
{
    public static IEndpointRouteBuilder MapRtApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rt/{rt:int}").RequireAuthorization(Policies.RtHead).WithTags("RT");
        group.MapGet("/dashboard", GetDashboardAsync).WithName("GetRtDashboard").WithSummary("The caller's own RT: population, age bands, occupations, education, religion, 12 months of events.");
        group.MapGet("/residents", GetResidentsAsync).WithName("GetRtResidents").WithSummary("Residents of the caller's own RT (NIK masked), searched and paged.");
        group.MapGet("/residents/{id:int}", GetResidentAsync).WithName("GetRtResident").WithSummary("One resident of the caller's own RT (NIK masked).");
        return app;
    }

    private static async Task<Results<Ok<RtDashboardDto>, ForbidHttpResult, NotFound>> GetDashboardAsync(
        int rt, HttpContext http, AdmindukDbContext db, ReadOnlyDatabase reader, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await RtAccess.OwnRtAsync(http.User, db, ct) != rt)
        {
            return TypedResults.Forbid();
        }

        RtDashboard d;
        await using (var read = reader.CreateContext())
        {
            if (await RtDashboardQuery.AreaAsync(read, rt, clock.GetUtcNow(), ct) is not { } area)
            {
                return TypedResults.NotFound();
            }

            d = await RtDashboardQuery.LoadAsync(read, area, ct);
        }

        await audit.WriteAsync(RtAuditActions.DashboardRead, RtAuditActions.SubjectRt, rt.ToString(CultureInfo.InvariantCulture), "api", cancellationToken: ct);
        return TypedResults.Ok(new RtDashboardDto(
            d.Area.Id, d.Area.Rt, d.Area.Rw, d.Area.VillageCode, d.Area.VillageName, d.Area.DistrictName, d.Area.Today,
            d.Residents, d.Households, d.Men, d.Women,
            [.. d.AgeBands.Select(b => new AgeBandDto(b.Label, b.Male, b.Female))],
            [.. d.Occupations.Select(o => new CountDto(o.Occupation.Length == 0 ? "others" : o.Occupation, o.Count))],
            [.. d.Education.Select(e => new CountDto(e.Education.ToString(), e.Count))],
            [.. d.Religion.Select(r => new CountDto(r.Religion.ToString(), r.Count))],
            [.. d.Months.Select(m => new MonthDto(string.Create(CultureInfo.InvariantCulture, $"{m.Year:D4}-{m.Month:D2}"), m.Births, m.Deaths, m.Arrivals, m.Departures, m.Growth))]));
    }

    private static async Task<Results<Ok<ResidentPageDto>, ForbidHttpResult, NotFound>> GetResidentsAsync(
        int rt, string? q, string? status, int? page, HttpContext http, AdmindukDbContext db, ReadOnlyDatabase reader, AuditLog audit,
        TimeProvider clock, CancellationToken ct)
    {
        if (await RtAccess.OwnRtAsync(http.User, db, ct) != rt)
        {
            return TypedResults.Forbid();
        }

        var selected = ResidentsModel.StatusChoices.Contains(status ?? "") ? status! : ResidentsModel.StatusAlive;
        var number = Math.Max(page ?? 1, 1);
        int total;
        IReadOnlyList<ResidentRow> rows;
        await using (var read = reader.CreateContext())
        {
            if (await RtDashboardQuery.AreaAsync(read, rt, clock.GetUtcNow(), ct) is not { } area)
            {
                return TypedResults.NotFound();
            }

            (total, rows) = await RtResidentQuery.PageAsync(RtResidentQuery.Search(read, rt, q, ResidentsModel.StatusFilter(selected)), number, area.Today, ct);
        }

        await audit.WriteAsync(RtAuditActions.ResidentsRead, RtAuditActions.SubjectRt, rt.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"api; q={q?.Trim()}; status={selected}; page={number}; rows={rows.Count}"), cancellationToken: ct);
        return TypedResults.Ok(new ResidentPageDto(total, number, RtResidentQuery.PageSize, [.. rows.Select(ToDto)]));
    }

    private static async Task<Results<Ok<ResidentDto>, ForbidHttpResult, NotFound>> GetResidentAsync(
        int rt, int id, HttpContext http, AdmindukDbContext db, ReadOnlyDatabase reader, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        if (await RtAccess.OwnRtAsync(http.User, db, ct) != rt)
        {
            return TypedResults.Forbid();
        }

        ResidentDetail? detail;
        await using (var read = reader.CreateContext())
        {
            detail = await RtDashboardQuery.AreaAsync(read, rt, clock.GetUtcNow(), ct) is { } area
                ? await RtResidentQuery.DetailAsync(read, rt, id, area.Today, ct)
                : null;
        }

        if (detail is null)
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(RtAuditActions.ResidentRead, RtAuditActions.SubjectResident, id.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"api; rt={rt}"), cancellationToken: ct);
        return TypedResults.Ok(ToDto(detail.Resident));
    }

    private static ResidentDto ToDto(ResidentRow r) =>
        new(r.Id, r.FullName, r.MaskedNik, r.KkNumber, r.Age, r.Sex.ToString(), r.Occupation, r.Status.ToString(), r.Relationship.ToString());
}
