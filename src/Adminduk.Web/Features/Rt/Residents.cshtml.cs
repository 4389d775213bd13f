using System.Globalization;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Rt;

/// <summary>The RT head's resident list: search, paging, and the same selection as CSV or XLSX.</summary>
[Authorize(Policy = Policies.RtHead)]
public sealed class ResidentsModel(
    AdmindukDbContext db,
    ReadOnlyDatabase reader,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<RtTexts> text) : PageModel
{
    public const string StatusAlive = "alive";
    public const string StatusAll = "all";
    public const string StatusDeceased = "deceased";
    public const string StatusMovedOut = "moved-out";

    public static readonly IReadOnlyList<string> StatusChoices = [StatusAlive, StatusDeceased, StatusMovedOut, StatusAll];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public RtArea? Area { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<ResidentRow> Rows { get; private set; } = [];

    public int PageCount => Math.Max(1, (Total + RtResidentQuery.PageSize - 1) / RtResidentQuery.PageSize);

    public string SelectedStatus => StatusChoices.Contains(Status ?? "") ? Status! : StatusAlive;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RtAccess.OwnRtAsync(User, db, ct) is not int unitId)
        {
            return Page();
        }

        await using (var read = reader.CreateContext())
        {
            Area = await RtDashboardQuery.AreaAsync(read, unitId, clock.GetUtcNow(), ct);
            if (Area is null)
            {
                return Page();
            }

            PageNumber = Math.Max(PageNumber, 1);
            (Total, Rows) = await RtResidentQuery.PageAsync(RtResidentQuery.Search(read, unitId, Query, StatusFilter(SelectedStatus)), PageNumber, Area.Today, ct);
        }

        await audit.WriteAsync(RtAuditActions.ResidentsRead, RtAuditActions.SubjectRt, unitId.ToString(CultureInfo.InvariantCulture),
            Details(Rows.Count), cancellationToken: ct);
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => ExportAsync("csv", ct);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => ExportAsync("xlsx", ct);

    /// <summary>Query values for links that keep the search (paging, exports).</summary>
    public Dictionary<string, string> RouteValues(int? page = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            values["q"] = Query.Trim();
        }

        if (SelectedStatus != StatusAlive)
        {
            values["status"] = SelectedStatus;
        }

        if (page is int p && p > 1)
        {
            values["p"] = p.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    public static ResidentStatus? StatusFilter(string status) => status switch
    {
        StatusAll => null,
        StatusDeceased => ResidentStatus.Deceased,
        StatusMovedOut => ResidentStatus.MovedOut,
        _ => ResidentStatus.Alive,
    };

    private async Task<IActionResult> ExportAsync(string format, CancellationToken ct)
    {
        if (await RtAccess.OwnRtAsync(User, db, ct) is not int unitId)
        {
            return NotFound();
        }

        RtArea? area;
        IReadOnlyList<ResidentRow> rows;
        await using (var read = reader.CreateContext())
        {
            area = await RtDashboardQuery.AreaAsync(read, unitId, clock.GetUtcNow(), ct);
            if (area is null)
            {
                return NotFound();
            }

            rows = await RtResidentQuery.AllAsync(RtResidentQuery.Search(read, unitId, Query, StatusFilter(SelectedStatus)), area.Today, ct);
        }

        var table = new ExportTable(
            text["Rt.ExportSheet"],
            [text["Col.Name"], text["Col.Nik"], text["Col.Kk"], text["Col.Relationship"], text["Col.Age"], text["Col.Sex"], text["Col.Occupation"], text["Col.Status"]],
            [.. rows.Select(r => (IReadOnlyList<object?>)
            [
                r.FullName, r.MaskedNik, r.KkNumber, text["Relationship." + r.Relationship].Value, r.Age, text["Sex." + r.Sex].Value, r.Occupation,
                text["Status." + r.Status].Value,
            ])]);
        await audit.WriteAsync(RtAuditActions.ResidentsExport, RtAuditActions.SubjectRt, unitId.ToString(CultureInfo.InvariantCulture),
            $"{format}; {Details(rows.Count)}", cancellationToken: ct);

        var name = string.Create(CultureInfo.InvariantCulture, $"warga-{area.VillageCode.Replace('.', '-')}-rw{area.Rw:D3}-rt{area.Rt:D3}.{format}");
        return format == "csv"
            ? File(TableExport.Csv(table), TableExport.CsvContentType, name)
            : File(await TableExport.XlsxAsync([table], ct), TableExport.XlsxContentType, name);
    }

    private string Details(int rows) =>
        string.Create(CultureInfo.InvariantCulture, $"q={Query?.Trim()}; status={SelectedStatus}; page={PageNumber}; rows={rows}");
}
