using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.BackOffice.RtHeads;

/// <summary>The office's RTs of one kelurahan with their heads; reset a head's password here.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class IndexModel(AdmindukDbContext db, RtHeadAccounts accounts, AuditLog audit) : RtHeadPageBase(db)
{
    [BindProperty(SupportsGet = true)]
    public string? Village { get; set; }

    [BindProperty]
    public int RtUnitId { get; set; }

    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];

    public IReadOnlyList<RtHeadListing> Rts { get; private set; } = [];

    public int RtCount { get; private set; }

    public int HeadCount { get; private set; }

    /// <summary>A reset just done: shown once, never stored in clear.</summary>
    public (string RtCode, string Phone, string Password)? Reset { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        await audit.WriteAsync("rt-head.list", "office", CurrentOffice!.Code, Village, who.Actor, ct);
        return Page();
    }

    /// <summary>A post without a handler name (nothing this page's forms send) goes back to the page.</summary>
    public IActionResult OnPost() => RedirectToPage(new { office = Office });

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var done = await accounts.ResetAsync(CurrentOffice!, RtUnitId, who.Actor, ct);
        if (done is not { } d)
        {
            return NotFound();
        }

        var unit = await Db.RtUnits.AsNoTracking().FirstAsync(u => u.Id == RtUnitId, ct);
        Village = unit.VillageCode;
        Reset = (RtCode.Format(unit.VillageCode, unit.Rw, unit.Rt), d.Head.UserName ?? "", d.Password);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var office = CurrentOffice!;
        var prefix = office.RegencyCode + ".";
        var codes = await Db.RtUnits.AsNoTracking().Where(u => u.VillageCode.StartsWith(prefix)).Select(u => u.VillageCode).Distinct().ToListAsync(ct);
        var names = await Db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        Villages = [.. codes.Order(StringComparer.Ordinal).Select(c => (c, names.GetValueOrDefault(c, c)))];
        if (Village is null || !codes.Contains(Village))
        {
            Village = Villages.Count > 0 ? Villages[0].Code : null;
        }

        Rts = Village is null ? [] : await accounts.ListAsync(office, Village, ct);
        RtCount = await Db.RtUnits.CountAsync(u => u.VillageCode.StartsWith(prefix), ct);
        HeadCount = await (
            from u in Db.Users
            join unit in Db.RtUnits on u.RtUnitId equals unit.Id
            where unit.VillageCode.StartsWith(prefix)
                && Db.UserRoles.Any(ur => ur.UserId == u.Id && Db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.RtHead))
            select u.Id).CountAsync(ct);
    }
}
