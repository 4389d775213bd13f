using System.Text;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.BackOffice.RtHeads;

/// <summary>Imports RT heads from a CSV file (or pasted text): every RT of the city in one go, with a report per row.</summary>
[Authorize(Policy = Policies.Supervisor)]
[RequestSizeLimit(MaxBytes + (64 * 1024))]
public sealed class ImportModel(AdmindukDbContext db, RtHeadAccounts accounts, IStringLocalizer<RtHeadPages> text) : RtHeadPageBase(db)
{
    public const int MaxBytes = 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public bool Replace { get; set; }

    public IReadOnlyList<RtHeadResult>? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await CallerAsync(ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        string content;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > MaxBytes)
            {
                ModelState.AddModelError(nameof(Upload), text["Import.TooLarge"]);
                return Page();
            }

            using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8);
            content = await reader.ReadToEndAsync(ct);
        }
        else
        {
            content = Text ?? "";
        }

        var rows = RtHeadCsv.Parse(content);
        if (rows.Count == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["Import.Empty"]);
            return Page();
        }

        Results = await accounts.ApplyAsync(CurrentOffice!, rows, Replace, who.Actor, ct);
        return Page();
    }
}
