using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.BackOffice.RtHeads;

/// <summary>A new RT split off an existing one: the office picks the households that move to it.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class SplitModel(AdmindukDbContext db, RtSplit split, IStringLocalizer<RtHeadPages> text) : RtHeadPageBase(db)
{
    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty]
    public int Rw { get; set; }

    [BindProperty]
    public int Rt { get; set; }

    [BindProperty]
    public List<int> Households { get; set; } = [];

    public RtUnit? SourceUnit { get; private set; }

    public IReadOnlyList<SplitHousehold> Candidates { get; private set; } = [];

    public string? Created { get; private set; }

    public int MovedResidents { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is null)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var (outcome, created, residents) = await split.SplitAsync(CurrentOffice!, Source, Rw, Rt, Households, who.Actor, ct);
        if (outcome == RtSplitOutcome.Done)
        {
            Created = RtCode.Format(created!.VillageCode, created.Rw, created.Rt);
            MovedResidents = residents;
        }
        else
        {
            ModelState.AddModelError(string.Empty, text["Split." + outcome]);
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SourceUnit = await split.SourceAsync(CurrentOffice!, Source, ct);
        if (SourceUnit is not null)
        {
            Candidates = await split.HouseholdsAsync(SourceUnit.Id, ct);
        }
        else if (!string.IsNullOrWhiteSpace(Source))
        {
            ModelState.AddModelError(nameof(Source), text["Split.SourceUnknown"]);
        }
    }
}
