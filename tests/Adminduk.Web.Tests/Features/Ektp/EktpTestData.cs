using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Documents;
using Adminduk.Web.Features.Ektp;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Features.Register;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Features.Ektp;

/// <summary>An office with a main office and a UPTD unit, each with recording desks and a counter.</summary>
internal sealed record EktpOffice(Office Office, ServicePoint Main, ServicePoint Uptd, VisitSchedule MainRecording, VisitSchedule UptdRecording, VisitSchedule MainCounter);

/// <summary>
/// The e-KTP services without a web host, as one app instance with its own clock and connection pool, and the data
/// the tests build: offices with schedules, citizens and applications.
/// </summary>
internal static class EktpTestData
{
    public static ServiceProvider Services(TestDatabase database, TimeProvider clock, string instance = "a", IReadOnlyDictionary<string, string?>? settings = null)
    {
        var connection = database.Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "adminduk-ektp-" + instance, MaxPoolSize = 40 }.ConnectionString
            : database.ConnectionString;
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Adminduk"] = connection,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAdmindukDatabase(configuration);
        services.AddSingleton(clock);
        services.AddAdmindukAudit();
        services.AddScoped<Outbox>();
        services.AddAdmindukBackOffice(configuration);
        services.AddAdmindukRegister();
        services.AddAdmindukDocuments(configuration);
        services.AddAdmindukEktp(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public static async Task<T> InScopeAsync<T>(this IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static Task<T> Run<TService, T>(this IServiceProvider services, Func<TService, Task<T>> work)
        where TService : notnull =>
        services.InScopeAsync(sp => work(sp.GetRequiredService<TService>()));

    public static async Task WithDbAsync(this IServiceProvider services, Func<AdmindukDbContext, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdmindukDbContext>();
        await work(db);
        await db.SaveChangesAsync();
    }

    public static async Task<T> QueryAsync<T>(this IServiceProvider services, Func<AdmindukDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AdmindukDbContext>());
    }

    /// <summary>
    /// Main office: 3 recording desks 08:00-15:00, break 12:00-13:00, 30-minute slots (12 a day); 1 counter desk.
    /// UPTD: 1 recording desk 08:00-12:00, no break, 60-minute slots (4 a day).
    /// </summary>
    public static async Task<EktpOffice> AddOfficeAsync(this IServiceProvider services, string code = "BPN", string timeZone = "Asia/Makassar", string regency = "64.71")
    {
        EktpOffice? result = null;
        await services.WithDbAsync(async db =>
        {
            var office = new Office { Code = code, Name = $"Disdukcapil {code}", RegencyCode = regency, TimeZoneId = timeZone };
            var main = new ServicePoint { Office = office, Name = "Kantor Dinas " + code, Address = "Jl. Jend. Sudirman No. 1", Kind = ServicePointKind.MainOffice };
            var uptd = new ServicePoint { Office = office, Name = "UPTD Utara " + code, Address = "Jl. Soekarno-Hatta Km 5", Kind = ServicePointKind.Uptd };
            db.AddRange(office, main, uptd);
            await db.SaveChangesAsync();
            var mainRecording = new VisitSchedule { ServicePointId = main.Id, DeskKind = DeskKind.Recording, Desks = 3 };
            var uptdRecording = new VisitSchedule
            {
                ServicePointId = uptd.Id,
                DeskKind = DeskKind.Recording,
                Desks = 1,
                Opens = new(8, 0),
                Closes = new(12, 0),
                BreakStarts = null,
                BreakEnds = null,
                SlotMinutes = 60,
            };
            var mainCounter = new VisitSchedule { ServicePointId = main.Id, DeskKind = DeskKind.Counter, Desks = 1 };
            db.VisitSchedules.AddRange(mainRecording, uptdRecording, mainCounter);
            await db.SaveChangesAsync();
            result = new EktpOffice(office, main, uptd, mainRecording, uptdRecording, mainCounter);
        });
        return result!;
    }

    /// <summary>A citizen account (no password: services do not sign in) with a phone for messages.</summary>
    public static async Task<AppUser> AddCitizenAsync(this IServiceProvider services, string phone, Action<AppUser>? configure = null)
    {
        var user = new AppUser
        {
            UserName = "warga" + phone.TrimStart('+'),
            NormalizedUserName = "WARGA" + phone.TrimStart('+'),
            PhoneNumber = phone,
            FullName = "Warga " + phone[^4..],
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        configure?.Invoke(user);
        await services.WithDbAsync(db =>
        {
            db.Users.Add(user);
            return Task.CompletedTask;
        });
        return user;
    }

    public static async Task<Application> AddApplicationAsync(
        this IServiceProvider services, Office office, Guid applicant, DateTimeOffset at, string service = "ktp-baru",
        ApplicationStatus status = ApplicationStatus.Queued, Dictionary<string, string>? form = null, Action<Application>? configure = null)
    {
        var application = new Application
        {
            ReceiptNumber = ReceiptNumber.Generate(office.Code, DateOnly.FromDateTime(at.UtcDateTime)),
            OfficeId = office.Id,
            ServiceCode = service,
            Status = status,
            ApplicantUserId = applicant,
            FormJson = JsonSerializer.Serialize(form ?? new Dictionary<string, string> { ["nik"] = "6471050101080001" }),
            CreatedAt = at,
            UpdatedAt = at,
            SubmittedAt = at,
            QueuedAt = at,
            BatchDay = DateOnly.FromDateTime(at.UtcDateTime),
            DecidedAt = status == ApplicationStatus.Approved ? at : null,
        };
        configure?.Invoke(application);
        await services.WithDbAsync(db =>
        {
            db.Applications.Add(application);
            return Task.CompletedTask;
        });
        return application;
    }

    /// <summary>A resident of the register, so documents (the suket) can be issued for them.</summary>
    public static async Task<Resident> AddResidentAsync(this IServiceProvider services, string nik, string name)
    {
        var resident = new Resident
        {
            Nik = nik,
            FullName = name,
            Sex = Sex.Male,
            BirthPlace = "Balikpapan",
            BirthDate = new DateOnly(1990, 1, 1),
            Religion = Religion.Islam,
            MaritalStatus = MaritalStatus.BelumKawin,
            Education = Education.Slta,
            Occupation = "Karyawan Swasta",
        };
        await services.WithDbAsync(db =>
        {
            db.Residents.Add(resident);
            return Task.CompletedTask;
        });
        return resident;
    }

    public static StaffMember Staff(Office office, string role = Roles.Supervisor) =>
        new(Guid.NewGuid(), "petugas." + role, "Petugas " + role, office.Id, role == Roles.Supervisor, false);

    public static AuditActor Actor(AppUser user) => new(user.Id, user.UserName!);

    /// <summary>Outbox messages of one template, oldest first.</summary>
    public static Task<List<OutboxMessage>> MessagesAsync(this IServiceProvider services, string template) =>
        services.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Template == template).OrderBy(m => m.Id).ToListAsync());

    public static DateTimeOffset Wita(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();
}
