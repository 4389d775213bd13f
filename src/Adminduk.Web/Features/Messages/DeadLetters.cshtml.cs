using System.Globalization;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.CitizenAccount;
using Adminduk.Web.Features.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Messages;

/// <summary>
/// Messages every retry failed for (the dead-letter list), with each attempt's answer. Staff re-send one after the
/// cause is fixed; it keeps its idempotency key, so a provider that did get an earlier try recognises the repeat.
/// Texts are not shown (they may hold one-time codes).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DeadLettersModel(AdmindukDbContext db, TimeProvider time, AuditLog audit) : PageModel
{
    [BindProperty]
    public long MessageId { get; set; }

    public IReadOnlyList<DeadLetterRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.DeadLetter)
            .OrderByDescending(m => m.Id)
            .Take(100)
            .ToListAsync(ct);
        var ids = messages.Select(m => m.Id).ToList();
        var attempts = await db.Set<OutboxAttempt>().AsNoTracking().Where(a => ids.Contains(a.MessageId)).OrderBy(a => a.Id).ToListAsync(ct);
        Rows = [.. messages.Select(m => new DeadLetterRow(
            m.Id, m.CreatedAt, ContactMask.Mask(m.Recipient), m.Template, m.Channel, m.Attempts, m.LastError,
            [.. attempts.Where(a => a.MessageId == m.Id).TakeLast(10)]))];
    }

    /// <summary>A post without a handler name (nothing this page's forms send) goes back to the page.</summary>
    public IActionResult OnPost() => RedirectToPage();

    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        if (await OutboxResend.ResendAsync(db, MessageId, time.GetUtcNow(), ct))
        {
            await audit.WriteAsync("outbox.resend", "outbox", MessageId.ToString(CultureInfo.InvariantCulture), cancellationToken: ct);
            TempData["DeadLetters.Resent"] = MessageId.ToString(CultureInfo.InvariantCulture);
        }

        return RedirectToPage();
    }

    public sealed record DeadLetterRow(
        long Id, DateTimeOffset CreatedAt, string Recipient, string Template, MessageChannel Channel, int Attempts, string? LastError, IReadOnlyList<OutboxAttempt> History);
}
