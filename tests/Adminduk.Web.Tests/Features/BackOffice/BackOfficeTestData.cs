using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Offices;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Features.BackOffice;

/// <summary>
/// Offices, staff and queued applications for back-office tests. Applications are created directly as the application
/// engine would queue them: Status Queued, QueuedAt = submission time, BatchDay from the office calendar's cut-off rule.
/// </summary>
internal static class BackOfficeTestData
{
    public const string KtpService = "ktp-penggantian";
    public const string KkService = "kk-perubahan";

    /// <summary>WITA: Monday 2026-11-23 is a working Monday.</summary>
    public static readonly TimeSpan Wita = TimeSpan.FromHours(8);

    public static DateTimeOffset WitaTime(int day, int hour, int minute = 0, int second = 0) =>
        new DateTimeOffset(2026, 11, day, hour, minute, second, Wita).ToUniversalTime();

    public static async Task<Office> AddOfficeAsync(
        this AppFactory app, string code = "BPN", WalkInPolicy policy = WalkInPolicy.TurnAway, string timeZone = "Asia/Makassar", string regency = "64.71")
    {
        var office = new Office
        {
            Code = code,
            Name = code == "PLG" ? "Disdukcapil Kota Palembang" : $"Disdukcapil {code}",
            RegencyCode = regency,
            TimeZoneId = timeZone,
            WalkInPolicy = policy,
        };
        await app.SeedAsync(db =>
        {
            db.Offices.Add(office);
            return Task.CompletedTask;
        });
        return office;
    }

    public static Task<AppUser> CreateStaffAsync(this AppFactory app, Office? office, string role = Roles.Operator, string? name = null) =>
        app.CreateUserAsync(role, configure: u =>
        {
            u.OfficeId = office?.Id;
            if (name is not null)
            {
                u.FullName = name;
            }
        });

    public static StaffMember Staff(AppUser user, string role = Roles.Operator) =>
        new(user.Id, user.UserName!, user.FullName, user.OfficeId, role == Roles.Supervisor, role == Roles.Administrator);

    /// <summary>A citizen account with a phone, the recipient of decision messages.</summary>
    public static Task<AppUser> CreateCitizenAsync(this AppFactory app, string phone = "+6281234567001") =>
        app.CreateUserAsync(Roles.Citizen, phone, u =>
        {
            u.PhoneNumber = phone;
            u.FullName = "Warga Pemohon";
        });

    public static Application NewQueued(Office office, Domain.Calendar.OfficeCalendar calendar, DateTimeOffset submittedAt, string service = KtpService, Guid? applicant = null, string formJson = "{}") =>
        new()
        {
            ReceiptNumber = ReceiptNumber.Generate(office.Code, calendar.LocalDate(submittedAt)),
            OfficeId = office.Id,
            ServiceCode = service,
            Status = ApplicationStatus.Queued,
            ApplicantUserId = applicant ?? Guid.NewGuid(),
            FormJson = formJson,
            CreatedAt = submittedAt,
            UpdatedAt = submittedAt,
            SubmittedAt = submittedAt,
            QueuedAt = submittedAt,
            BatchDay = calendar.BatchDay(submittedAt),
        };

    /// <summary>Queues one application submitted at <paramref name="submittedAt"/>.</summary>
    public static async Task<Application> QueueAsync(
        this AppFactory app, Office office, DateTimeOffset submittedAt, string service = KtpService, Guid? applicant = null, string formJson = "{}", Action<Application>? configure = null)
    {
        Application? application = null;
        await app.SeedAsync(async db =>
        {
            var calendar = await OfficeCalendars.ForAsync(db, office, CancellationToken.None);
            application = NewQueued(office, calendar, submittedAt, service, applicant, formJson);
            configure?.Invoke(application);
            db.Applications.Add(application);
        });
        return application!;
    }

    /// <summary>Queues many applications at once (one SaveChanges).</summary>
    public static async Task<List<Application>> QueueManyAsync(this AppFactory app, Office office, IEnumerable<(DateTimeOffset At, string Service)> submissions)
    {
        var created = new List<Application>();
        await app.SeedAsync(async db =>
        {
            var calendar = await OfficeCalendars.ForAsync(db, office, CancellationToken.None);
            created.AddRange(submissions.Select(s => NewQueued(office, calendar, s.At, s.Service)));
            db.Applications.AddRange(created);
        });
        return created;
    }

    /// <summary>Runs <paramref name="work"/> in a fresh request-like scope of the app.</summary>
    public static async Task<T> InScopeAsync<T>(this AppFactory app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static Task<TakeResult> TakeNextAsync(this AppFactory app, StaffMember who) =>
        app.InScopeAsync(sp => sp.GetRequiredService<ClaimQueue>().TakeNextAsync(who, CancellationToken.None));

    public static Task<DecisionResult> DecideAsync(this AppFactory app, StaffMember who, DecisionRequest request) =>
        app.InScopeAsync(sp => sp.GetRequiredService<DecisionService>().DecideAsync(who, request, CancellationToken.None));

    public static Task<Application> ReloadAsync(this AppFactory app, long id) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmindukDbContext>();
            return await db.Applications.FindAsync(id) ?? throw new InvalidOperationException($"No application {id}.");
        });
}
