using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Adminduk.Web.Features.BackOffice.RtHeads;

/// <summary>Creates the head of an RT, or replaces the current one (the old head's access ends at once).</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class AssignModel(AdmindukDbContext db, RtHeadAccounts accounts) : RtHeadPageBase(db)
{
    [BindProperty(SupportsGet = true, Name = "rt")]
    public string? RtCodeText { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    /// <summary>The supervisor confirms that the RT's current head is to be replaced.</summary>
    [BindProperty]
    public bool Replace { get; set; }

    public RtHeadListing? Current { get; private set; }

    public RtHeadResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is null)
        {
            return NotFound();
        }

        await LoadCurrentAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var results = await accounts.ApplyAsync(CurrentOffice!, [new RtHeadRow(1, RtCodeText ?? "", Name ?? "", Phone ?? "")], Replace, who.Actor, ct);
        Result = results[0];
        await LoadCurrentAsync(ct);
        return Page();
    }

    private async Task LoadCurrentAsync(CancellationToken ct)
    {
        if (RtCode.Parse(RtCodeText) is { } code)
        {
            Current = (await accounts.ListAsync(CurrentOffice!, code.VillageCode, ct)).FirstOrDefault(r => r.RtCode == code.ToString());
        }
    }
}
