using Adminduk.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Adminduk.Web.Features.Documents;

/// <summary>The public page a document's QR code opens: authentic and current, superseded, or unknown. Rate-limited per client.</summary>
[AllowAnonymous]
[EnableRateLimiting(DocumentsSetup.VerifyRateLimit)]
public sealed class VerifyModel(AdmindukDbContext db) : PageModel
{
    public string? Code { get; private set; }

    public VerificationResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, [FromQuery(Name = "kode")] string? typed, CancellationToken ct)
    {
        // The form on the page sends the typed code as ?kode=; the QR code's address carries it in the path.
        if (string.IsNullOrWhiteSpace(code) && !string.IsNullOrWhiteSpace(typed))
        {
            return Redirect("/verify/" + Uri.EscapeDataString(typed.Trim()));
        }

        Code = code?.Trim();
        if (!string.IsNullOrEmpty(Code))
        {
            Result = await DocumentVerification.CheckAsync(db, Code, ct);
            if (Result.Status == VerificationStatus.Unknown)
            {
                Response.StatusCode = StatusCodes.Status404NotFound;
            }
        }

        return Page();
    }
}
