using System.ComponentModel.DataAnnotations;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.BackOffice.WalkIns;

/// <summary>
/// People who come to the office in person. Where the office turns walk-ins away (Balikpapan), staff give guidance
/// and record each one with a reason, counted per day; where it serves them (Palembang), assisted entry is the way in.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AdmindukDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int HistoryDays = 14;

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty]
    public WalkInReason? Reason { get; set; }

    [BindProperty]
    public string? ServiceCode { get; set; }

    [BindProperty]
    [StringLength(500, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "BackOffice.WalkIns.Note")]
    public string? Note { get; set; }

    public Office? CurrentOffice { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<(WalkInReason Reason, int Count)> TodayByReason { get; private set; } = [];

    public IReadOnlyList<(DateOnly Day, int Count)> PerDay { get; private set; } = [];

    public static IReadOnlyList<ServiceDefinition> Services => ServiceCatalog.Default.Services;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        if (who is null || !await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Reason is not { } reason || !Enum.IsDefined(reason))
        {
            ModelState.AddModelError(nameof(Reason), localizer["BackOffice.WalkIns.ReasonRequired"]);
        }

        if (!string.IsNullOrEmpty(ServiceCode) && ServiceCatalog.Default.Find(ServiceCode) is null)
        {
            ModelState.AddModelError(nameof(ServiceCode), localizer["BackOffice.WalkIns.UnknownService"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        var record = new WalkInRecord
        {
            OfficeId = CurrentOffice!.Id,
            At = now,
            Day = Today,
            Reason = Reason!.Value,
            ServiceCode = string.IsNullOrEmpty(ServiceCode) ? null : ServiceCode,
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
            RecordedByUserId = who.UserId,
        };
        db.WalkInRecords.Add(record);
        audit.Add("walk-in.record", "office", CurrentOffice.Code, $"{record.Reason}; {record.ServiceCode}", who.Actor);
        await db.SaveChangesAsync(ct);
        TempData[BackOffice.IndexModel.MessageKey] = "BackOffice.WalkIns.Recorded";
        return RedirectToPage(new { office = Office });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (CurrentOffice is null)
        {
            return false;
        }

        ViewData["OfficeCode"] = who!.OfficeId is null ? CurrentOffice.Code : null;
        var calendar = await OfficeCalendars.ForAsync(db, CurrentOffice, ct);
        Today = calendar.LocalDate(clock.GetUtcNow());
        var from = Today.AddDays(-(HistoryDays - 1));
        var counts = await db.WalkInRecords.AsNoTracking()
            .Where(w => w.OfficeId == CurrentOffice.Id && w.Day >= from && w.Day <= Today)
            .GroupBy(w => new { w.Day, w.Reason })
            .Select(g => new { g.Key.Day, g.Key.Reason, Count = g.Count() })
            .ToListAsync(ct);
        TodayByReason = [.. counts.Where(c => c.Day == Today).OrderBy(c => c.Reason).Select(c => (c.Reason, c.Count))];
        PerDay = [.. counts.GroupBy(c => c.Day).OrderByDescending(g => g.Key).Select(g => (g.Key, g.Sum(c => c.Count)))];
        return true;
    }
}
