using System.Globalization;
using System.Text.Json;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.CitizenAccount;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Messages;

/// <summary>
/// The message log: outbox messages newest first, for staff. One-time codes are secrets ("do not give this code to
/// anyone, staff included"): operators and supervisors see them masked; only administrators see them in full (the
/// default setup has no SMS provider, so a developer signs in as administrator to read a code), and each such view
/// is audited. Recipients are partly masked for everyone.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AdmindukDbContext db, UserManager<AppUser> users, AuditLog audit) : PageModel
{
    public const int PageSize = 25;
    public const string CodeParameter = "code";
    public const string MaskedCode = "••••••";
    public const string CodesViewedAction = "messages.codes-viewed";

    [BindProperty(SupportsGet = true)]
    public OutboxStatus? Status { get; set; }

    /// <summary>Only messages to this number (any form PhoneNumber.Parse accepts).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Phone { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    public bool ShowsCodes { get; private set; }

    public string? PhoneError { get; private set; }

    /// <summary>The time zone times are shown in: the staff member's office, else UTC.</summary>
    public string ZoneLabel { get; private set; } = "UTC";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        PageNumber = Math.Max(1, PageNumber);
        ShowsCodes = User.IsInRole(Roles.Administrator);
        var zone = await ZoneAsync(user, cancellationToken);

        var query = db.OutboxMessages.AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(m => m.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Phone))
        {
            var parsed = PhoneNumber.Parse(Phone);
            if (!parsed.Valid)
            {
                PhoneError = parsed.Errors[0].MessageIn(NumberMessages.CultureFor(CultureInfo.CurrentUICulture.Name));
                return Page();
            }

            query = query.Where(m => m.Recipient == parsed.E164);
        }

        var page = await query.OrderByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        HasNextPage = page.Count > PageSize;
        Messages = [.. page.Take(PageSize).Select(m => Row(m, zone))];

        var withCodes = Messages.Where(m => m.HasCode).ToList();
        if (ShowsCodes && withCodes.Count > 0)
        {
            await audit.WriteAsync(CodesViewedAction, "outbox", null,
                "ids " + string.Join(",", withCodes.Select(m => m.Id.ToString(CultureInfo.InvariantCulture))), cancellationToken: cancellationToken);
        }

        return Page();
    }

    /// <summary>Query values of another page of the same filter.</summary>
    public IDictionary<string, string> RouteFor(int pageNumber)
    {
        var values = new Dictionary<string, string> { ["p"] = pageNumber.ToString(CultureInfo.InvariantCulture) };
        if (Status is { } status)
        {
            values["Status"] = status.ToString();
        }

        if (!string.IsNullOrWhiteSpace(Phone))
        {
            values["Phone"] = Phone;
        }

        return values;
    }

    private MessageRow Row(OutboxMessage message, TimeZoneInfo zone)
    {
        var code = CodeOf(message.PayloadJson);
        var text = code is not null && !ShowsCodes ? message.Text.Replace(code, MaskedCode, StringComparison.Ordinal) : message.Text;
        return new MessageRow(
            message.Id,
            TimeZoneInfo.ConvertTime(message.CreatedAt, zone),
            message.Status,
            message.Channel,
            ContactMask.Mask(message.Recipient),
            message.Template,
            text,
            message.Attempts,
            message.LastError,
            code is not null);
    }

    private static string? CodeOf(string payloadJson)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(payloadJson)?.GetValueOrDefault(CodeParameter) is { Length: > 0 } code ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<TimeZoneInfo> ZoneAsync(AppUser user, CancellationToken cancellationToken)
    {
        var zoneId = user.OfficeId is int officeId
            ? await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            ZoneLabel = zoneId;
            return zone;
        }

        return TimeZoneInfo.Utc;
    }

    public sealed record MessageRow(
        long Id,
        DateTimeOffset CreatedAt,
        OutboxStatus Status,
        MessageChannel Channel,
        string Recipient,
        string Template,
        string Text,
        int Attempts,
        string? LastError,
        bool HasCode);
}
