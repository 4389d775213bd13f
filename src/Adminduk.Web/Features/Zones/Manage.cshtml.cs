using Adminduk.Domain.Numbers;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Zones;

/// <summary>
/// Supervisors set up their office's service zones (UPTD): each has a WhatsApp sender number and a pickup point, and
/// serves a set of kelurahan (a kelurahan belongs to one zone at most; choosing it for another zone moves it).
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class ManageModel(AdmindukDbContext db, AuditLog audit, IStringLocalizer<NotificationPages> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    /// <summary>The zone whose kelurahan are being edited.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Zone { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? WhatsAppNumber { get; set; }

    [BindProperty]
    public string? WhatsAppPhoneNumberId { get; set; }

    /// <summary>An existing service point of the office, or 0 for a new one named below.</summary>
    [BindProperty]
    public int ServicePointId { get; set; }

    [BindProperty]
    public string? PointName { get; set; }

    [BindProperty]
    public string? PointAddress { get; set; }

    [BindProperty]
    public List<string> Villages { get; set; } = [];

    public Office? CurrentOffice { get; private set; }

    public IReadOnlyList<ServiceZone> Zones { get; private set; } = [];

    public IReadOnlyList<ServicePoint> Points { get; private set; } = [];

    /// <summary>The office's kecamatan with their kelurahan, for the zone being edited.</summary>
    public IReadOnlyList<(Region District, IReadOnlyList<Region> Villages)> Districts { get; private set; } = [];

    /// <summary>Village code -> zone name, for every kelurahan already in a zone.</summary>
    public IReadOnlyDictionary<string, (int ZoneId, string Name)> Assigned { get; private set; } = new Dictionary<string, (int, string)>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is null)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public IActionResult OnPost() => RedirectToPage(new { office = Office });

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var office = CurrentOffice!;
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), text["Zones.NameRequired"]);
        }

        string? number = null;
        if (!string.IsNullOrWhiteSpace(WhatsAppNumber))
        {
            var parsed = PhoneNumber.Parse(WhatsAppNumber);
            number = parsed.E164;
            if (number is null)
            {
                ModelState.AddModelError(nameof(WhatsAppNumber), text["Zones.NumberInvalid"]);
            }
        }

        var phoneNumberId = WhatsAppPhoneNumberId?.Trim();
        if (phoneNumberId is { Length: > 0 } && (phoneNumberId.Length > 50 || !phoneNumberId.All(char.IsAsciiDigit)))
        {
            ModelState.AddModelError(nameof(WhatsAppPhoneNumberId), text["Zones.PhoneNumberIdInvalid"]);
        }

        ServicePoint? point = null;
        if (ServicePointId != 0)
        {
            point = await db.ServicePoints.FirstOrDefaultAsync(p => p.Id == ServicePointId && p.OfficeId == office.Id, ct);
            if (point is null)
            {
                ModelState.AddModelError(nameof(ServicePointId), text["Zones.PointRequired"]);
            }
        }
        else if (string.IsNullOrWhiteSpace(PointName) || string.IsNullOrWhiteSpace(PointAddress) || PointName.Trim().Length > 200 || PointAddress.Trim().Length > 400)
        {
            ModelState.AddModelError(nameof(PointName), text["Zones.PointRequired"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        point ??= new ServicePoint { OfficeId = office.Id, Name = PointName!.Trim(), Address = PointAddress!.Trim(), Kind = ServicePointKind.Uptd };
        var zone = new ServiceZone
        {
            OfficeId = office.Id,
            Name = name!,
            WhatsAppNumber = number,
            WhatsAppPhoneNumberId = string.IsNullOrEmpty(phoneNumberId) ? null : phoneNumberId,
            ServicePoint = point,
        };
        db.Set<ServiceZone>().Add(zone);
        audit.Add("zone.add", "office", office.Code, name, who.Actor);
        await db.SaveChangesAsync(ct);
        TempData["Zones.Saved"] = true;
        return RedirectToPage(new { office = Office, zone = zone.Id });
    }

    public async Task<IActionResult> OnPostVillagesAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var office = CurrentOffice!;
        var zone = await db.Set<ServiceZone>().Include(z => z.Villages).FirstOrDefaultAsync(z => z.Id == Zone && z.OfficeId == office.Id, ct);
        if (zone is null)
        {
            return NotFound();
        }

        var catalog = RegionCatalog.Default;
        var wanted = Villages
            .Where(v => catalog.Find(v) is { Level: RegionLevel.Village } r && r.Code.StartsWith(office.RegencyCode + ".", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        // A kelurahan chosen here leaves the zone it was in.
        await db.Set<ZoneVillage>().Where(v => v.OfficeId == office.Id && v.ZoneId != zone.Id && wanted.Contains(v.VillageCode)).ExecuteDeleteAsync(ct);
        db.Set<ZoneVillage>().RemoveRange(zone.Villages.Where(v => !wanted.Contains(v.VillageCode)));
        foreach (var code in wanted.Where(w => zone.Villages.All(v => v.VillageCode != w)))
        {
            zone.Villages.Add(new ZoneVillage { OfficeId = office.Id, VillageCode = code });
        }

        audit.Add("zone.villages", "office", office.Code, $"{zone.Name}: {wanted.Count}", who.Actor);
        await db.SaveChangesAsync(ct);
        TempData["Zones.Saved"] = true;
        return RedirectToPage(new { office = Office, zone = zone.Id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var office = CurrentOffice!;
        var zone = await db.Set<ServiceZone>().FirstOrDefaultAsync(z => z.Id == Zone && z.OfficeId == office.Id, ct);
        if (zone is null)
        {
            return NotFound();
        }

        db.Set<ServiceZone>().Remove(zone);
        audit.Add("zone.delete", "office", office.Code, zone.Name, who.Actor);
        await db.SaveChangesAsync(ct);
        TempData["Zones.Saved"] = true;
        return RedirectToPage(new { office = Office });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var office = CurrentOffice!;
        Zones = await db.Set<ServiceZone>().AsNoTracking().Include(z => z.ServicePoint).Include(z => z.Villages)
            .Where(z => z.OfficeId == office.Id).OrderBy(z => z.Name).ToListAsync(ct);
        Points = await db.ServicePoints.AsNoTracking().Where(p => p.OfficeId == office.Id).OrderBy(p => p.Kind).ThenBy(p => p.Name).ToListAsync(ct);
        Assigned = Zones.SelectMany(z => z.Villages.Select(v => (v.VillageCode, z.Id, z.Name)))
            .ToDictionary(x => x.VillageCode, x => (x.Id, x.Name), StringComparer.Ordinal);
        if (Zone is int id && Zones.Any(z => z.Id == id))
        {
            var catalog = RegionCatalog.Default;
            Districts = [.. catalog.ChildrenOf(office.RegencyCode).Select(d => (d, catalog.ChildrenOf(d.Code)))];
        }
        else
        {
            Zone = null;
        }
    }

    private async Task<StaffMember?> CallerAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        return CurrentOffice is null ? null : who;
    }
}
