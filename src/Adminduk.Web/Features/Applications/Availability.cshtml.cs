using Adminduk.Domain.Population;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Applications;

/// <summary>Supervisors open or close services at their office (administrators at any office, chosen with ?office=).</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class AvailabilityModel(AdmindukDbContext db, ServiceAvailability availability, IStringLocalizer<ApplicationPages> text) : PageModel
{
    public Office? Office { get; private set; }

    public IReadOnlyList<(ServiceDefinition Service, ServiceSetting? Setting)> Services { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task OnGetAsync(string? office, bool saved, CancellationToken ct)
    {
        await LoadAsync(office, ct);
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(string? office, string? code, bool open, string? message, string? messageEn, CancellationToken ct)
    {
        await LoadAsync(office, ct);
        if (Office is null || code is null || ServiceCatalog.Default.Find(code) is null)
        {
            return NotFound();
        }

        switch (await availability.SetAsync(User, Office.Code, code, open, message, messageEn, ct))
        {
            case AvailabilityOutcome.Done:
                return RedirectToPage(new { office = Office.Code, saved = true });
            case AvailabilityOutcome.Forbidden:
                return Forbid();
            case AvailabilityOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(code, ApplicationPages.Text(ApplicationMessages.Text("service.suspension_reason_required")));
                return Page();
        }
    }

    public string Say(string key) => text[key];

    private async Task LoadAsync(string? officeCode, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == ApplicationApi.UserId(User), ct);
        Office = User.IsInRole(Roles.Administrator) && officeCode is { Length: > 0 }
            ? await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == officeCode, ct)
            : account.OfficeId is { } id
                ? await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct)
                : await db.Offices.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        Services = await ServiceAvailability.AtOfficeAsync(db, Office, ct);
    }
}
