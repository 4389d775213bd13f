using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.BackOffice.Overview;

public sealed record WaitingGroup(DateOnly? BatchDay, string ServiceCode, int Count, DateTimeOffset? Oldest);

public sealed record ClaimRow(long ApplicationId, string? ReceiptNumber, string ServiceCode, string Operator, DateTimeOffset? ClaimedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? QueuedAt);

/// <summary>
/// Supervisors oversee their office's queue: what waits per batch day and service, who holds which claim. They can
/// return a claim to the queue (it goes back to its original position); nothing here reorders or assigns work.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class IndexModel(AdmindukDbContext db, ClaimQueue queue, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty]
    public long ApplicationId { get; set; }

    public Office? CurrentOffice { get; private set; }

    public IReadOnlyList<WaitingGroup> Waiting { get; private set; } = [];

    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    public int NeedsCorrection { get; private set; }

    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;

    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (CurrentOffice is null)
        {
            return NotFound();
        }

        ViewData["OfficeCode"] = who!.OfficeId is null ? CurrentOffice.Code : null;
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(CurrentOffice.TimeZoneId);
        Now = clock.GetUtcNow();
        var officeId = CurrentOffice.Id;
        var waiting = await db.Applications.AsNoTracking()
            .Where(a => a.OfficeId == officeId && a.Status == ApplicationStatus.Queued)
            .GroupBy(a => new { a.BatchDay, a.ServiceCode })
            .Select(g => new { g.Key.BatchDay, g.Key.ServiceCode, Count = g.Count() })
            .ToListAsync(ct);
        var oldest = new Dictionary<(DateOnly?, string), DateTimeOffset?>();
        foreach (var g in waiting)
        {
            oldest[(g.BatchDay, g.ServiceCode)] = await db.Applications.AsNoTracking()
                .Where(a => a.OfficeId == officeId && a.Status == ApplicationStatus.Queued && a.BatchDay == g.BatchDay && a.ServiceCode == g.ServiceCode)
                .OrderBy(a => a.QueuedAt)
                .Select(a => a.QueuedAt)
                .FirstOrDefaultAsync(ct);
        }

        Waiting = [.. waiting.OrderBy(g => g.BatchDay).ThenBy(g => g.ServiceCode, StringComparer.Ordinal)
            .Select(g => new WaitingGroup(g.BatchDay, g.ServiceCode, g.Count, oldest[(g.BatchDay, g.ServiceCode)]))];
        var claims = await db.Applications.AsNoTracking()
            .Where(a => a.OfficeId == officeId && a.Status == ApplicationStatus.InReview)
            .Select(a => new { a.Id, a.ReceiptNumber, a.ServiceCode, a.ClaimedByUserId, a.ClaimedAt, a.ClaimExpiresAt, a.QueuedAt })
            .ToListAsync(ct);
        var holderIds = claims.Select(c => c.ClaimedByUserId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => holderIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.FullName.Length > 0 ? u.FullName : u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.Name ?? "", ct);
        Claims = [.. claims.OrderBy(c => c.QueuedAt).Select(c => new ClaimRow(
            c.Id, c.ReceiptNumber, c.ServiceCode, c.ClaimedByUserId is Guid g ? names.GetValueOrDefault(g, "") : "", c.ClaimedAt, c.ClaimExpiresAt, c.QueuedAt))];
        NeedsCorrection = await db.Applications.CountAsync(a => a.OfficeId == officeId && a.Status == ApplicationStatus.NeedsCorrection, ct);
        return Page();
    }

    /// <summary>A post without a handler name (nothing this page's forms send) goes back to the page.</summary>
    public IActionResult OnPost() => RedirectToPage();

    /// <summary>Returns a claim of this office to its original position in the queue. It does not give it to anyone.</summary>
    public async Task<IActionResult> OnPostReturnAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        var office = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (office is null)
        {
            return NotFound();
        }

        TempData[BackOffice.IndexModel.MessageKey] = await queue.ReturnClaimAsync(who!, office.Id, ApplicationId, ct)
            ? "BackOffice.Overview.Returned"
            : "BackOffice.Overview.NotAClaim";
        return RedirectToPage(new { office = Office });
    }

    public string Local(DateTimeOffset? instant) =>
        instant is { } i ? TimeZoneInfo.ConvertTime(i, TimeZone).ToString("dd-MM HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
}
