using System.ComponentModel.DataAnnotations;
using Adminduk.Domain.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Adminduk.Web.Features.Applications;

/// <summary>Public status lookup by receipt number and the applicant's birth date; posts are rate-limited per client.</summary>
[AllowAnonymous]
[EnableRateLimiting(ApplicationApi.LookupRateLimit)]
public sealed class StatusModel(ApplicationQueries queries) : PageModel
{
    [BindProperty]
    [MaxLength(40)]
    public string? Receipt { get; set; }

    [BindProperty]
    [MaxLength(20)]
    public string? BirthDate { get; set; }

    public PublicStatus? Result { get; private set; }

    public bool Missing { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        Result = ModelState.IsValid ? await queries.LookupAsync(Receipt, FormValidator.ParseDate(BirthDate), ct) : null;
        Missing = Result is null;
    }
}
