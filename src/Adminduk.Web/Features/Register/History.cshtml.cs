using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Register.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Register;

/// <summary>
/// Staff look up what the register said about a resident on a date (end of that day, office time), with the periods
/// of every version. Only residents of the staff member's own office (by their RT then or now); every look-up is
/// audited. A POST, so the NIK stays out of URLs and logs.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class HistoryModel(AdmindukDbContext db, AuditLog audit, TimeProvider time, IStringLocalizer<RegisterPages> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty]
    public string? Nik { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    public Office? CurrentOffice { get; private set; }

    public ResidentVersion? AsOf { get; private set; }

    public IReadOnlyList<ResidentVersion> Timeline { get; private set; } = [];

    public IReadOnlyDictionary<int, string> RtNames { get; private set; } = new Dictionary<int, string>();

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OfficeAsync(ct) is null)
        {
            return NotFound();
        }

        Date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await OfficeAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var nik = Nik?.Trim() ?? "";
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError(nameof(Date), text["History.DateInvalid"]);
            return Page();
        }

        Searched = true;
        var office = CurrentOffice!;
        var resident = await db.Residents.AsNoTracking().Where(r => r.Nik == nik).Select(r => new { r.Id, r.RtUnitId }).FirstOrDefaultAsync(ct);
        var timeline = resident is null ? [] : await ResidentHistory.TimelineAsync(db, resident.Id, ct);
        var rtIds = timeline.Select(v => v.RtUnitId).Append(resident?.RtUnitId).OfType<int>().Distinct().ToList();
        var units = await db.RtUnits.AsNoTracking().Where(u => rtIds.Contains(u.Id)).ToListAsync(ct);
        // A resident is the office's when they lived (or live) in one of its RTs; anyone else's data is not shown.
        if (resident is null || !units.Any(u => u.VillageCode.StartsWith(office.RegencyCode + ".", StringComparison.Ordinal)))
        {
            audit.Add("resident.history-not-found", "office", office.Code, Domain.Numbers.Nik.Mask(nik), who.Actor);
            await db.SaveChangesAsync(ct);
            return Page();
        }

        // The end of the chosen day in the office's time zone.
        var endOfDay = new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), Zone.GetUtcOffset(date.ToDateTime(TimeOnly.MaxValue)));
        AsOf = await ResidentHistory.AsOfAsync(db, resident.Id, endOfDay, ct);
        Timeline = timeline;
        RtNames = units.ToDictionary(u => u.Id, u => string.Create(CultureInfo.InvariantCulture, $"RT {u.Rt:D3}/RW {u.Rw:D3}, {u.VillageCode}"));
        audit.Add("resident.history-read", "resident", resident.Id.ToString(CultureInfo.InvariantCulture), Date, who.Actor);
        await db.SaveChangesAsync(ct);
        return Page();
    }

    public string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture);

    private async Task<StaffMember?> OfficeAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (CurrentOffice is null)
        {
            return null;
        }

        Zone = TimeZoneInfo.FindSystemTimeZoneById(CurrentOffice.TimeZoneId);
        ViewData["OfficeCode"] = who!.OfficeId is null ? CurrentOffice.Code : null;
        return who;
    }
}
