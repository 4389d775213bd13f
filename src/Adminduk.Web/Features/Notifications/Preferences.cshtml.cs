using System.Net.Mail;
using System.Security.Claims;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Notifications;

/// <summary>The citizen picks the channel messages come by first (WhatsApp, SMS or e-mail); the others are the fallback.</summary>
[Authorize(Policy = Policies.Citizen)]
public sealed class PreferencesModel(AdmindukDbContext db, TimeProvider time, IStringLocalizer<NotificationPages> text) : PageModel
{
    public static readonly MessageChannel[] Choices = [MessageChannel.WhatsApp, MessageChannel.Sms, MessageChannel.Email];

    [BindProperty]
    public MessageChannel Channel { get; set; } = MessageChannel.WhatsApp;

    [BindProperty]
    public string? Email { get; set; }

    public string? Phone { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        var userId = UserId();
        Phone = await db.Users.Where(u => u.Id == userId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        if (await db.Set<ContactPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, ct) is { } preference)
        {
            Channel = preference.Channel;
            Email = preference.Email;
        }

        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = UserId();
        Phone = await db.Users.Where(u => u.Id == userId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        var email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (!Choices.Contains(Channel))
        {
            ModelState.AddModelError(nameof(Channel), text["Preferences.ChannelInvalid"]);
        }

        if (email is not null && (email.Length > 200 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            ModelState.AddModelError(nameof(Email), text["Preferences.EmailInvalid"]);
        }
        else if (Channel == MessageChannel.Email && email is null)
        {
            ModelState.AddModelError(nameof(Email), text["Preferences.EmailRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var preference = await db.Set<ContactPreference>().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (preference is null)
        {
            preference = new ContactPreference { UserId = userId };
            db.Set<ContactPreference>().Add(preference);
        }

        preference.Channel = Channel;
        preference.Email = email;
        preference.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { saved = true });
    }

    private Guid UserId() => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
