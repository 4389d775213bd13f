using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Ektp;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Adminduk.Web.Tests.Features.Ektp.EktpTestData;

namespace Adminduk.Web.Tests.Features.Ektp;

public class BookingTests
{
    private static async Task<(ServiceProvider Services, FakeTimeProvider Clock, EktpOffice Office)> SetUpAsync(TestDatabase database, Dictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 7, 0));
        var services = Services(database, clock, settings: settings ?? new Dictionary<string, string?> { ["Ektp:WeeksAhead"] = "1" });
        var office = await services.AddOfficeAsync();
        await services.Run<SlotGenerator, int>(g => g.GenerateAsync(office.Office.Id, null, CancellationToken.None));
        return (services, clock, office);
    }

    private static Task<AppointmentSlot> SlotAsync(IServiceProvider services, int scheduleId, DateTimeOffset startsAt) =>
        services.QueryAsync(db => db.AppointmentSlots.AsNoTracking().SingleAsync(s => s.ScheduleId == scheduleId && s.StartsAt == startsAt));

    private static Task<BookingOutcome> BookAsync(IServiceProvider services, Application application, AppUser citizen, long slotId, VisitKind kind = VisitKind.Recording) =>
        services.Run<AppointmentBook, BookingOutcome>(b => b.BookAsync(application.Id, citizen.Id, kind, slotId, Actor(citizen), CancellationToken.None));

    [Theory, BothDatabases]
    public async Task A_citizen_books_rebooks_and_cancels_and_the_places_follow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (services, _, o) = await SetUpAsync(database);
        await using var _s = services;
        var citizen = await services.AddCitizenAsync("+6281200000001");
        var application = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 20, 0));
        var nine = await SlotAsync(services, o.MainRecording.Id, Wita(2026, 11, 24, 9, 0));
        var uptd = await SlotAsync(services, o.UptdRecording.Id, Wita(2026, 11, 24, 10, 0));

        (await services.Run<AppointmentBook, IReadOnlyList<VisitKind>>(b => b.OpenVisitsAsync(application, CancellationToken.None))).ShouldBe([VisitKind.Recording]);
        var open = await services.Run<AppointmentBook, List<OpenSlot>>(b => b.OpenSlotsAsync(o.Office.Id, VisitKind.Recording, CancellationToken.None));
        open.ShouldContain(s => s.Id == nine.Id && s.PlacesLeft == 3);
        open.ShouldNotContain(s => s.StartsAt < Wita(2026, 11, 23, 8, 0)); // an hour's notice from 07:00
        var counterSlots = await services.QueryAsync(db => db.AppointmentSlots.Where(s => s.DeskKind == DeskKind.Counter).Select(s => s.Id).ToListAsync());
        open.Select(s => s.Id).Intersect(counterSlots).ShouldBeEmpty();

        (await BookAsync(services, application, citizen, nine.Id)).ShouldBe(BookingOutcome.Booked);
        (await SlotAsync(services, o.MainRecording.Id, nine.StartsAt)).Booked.ShouldBe(1);
        (await BookAsync(services, application, citizen, nine.Id)).ShouldBe(BookingOutcome.AlreadyBooked);

        (await BookAsync(services, application, citizen, uptd.Id)).ShouldBe(BookingOutcome.Booked); // a rebooking
        (await SlotAsync(services, o.MainRecording.Id, nine.StartsAt)).Booked.ShouldBe(0);
        (await SlotAsync(services, o.UptdRecording.Id, uptd.StartsAt)).Booked.ShouldBe(1);
        var appointments = await services.QueryAsync(db => db.Appointments.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        appointments.Select(a => a.Status).ShouldBe([AppointmentStatus.Cancelled, AppointmentStatus.Booked]);

        (await services.Run<AppointmentBook, BookingOutcome>(b => b.CancelAsync(application.Id, citizen.Id, VisitKind.Recording, Actor(citizen), CancellationToken.None)))
            .ShouldBe(BookingOutcome.Cancelled);
        (await SlotAsync(services, o.UptdRecording.Id, uptd.StartsAt)).Booked.ShouldBe(0);

        var messages = await services.MessagesAsync("appointment-booked");
        messages.Count.ShouldBe(2);
        messages[1].Recipient.ShouldBe("+6281200000001");
        messages[1].Text.ShouldContain("Selasa, 24 November 2026 10.00");
        messages[1].Text.ShouldContain("UPTD Utara BPN");
        var history = await services.QueryAsync(db => db.ApplicationHistory.AsNoTracking().Where(h => h.ApplicationId == application.Id).OrderBy(h => h.Id).Select(h => h.Note).ToListAsync());
        history.ShouldBe(
        [
            "Jadwal perekaman KTP-el: Selasa, 24 November 2026 09.00, Kantor Dinas BPN, Jl. Jend. Sudirman No. 1.",
            "Jadwal perekaman KTP-el diganti: Selasa, 24 November 2026 10.00, UPTD Utara BPN, Jl. Soekarno-Hatta Km 5.",
            "Jadwal perekaman KTP-el pada Selasa, 24 November 2026 10.00 dibatalkan pemohon.",
        ]);
        (await services.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("appointment.")))).ShouldBe(3);
    }

    [Theory, BothDatabases]
    public async Task Bookings_are_refused_for_the_wrong_desk_too_soon_someone_else_or_a_service_without_a_visit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (services, clock, o) = await SetUpAsync(database);
        await using var _s = services;
        clock.SetUtcNow(Wita(2026, 11, 23, 7, 1));
        var citizen = await services.AddCitizenAsync("+6281200000002");
        var other = await services.AddCitizenAsync("+6281200000003");
        var application = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 20, 0));
        var kk = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 20, 0), "kk-perubahan");
        var counter = await SlotAsync(services, o.MainCounter.Id, Wita(2026, 11, 24, 9, 0));
        var soon = await SlotAsync(services, o.MainRecording.Id, Wita(2026, 11, 23, 8, 0)); // less than an hour ahead
        var fine = await SlotAsync(services, o.MainRecording.Id, Wita(2026, 11, 24, 9, 0));

        (await BookAsync(services, application, citizen, counter.Id)).ShouldBe(BookingOutcome.SlotUnavailable);
        (await BookAsync(services, application, citizen, soon.Id)).ShouldBe(BookingOutcome.SlotUnavailable);
        (await BookAsync(services, application, other, fine.Id)).ShouldBe(BookingOutcome.NotNeeded);
        (await BookAsync(services, kk, citizen, fine.Id)).ShouldBe(BookingOutcome.NotNeeded);
        (await BookAsync(services, application, citizen, counter.Id, VisitKind.BringOriginal)).ShouldBe(BookingOutcome.NotNeeded);
        (await services.QueryAsync(db => db.Appointments.CountAsync())).ShouldBe(0);
        (await services.QueryAsync(db => db.AppointmentSlots.SumAsync(s => s.Booked))).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task Changes_are_limited_but_a_no_show_may_book_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (services, clock, o) = await SetUpAsync(database, new Dictionary<string, string?> { ["Ektp:WeeksAhead"] = "1", ["Ektp:MaxChangesPerVisit"] = "1" });
        await using var _s = services;
        var citizen = await services.AddCitizenAsync("+6281200000004");
        var application = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 20, 0));
        var a = await SlotAsync(services, o.MainRecording.Id, Wita(2026, 11, 23, 9, 0));
        var b = await SlotAsync(services, o.MainRecording.Id, Wita(2026, 11, 24, 9, 0));
        var c = await SlotAsync(services, o.MainRecording.Id, Wita(2026, 11, 25, 9, 0));
        var d = await SlotAsync(services, o.MainRecording.Id, Wita(2026, 11, 26, 9, 0));

        (await BookAsync(services, application, citizen, a.Id)).ShouldBe(BookingOutcome.Booked);
        (await BookAsync(services, application, citizen, b.Id)).ShouldBe(BookingOutcome.Booked); // the one change allowed
        (await BookAsync(services, application, citizen, c.Id)).ShouldBe(BookingOutcome.LimitReached);

        // Tuesday 09:10: the citizen did not come. Staff mark the no-show; the citizen may book again.
        clock.SetUtcNow(Wita(2026, 11, 24, 9, 10));
        var staff = Staff(o.Office, Domain.Population.Roles.Operator);
        var live = await services.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync(x => x.Status == AppointmentStatus.Booked));
        (await services.Run<AppointmentBook, bool>(x => x.MarkNoShowAsync(staff, live.Id, CancellationToken.None))).ShouldBeTrue();
        (await services.MessagesAsync("appointment-missed")).Count.ShouldBe(1);
        (await BookAsync(services, application, citizen, d.Id)).ShouldBe(BookingOutcome.Booked);
    }

    [Theory, BothDatabases]
    public async Task No_show_only_after_the_slot_began_and_only_for_staff_of_the_office(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (services, _, o) = await SetUpAsync(database);
        await using var _s = services;
        var other = await services.AddOfficeAsync("SMD");
        var citizen = await services.AddCitizenAsync("+6281200000005");
        var application = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 20, 0));
        var slot = await SlotAsync(services, o.MainRecording.Id, Wita(2026, 11, 24, 9, 0));
        await BookAsync(services, application, citizen, slot.Id);
        var id = await services.QueryAsync(db => db.Appointments.Select(x => x.Id).SingleAsync());

        (await services.Run<AppointmentBook, bool>(x => x.MarkNoShowAsync(Staff(o.Office), id, CancellationToken.None))).ShouldBeFalse();
        (await services.Run<AppointmentBook, bool>(x => x.CheckInAsync(Staff(other.Office), id, CancellationToken.None))).ShouldBeFalse();
        (await services.Run<AppointmentBook, bool>(x => x.CheckInAsync(Staff(o.Office), id, CancellationToken.None))).ShouldBeTrue();
        (await services.Run<AppointmentBook, bool>(x => x.CheckInAsync(Staff(o.Office), id, CancellationToken.None))).ShouldBeFalse();
        (await services.QueryAsync(db => db.Appointments.Select(x => x.Status).SingleAsync())).ShouldBe(AppointmentStatus.CheckedIn);
    }

    [Theory, BothDatabases]
    public async Task Capacity_holds_under_concurrent_bookings_from_several_instances(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (first, clock, o) = await SetUpAsync(database);
        var instances = new List<ServiceProvider> { first };
        instances.AddRange(Enumerable.Range(1, 3).Select(i => Services(database, clock, "book" + i)));
        try
        {
            var slot = await SlotAsync(first, o.MainRecording.Id, Wita(2026, 11, 24, 9, 0)); // 3 desks
            var people = new List<(AppUser Citizen, Application Application)>();
            for (var i = 0; i < 24; i++)
            {
                var citizen = await first.AddCitizenAsync("+62812100000" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
                people.Add((citizen, await first.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 20, i))));
            }

            // Everyone at once, spread over four app instances with their own connection pools; the start gate
            // releases them together so the bookings really overlap.
            using var gate = new SemaphoreSlim(0);
            var tasks = people.Select((p, i) => Task.Run(async () =>
            {
                await gate.WaitAsync();
                return await BookAsync(instances[i % instances.Count], p.Application, p.Citizen, slot.Id);
            })).ToList();
            gate.Release(people.Count);
            var outcomes = await Task.WhenAll(tasks);

            outcomes.Count(x => x == BookingOutcome.Booked).ShouldBe(3);
            outcomes.Count(x => x == BookingOutcome.Full).ShouldBe(21);
            var stored = await SlotAsync(first, o.MainRecording.Id, slot.StartsAt);
            stored.Booked.ShouldBe(3);
            (await first.QueryAsync(db => db.Appointments.CountAsync(a => a.SlotId == slot.Id && a.Status == AppointmentStatus.Booked))).ShouldBe(3);
            (await first.MessagesAsync("appointment-booked")).Count.ShouldBe(3);
        }
        finally
        {
            foreach (var s in instances)
            {
                await s.DisposeAsync();
            }
        }
    }

    [Theory, BothDatabases]
    public async Task The_database_refuses_an_overbooked_slot_whatever_the_code_does(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (services, _, o) = await SetUpAsync(database);
        await using var _s = services;
        var slot = await SlotAsync(services, o.UptdRecording.Id, Wita(2026, 11, 24, 9, 0));
        await Should.ThrowAsync<DbUpdateException>(() => services.WithDbAsync(async db =>
        {
            var tracked = await db.AppointmentSlots.SingleAsync(s => s.Id == slot.Id);
            tracked.Booked = tracked.Capacity + 1;
        }));
    }

    [Theory, BothDatabases]
    public async Task Identity_confirmation_is_booked_at_the_counter_and_done_there_confirms_the_link(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (services, clock, o) = await SetUpAsync(database);
        await using var _s = services;
        var resident = new Resident
        {
            Nik = "6471050101900001",
            FullName = "Budi",
            BirthPlace = "Balikpapan",
            Occupation = "Swasta",
            BirthDate = new DateOnly(1990, 1, 1),
        };
        await services.WithDbAsync(db =>
        {
            db.Residents.Add(resident);
            return Task.CompletedTask;
        });
        var citizen = await services.AddCitizenAsync("+6281200000006", u =>
        {
            u.ResidentId = resident.Id;
            u.IdentityProvisional = true;
        });
        var application = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 20, 0), "kk-perubahan", configure: a =>
        {
            a.NeedsIdentityConfirmation = true;
            a.SubjectResidentId = resident.Id;
        });
        var counter = await SlotAsync(services, o.MainCounter.Id, Wita(2026, 11, 24, 9, 0));
        var recording = await SlotAsync(services, o.MainRecording.Id, Wita(2026, 11, 24, 9, 0));

        (await BookAsync(services, application, citizen, recording.Id, VisitKind.IdentityConfirmation)).ShouldBe(BookingOutcome.SlotUnavailable);
        (await BookAsync(services, application, citizen, counter.Id, VisitKind.IdentityConfirmation)).ShouldBe(BookingOutcome.Booked);
        clock.SetUtcNow(Wita(2026, 11, 24, 9, 5));
        var id = await services.QueryAsync(db => db.Appointments.Select(x => x.Id).SingleAsync());
        (await services.Run<AppointmentBook, bool>(x => x.MarkDoneAsync(Staff(o.Office, Domain.Population.Roles.Operator), id, CancellationToken.None))).ShouldBeTrue();

        (await services.QueryAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id))).NeedsIdentityConfirmation.ShouldBeFalse();
        (await services.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == citizen.Id))).IdentityProvisional.ShouldBeFalse();
    }

    [Fact]
    public void Visits_follow_the_catalogue_the_form_and_the_identity_link()
    {
        var legalisir = new Domain.Services.ServiceDefinition
        {
            Code = "legalisir",
            Title = new("Legalisir", "Certified copy"),
            Description = new("-", "-"),
            Eligibility = Domain.Services.Eligibility.RegisteredResident,
            InPersonStep = Domain.Services.InPersonStep.BringOriginal,
        };
        var application = new Application { ServiceCode = "legalisir", FormJson = "{}", Status = ApplicationStatus.Queued };
        Visits.Needed(legalisir, application, new Dictionary<string, string?> { ["issuedElectronically"] = "tidak" }).ShouldBe([VisitKind.BringOriginal]);
        Visits.Needed(legalisir, application, new Dictionary<string, string?> { ["issuedElectronically"] = "ya" }).ShouldBeEmpty();
        application.NeedsIdentityConfirmation = true;
        Visits.Needed(legalisir, application, new Dictionary<string, string?>()).ShouldBe([VisitKind.BringOriginal, VisitKind.IdentityConfirmation]);
        application.Status = ApplicationStatus.Rejected;
        Visits.Needed(legalisir, application, new Dictionary<string, string?>()).ShouldBeEmpty();

        var ktpBaru = Domain.Services.ServiceCatalog.Default.Find("ktp-baru").ShouldNotBeNull();
        ktpBaru.InPersonStep.ShouldBe(Domain.Services.InPersonStep.Recording);
        Visits.YieldsCard(ktpBaru).ShouldBeTrue();
        Visits.YieldsCard(Domain.Services.ServiceCatalog.Default.Find("ktp-penggantian")!).ShouldBeTrue();
        Visits.YieldsCard(Domain.Services.ServiceCatalog.Default.Find("kk-perubahan")!).ShouldBeFalse();
        Visits.DeskFor(VisitKind.BringOriginal).ShouldBe(DeskKind.Counter);
    }
}
