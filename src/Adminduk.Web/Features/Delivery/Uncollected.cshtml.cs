using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Delivery;

public sealed record UncollectedRow(string Receipt, string ServiceCode, string? PointName, DateTimeOffset ReadyAt, int Days);

/// <summary>Documents ready for pickup longer than the office's limit (N days), oldest first, for staff to follow up.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class UncollectedModel(AdmindukDbContext db, TimeProvider time, DeliveryService deliveries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    public Office? CurrentOffice { get; private set; }

    public int AfterDays { get; private set; }

    public IReadOnlyList<UncollectedRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (CurrentOffice is null)
        {
            return NotFound();
        }

        Rows = await ListAsync(db, CurrentOffice.Id, (await deliveries.SettingAsync(CurrentOffice.Id, ct)).UncollectedAfterDays, time.GetUtcNow(), ct);
        AfterDays = (await deliveries.SettingAsync(CurrentOffice.Id, ct)).UncollectedAfterDays;
        return Page();
    }

    public static async Task<IReadOnlyList<UncollectedRow>> ListAsync(AdmindukDbContext db, int officeId, int afterDays, DateTimeOffset now, CancellationToken ct)
    {
        var readyBefore = now - TimeSpan.FromDays(afterDays);
        var rows = await (
            from d in db.Set<DocumentDelivery>().AsNoTracking()
            join a in db.Applications on d.ApplicationId equals a.Id
            where d.OfficeId == officeId && d.Status == DeliveryStatus.ReadyForPickup && d.ReadyAt <= readyBefore
            orderby d.ReadyAt
            select new
            {
                a.ReceiptNumber,
                a.ServiceCode,
                Point = db.ServicePoints.Where(p => p.Id == d.ServicePointId).Select(p => p.Name).FirstOrDefault(),
                ReadyAt = d.ReadyAt!.Value,
            }).Take(500).ToListAsync(ct);
        return [.. rows.Select(r => new UncollectedRow(r.ReceiptNumber ?? "", r.ServiceCode, r.Point, r.ReadyAt, (int)(now - r.ReadyAt).TotalDays))];
    }
}
