using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Delivery;

/// <summary>Supervisors set whether citizens may choose courier delivery, its fee, and after how many days uncollected documents are listed.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class SettingsModel(AdmindukDbContext db, TimeProvider time, AuditLog audit, CourierClient courier, IStringLocalizer<NotificationPages> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty]
    public bool CourierEnabled { get; set; }

    [BindProperty]
    public int? CourierFee { get; set; }

    [BindProperty]
    public int UncollectedAfterDays { get; set; }

    public Office? CurrentOffice { get; private set; }

    public bool CourierConfigured => courier.IsConfigured;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is null)
        {
            return NotFound();
        }

        var setting = await db.Set<DeliverySetting>().AsNoTracking().FirstOrDefaultAsync(s => s.OfficeId == CurrentOffice!.Id, ct) ?? new DeliverySetting();
        CourierEnabled = setting.CourierEnabled;
        CourierFee = setting.CourierFee;
        UncollectedAfterDays = setting.UncollectedAfterDays;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        if (CourierFee is < 0 or > 1_000_000)
        {
            ModelState.AddModelError(nameof(CourierFee), text["DeliverySettings.FeeRange"]);
        }

        if (UncollectedAfterDays is < 1 or > 365)
        {
            ModelState.AddModelError(nameof(UncollectedAfterDays), text["DeliverySettings.DaysRange"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var office = CurrentOffice!;
        var setting = await db.Set<DeliverySetting>().FirstOrDefaultAsync(s => s.OfficeId == office.Id, ct);
        if (setting is null)
        {
            setting = new DeliverySetting { OfficeId = office.Id };
            db.Set<DeliverySetting>().Add(setting);
        }

        setting.CourierEnabled = CourierEnabled;
        setting.CourierFee = CourierFee is 0 ? null : CourierFee;
        setting.UncollectedAfterDays = UncollectedAfterDays;
        setting.UpdatedAt = time.GetUtcNow();
        audit.Add("delivery.settings", "office", office.Code,
            string.Create(CultureInfo.InvariantCulture, $"courier {CourierEnabled}, fee {setting.CourierFee}, uncollected after {UncollectedAfterDays} days"), who.Actor);
        await db.SaveChangesAsync(ct);
        TempData["DeliverySettings.Saved"] = true;
        return RedirectToPage(new { office = Office });
    }

    private async Task<StaffMember?> CallerAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        return CurrentOffice is null ? null : who;
    }
}
