using System.Globalization;
using Adminduk.Domain.Calendar;
using Adminduk.Domain.Population;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.BackOffice.Settings;

public sealed record OperatorRow(Guid Id, string Name, string UserName, IReadOnlySet<string> Skills);

/// <summary>
/// Supervisors set their office's calendar (service hours, cut-off, working days, holidays), capacity, walk-in
/// policy and which services each operator may take. Every change is audited.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class IndexModel(AdmindukDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty]
    public string? DailyCutoff { get; set; }

    [BindProperty]
    public string? ServiceOpens { get; set; }

    [BindProperty]
    public string? ServiceCloses { get; set; }

    [BindProperty]
    public List<DayOfWeek> WorkingDays { get; set; } = [];

    [BindProperty]
    public WalkInPolicy WalkInPolicy { get; set; }

    [BindProperty]
    public int OperatorCount { get; set; }

    [BindProperty]
    public int ApplicationsPerOperatorPerDay { get; set; }

    [BindProperty]
    public int PromiseDays { get; set; }

    [BindProperty]
    public string? HolidayDate { get; set; }

    [BindProperty]
    public string? HolidayName { get; set; }

    [BindProperty]
    public int HolidayId { get; set; }

    [BindProperty]
    public Guid OperatorId { get; set; }

    [BindProperty]
    public List<string> Skills { get; set; } = [];

    public Office? CurrentOffice { get; private set; }

    public IReadOnlyList<OfficeHoliday> Holidays { get; private set; } = [];

    public IReadOnlyList<OperatorRow> Operators { get; private set; } = [];

    public static IReadOnlyList<ServiceDefinition> Services => ServiceCatalog.Default.Services;

    /// <summary>Monday first, as Indonesian calendars show the week.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is null)
        {
            return NotFound();
        }

        Fill(CurrentOffice!);
        await LoadListsAsync(ct);
        return Page();
    }

    /// <summary>A post without a handler name (nothing this page's forms send) goes back to the page.</summary>
    public IActionResult OnPost() => RedirectToPage();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var office = CurrentOffice!;
        var cutoff = ParseTime(DailyCutoff, nameof(DailyCutoff));
        var opens = ParseTime(ServiceOpens, nameof(ServiceOpens));
        var closes = ParseTime(ServiceCloses, nameof(ServiceCloses));
        if (opens is { } o && closes is { } c && c <= o)
        {
            ModelState.AddModelError(nameof(ServiceCloses), localizer["BackOffice.Settings.ClosesAfterOpens"]);
        }

        if (WorkingDays.Count == 0)
        {
            ModelState.AddModelError(nameof(WorkingDays), localizer["BackOffice.Settings.NeedWorkingDay"]);
        }

        if (!Enum.IsDefined(WalkInPolicy))
        {
            ModelState.AddModelError(nameof(WalkInPolicy), localizer["BackOffice.Settings.Invalid"]);
        }

        Range(OperatorCount, 0, 500, nameof(OperatorCount));
        Range(ApplicationsPerOperatorPerDay, 1, 5000, nameof(ApplicationsPerOperatorPerDay));
        Range(PromiseDays, 1, 60, nameof(PromiseDays));
        if (!ModelState.IsValid)
        {
            await LoadListsAsync(ct);
            return Page();
        }

        var before = Describe(office);
        office.DailyCutoff = cutoff!.Value;
        office.ServiceOpens = opens!.Value;
        office.ServiceCloses = closes!.Value;
        office.WorkingDaysMask = OfficeCalendar.MaskFromDays(WorkingDays);
        office.WalkInPolicy = WalkInPolicy;
        office.OperatorCount = OperatorCount;
        office.ApplicationsPerOperatorPerDay = ApplicationsPerOperatorPerDay;
        office.PromiseDays = PromiseDays;
        audit.Add("office.settings", "office", office.Code, $"{before} -> {Describe(office)}", who.Actor);
        await db.SaveChangesAsync(ct);
        return Saved();
    }

    public async Task<IActionResult> OnPostAddHolidayAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var date = DateOnly.TryParseExact(HolidayDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var name = HolidayName?.Trim();
        if (date is null)
        {
            ModelState.AddModelError(nameof(HolidayDate), localizer["BackOffice.Settings.HolidayDateInvalid"]);
        }

        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            ModelState.AddModelError(nameof(HolidayName), localizer["BackOffice.Settings.HolidayNameRequired"]);
        }

        if (!ModelState.IsValid)
        {
            Fill(CurrentOffice!);
            await LoadListsAsync(ct);
            return Page();
        }

        db.OfficeHolidays.Add(new OfficeHoliday { OfficeId = CurrentOffice!.Id, Date = date!.Value, Name = name! });
        audit.Add("office.holiday-add", "office", CurrentOffice.Code, $"{date:yyyy-MM-dd} {name}", who.Actor);
        await db.SaveChangesAsync(ct);
        return Saved();
    }

    public async Task<IActionResult> OnPostRemoveHolidayAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        // Only the office's own holidays; national ones are not the office's to remove.
        var holiday = await db.OfficeHolidays.FirstOrDefaultAsync(h => h.Id == HolidayId && h.OfficeId == CurrentOffice!.Id, ct);
        if (holiday is null)
        {
            return NotFound();
        }

        db.OfficeHolidays.Remove(holiday);
        audit.Add("office.holiday-remove", "office", CurrentOffice!.Code, $"{holiday.Date:yyyy-MM-dd} {holiday.Name}", who.Actor);
        await db.SaveChangesAsync(ct);
        return Saved();
    }

    public async Task<IActionResult> OnPostSkillsAsync(CancellationToken ct)
    {
        if (await CallerAsync(ct) is not { } who)
        {
            return NotFound();
        }

        var member = await db.Users.AnyAsync(u => u.Id == OperatorId && u.OfficeId == CurrentOffice!.Id, ct);
        if (!member)
        {
            return NotFound();
        }

        var wanted = Skills.Where(s => ServiceCatalog.Default.Find(s) is not null).ToHashSet(StringComparer.Ordinal);
        var current = await db.OperatorSkills.Where(s => s.UserId == OperatorId).ToListAsync(ct);
        db.OperatorSkills.RemoveRange(current.Where(s => !wanted.Contains(s.ServiceCode)));
        db.OperatorSkills.AddRange(wanted.Where(w => current.All(s => s.ServiceCode != w)).Select(w => new OperatorSkill { UserId = OperatorId, ServiceCode = w }));
        audit.Add("operator.skills", "user", OperatorId.ToString(), wanted.Count == 0 ? "all services" : string.Join(",", wanted.Order(StringComparer.Ordinal)), who.Actor);
        await db.SaveChangesAsync(ct);
        return Saved();
    }

    private IActionResult Saved()
    {
        TempData[BackOffice.IndexModel.MessageKey] = "BackOffice.Settings.Saved";
        return RedirectToPage(new { office = Office });
    }

    private async Task<StaffMember?> CallerAsync(CancellationToken ct)
    {
        var who = await StaffMember.ForAsync(User, db, ct);
        CurrentOffice = who is null ? null : await who.OfficeAsync(db, Office, ct);
        if (CurrentOffice is null)
        {
            return null;
        }

        ViewData["OfficeCode"] = who!.OfficeId is null ? CurrentOffice.Code : null;
        return who;
    }

    private void Fill(Office office)
    {
        DailyCutoff = Time(office.DailyCutoff);
        ServiceOpens = Time(office.ServiceOpens);
        ServiceCloses = Time(office.ServiceCloses);
        WorkingDays = [.. OfficeCalendar.DaysFromMask(office.WorkingDaysMask)];
        WalkInPolicy = office.WalkInPolicy;
        OperatorCount = office.OperatorCount;
        ApplicationsPerOperatorPerDay = office.ApplicationsPerOperatorPerDay;
        PromiseDays = office.PromiseDays;
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        var office = CurrentOffice!;
        var today = (await OfficeCalendars.ForAsync(db, office, ct)).LocalDate(clock.GetUtcNow());
        Holidays = await db.OfficeHolidays.AsNoTracking()
            .Where(h => (h.OfficeId == office.Id || h.OfficeId == null) && h.Date >= today)
            .OrderBy(h => h.Date)
            .Take(60)
            .ToListAsync(ct);
        var staff = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where u.OfficeId == office.Id && r.Name == Roles.Operator
            orderby u.FullName
            select new { u.Id, u.FullName, u.UserName }).ToListAsync(ct);
        var ids = staff.Select(s => s.Id).ToList();
        var skills = await db.OperatorSkills.AsNoTracking().Where(s => ids.Contains(s.UserId)).ToListAsync(ct);
        Operators = [.. staff.Select(s => new OperatorRow(s.Id, s.FullName, s.UserName ?? "",
            skills.Where(k => k.UserId == s.Id).Select(k => k.ServiceCode).ToHashSet(StringComparer.Ordinal)))];
    }

    private TimeOnly? ParseTime(string? value, string field)
    {
        if (TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }

        ModelState.AddModelError(field, localizer["BackOffice.Settings.TimeInvalid"]);
        return null;
    }

    private void Range(int value, int min, int max, string field)
    {
        if (value < min || value > max)
        {
            ModelState.AddModelError(field, localizer["BackOffice.Settings.OutOfRange", min, max]);
        }
    }

    private static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Describe(Office o) => string.Create(CultureInfo.InvariantCulture,
        $"cutoff {Time(o.DailyCutoff)}, hours {Time(o.ServiceOpens)}-{Time(o.ServiceCloses)}, days {o.WorkingDaysMask}, walk-ins {o.WalkInPolicy}, capacity {o.OperatorCount}x{o.ApplicationsPerOperatorPerDay}, promise {o.PromiseDays}");
}
