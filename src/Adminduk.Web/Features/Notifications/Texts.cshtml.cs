using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Notifications;

/// <summary>
/// Supervisors write their office's own SMS and e-mail texts per message; without one, the standard text is sent.
/// WhatsApp texts are templates approved by the provider, so they are not edited here. Only the standard text's
/// placeholders may be used.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class TextsModel(AdmindukDbContext db, TimeProvider time, AuditLog audit, IStringLocalizer<NotificationPages> text) : PageModel
{
    public const int MaxLength = 1000;

    /// <summary>Messages about a person's account are not tied to an office; the rest can have office texts.</summary>
    private static readonly HashSet<string> AccountTemplates = new(StringComparer.Ordinal) { "otp", "identity-link-code", "phone-change-code", "phone-changed", "email-subject" };

    public static readonly MessageChannel[] Channels = [MessageChannel.Sms, MessageChannel.Email];

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Template { get; set; }

    [BindProperty]
    public MessageChannel Channel { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public Office? CurrentOffice { get; private set; }

    public static IReadOnlyList<string> Templates { get; } = [.. Outbox.TemplateNames().Where(t => !AccountTemplates.Contains(t))];

    public IReadOnlyDictionary<MessageChannel, string> Custom { get; private set; } = new Dictionary<MessageChannel, string>();

    public IReadOnlySet<string> Customised { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is null)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public IActionResult OnPost() => RedirectToPage(new { office = Office, template = Template });

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who || Template is null || !Templates.Contains(Template) || !Channels.Contains(Channel))
        {
            return NotFound();
        }

        var value = Text?.Trim() ?? "";
        var allowed = Outbox.PlaceholdersOf(Template).ToHashSet(StringComparer.Ordinal);
        if (value.Length == 0 || value.Length > MaxLength)
        {
            ModelState.AddModelError(nameof(Text), text["Texts.Length", MaxLength]);
        }
        else if (Outbox.PlaceholdersIn(value).FirstOrDefault(p => !allowed.Contains(p)) is { } unknown)
        {
            ModelState.AddModelError(nameof(Text), text["Texts.UnknownPlaceholder", "{" + unknown + "}"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var office = CurrentOffice!;
        var row = await db.Set<MessageText>().FirstOrDefaultAsync(t => t.OfficeId == office.Id && t.Template == Template && t.Channel == Channel, ct);
        if (row is null)
        {
            row = new MessageText { OfficeId = office.Id, Template = Template, Channel = Channel, Text = value };
            db.Set<MessageText>().Add(row);
        }

        row.Text = value;
        row.UpdatedAt = time.GetUtcNow();
        row.UpdatedByUserId = who.UserId;
        audit.Add("message-text.save", "office", office.Code, $"{Template} {Channel}", who.Actor);
        await db.SaveChangesAsync(ct);
        TempData["Texts.Saved"] = true;
        return RedirectToPage(new { office = Office, template = Template });
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who || Template is null)
        {
            return NotFound();
        }

        var office = CurrentOffice!;
        var removed = await db.Set<MessageText>().Where(t => t.OfficeId == office.Id && t.Template == Template && t.Channel == Channel).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await audit.WriteAsync("message-text.reset", "office", office.Code, $"{Template} {Channel}", who.Actor, ct);
        }

        TempData["Texts.Saved"] = true;
        return RedirectToPage(new { office = Office, template = Template });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var office = CurrentOffice!;
        var rows = await db.Set<MessageText>().AsNoTracking().Where(t => t.OfficeId == office.Id).ToListAsync(ct);
        Customised = rows.Select(r => r.Template).ToHashSet(StringComparer.Ordinal);
        Custom = rows.Where(r => r.Template == Template).ToDictionary(r => r.Channel, r => r.Text);
    }

    private async Task<StaffMember?> CallerAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (Template is not null && !Templates.Contains(Template))
        {
            Template = null;
        }

        return CurrentOffice is null ? null : who;
    }
}
