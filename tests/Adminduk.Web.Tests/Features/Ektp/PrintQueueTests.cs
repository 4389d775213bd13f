using Adminduk.Domain.Applications;
using Adminduk.Domain.Documents;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Ektp;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Adminduk.Web.Tests.Features.Ektp.EktpTestData;

namespace Adminduk.Web.Tests.Features.Ektp;

public class PrintQueueTests
{
    private static Task<CardPrintJob?> EnqueueAsync(IServiceProvider services, long applicationId, FakeTimeProvider clock) =>
        services.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmindukDbContext>();
            var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
            var job = await sp.GetRequiredService<PrintQueue>().EnqueueIfReadyAsync(db, application, clock.GetUtcNow(), new(null, "Petugas Cetak"), CancellationToken.None);
            await db.SaveChangesAsync();
            return job;
        });

    private static Task<PrintResult> PrintAsync(IServiceProvider services, Office office, bool spoiled = false) =>
        services.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<AdmindukDbContext>();
            var queue = sp.GetRequiredService<PrintQueue>();
            var staff = Staff(office, Roles.Operator);
            return spoiled ? queue.SpoilNextAsync(db, staff, office.Id, CancellationToken.None) : queue.PrintNextAsync(db, staff, office.Id, CancellationToken.None);
        });

    private static Task<StockEntryOutcome> ReceiveAsync(IServiceProvider services, Office office, int quantity) =>
        services.Run<StockLedger, StockEntryOutcome>(l => l.RecordAsync(office.Id, StockMovementKind.Receipt, quantity, "Kiriman Kemendagri", new(null, "gudang"), CancellationToken.None));

    [Theory, BothDatabases]
    public async Task A_new_card_is_queued_only_once_recorded_and_approved_through_the_real_approval(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 7, 0));
        await using var services = Services(database, clock, settings: new Dictionary<string, string?> { ["Ektp:WeeksAhead"] = "1" });
        var o = await services.AddOfficeAsync();
        await ReceiveAsync(services, o.Office, 100);
        await services.Run<SlotGenerator, int>(g => g.GenerateAsync(o.Office.Id, null, CancellationToken.None));
        var citizen = await services.AddCitizenAsync("+6281250000001");
        var baru = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 20, 0));
        var ganti = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 22, 21, 0), "ktp-penggantian",
            form: new() { ["nik"] = "6471050101900001", ["kkNumber"] = "6471051203150001", ["birthDate"] = "1990-01-01", ["reason"] = "rusak" });
        var slot = await services.QueryAsync(db => db.AppointmentSlots.AsNoTracking().SingleAsync(s => s.ScheduleId == o.MainRecording.Id && s.StartsAt == Wita(2026, 11, 24, 9, 0)));
        await services.Run<AppointmentBook, BookingOutcome>(b => b.BookAsync(baru.Id, citizen.Id, VisitKind.Recording, slot.Id, Actor(citizen), CancellationToken.None));

        // An operator approves both (FIFO: the new card first). Only the replacement, which needs no recording, is queued.
        var op = Staff(o.Office, Roles.Operator);
        foreach (var expected in new[] { baru.Id, ganti.Id })
        {
            var taken = await services.Run<ClaimQueue, TakeResult>(q => q.TakeNextAsync(op, CancellationToken.None));
            taken.Application!.Id.ShouldBe(expected);
            (await services.Run<DecisionService, DecisionResult>(d => d.DecideAsync(op, new DecisionRequest(expected, taken.Application.Version, DecisionKind.Approve), CancellationToken.None)))
                .Outcome.ShouldBe(DecisionOutcome.Done);
        }

        var jobs = await services.QueryAsync(db => db.CardPrintJobs.AsNoTracking().ToListAsync());
        jobs.Single().ApplicationId.ShouldBe(ganti.Id);
        jobs.Single().ReadyAt.ShouldBe(Wita(2026, 11, 23, 7, 0));

        // Tuesday 09:20 the recording is done at the desk: the approved new card joins the queue, behind the replacement.
        clock.SetUtcNow(Wita(2026, 11, 24, 9, 20));
        var appointment = await services.QueryAsync(db => db.Appointments.AsNoTracking().SingleAsync());
        (await services.Run<AppointmentBook, bool>(b => b.MarkDoneAsync(op, appointment.Id, CancellationToken.None))).ShouldBeTrue();
        var queue = await services.QueryAsync(db => PrintQueue.WaitingAsync(db, o.Office.Id, 10, CancellationToken.None));
        queue.Select(q => q.ApplicationId).ShouldBe([ganti.Id, baru.Id]);
        queue[1].ReadyAt.ShouldBe(Wita(2026, 11, 24, 9, 20));
        queue.ShouldAllBe(q => q.SuketNumber == null);
        (await services.Run<AppointmentBook, IReadOnlyList<VisitKind>>(async b =>
            await b.OpenVisitsAsync(await services.QueryAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == baru.Id)), CancellationToken.None))).ShouldBeEmpty();
    }

    [Theory, BothDatabases]
    public async Task Without_blanks_a_card_yields_a_suket_and_prints_in_queue_order_when_blanks_arrive(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 9, 0));
        await using var services = Services(database, clock);
        var o = await services.AddOfficeAsync();
        await ReceiveAsync(services, o.Office, 2);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var citizen = await services.AddCitizenAsync("+628126000000" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var nik = "64710501019000" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            await services.AddResidentAsync(nik, "Warga Ke-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var application = await services.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 20, 9, i), "ktp-penggantian", ApplicationStatus.Approved, new() { ["nik"] = nik });
            ids.Add(application.Id);
        }

        // Ready in an order that is not the order of the ids: 3, 0, 1, 4, 2, ten minutes apart.
        foreach (var i in new[] { 3, 0, 1, 4, 2 })
        {
            (await EnqueueAsync(services, ids[i], clock)).ShouldNotBeNull();
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        (await EnqueueAsync(services, ids[0], clock)).ShouldBeNull(); // once only
        var waiting = await services.QueryAsync(db => PrintQueue.WaitingAsync(db, o.Office.Id, 10, CancellationToken.None));
        waiting.Select(w => w.ApplicationId).ShouldBe([ids[3], ids[0], ids[1], ids[4], ids[2]]);
        // Two blanks for the first two in line; the other three get a suket.
        waiting.Select(w => w.SuketNumber is not null).ShouldBe([false, false, true, true, true]);
        // The suket is the documents feature's PDF with its own number and QR code, listed with the application.
        var sukets = await services.QueryAsync(db => db.Documents.AsNoTracking().Where(d => d.Kind == DocumentKind.Suket).OrderBy(d => d.Id).ToListAsync());
        sukets.Select(d => d.Number).ShouldBe(waiting.Skip(2).Select(w => w.SuketNumber!));
        sukets.Select(d => d.ApplicationId).ShouldBe([ids[1], ids[4], ids[2]]);
        sukets[0].SubjectName.ShouldBe("Warga Ke-1");
        sukets.ShouldAllBe(d => d.Pdf.Length > 1000 && d.IssuedByName == "Petugas Cetak");
        (await services.MessagesAsync("suket-issued")).Count.ShouldBe(3);

        var printed = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var r = await PrintAsync(services, o.Office);
            r.Outcome.ShouldBe(PrintOutcome.Printed);
            printed.Add(r.Job!.ApplicationId);
        }

        var stuck = await PrintAsync(services, o.Office);
        stuck.Outcome.ShouldBe(PrintOutcome.NoBlanks);
        stuck.Job!.ApplicationId.ShouldBe(ids[1]);

        await ReceiveAsync(services, o.Office, 10);
        (await PrintAsync(services, o.Office, spoiled: true)).Outcome.ShouldBe(PrintOutcome.Spoiled); // the head keeps its place
        for (var i = 0; i < 3; i++)
        {
            printed.Add((await PrintAsync(services, o.Office)).Job!.ApplicationId);
        }

        (await PrintAsync(services, o.Office)).Outcome.ShouldBe(PrintOutcome.Empty);
        printed.ShouldBe([ids[3], ids[0], ids[1], ids[4], ids[2]]);
        (await services.QueryAsync(db => db.StockBalances.SingleAsync())).Balance.ShouldBe(12 - 5 - 1);
        (await services.MessagesAsync("card-printed")).Count.ShouldBe(2);
        var afterSuket = await services.MessagesAsync("card-printed-after-suket");
        afterSuket.Count.ShouldBe(3);
        afterSuket[0].Text.ShouldContain(sukets[0].Number);
        var movements = await services.QueryAsync(db => db.StockMovements.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Kind, m.Quantity, m.BalanceAfter }).ToListAsync());
        movements.Select(m => m.BalanceAfter).ShouldBe([2, 1, 0, 10, 9, 8, 7, 6]);
        movements.Count(m => m.Kind == StockMovementKind.Printed).ShouldBe(5);
        movements.Count(m => m.Kind == StockMovementKind.Spoiled).ShouldBe(1);
        (await services.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("stock.")))).ShouldBe(8);
    }

    [Theory, BothDatabases]
    public async Task No_suket_where_the_office_keeps_no_ledger_and_a_missing_register_entry_does_not_stop_the_card(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 9, 0));
        await using var services = Services(database, clock);
        var untracked = await services.AddOfficeAsync("SMD");
        var tracked = await services.AddOfficeAsync("BPN");
        await ReceiveAsync(services, tracked.Office, 1);
        await services.Run<StockLedger, StockEntryOutcome>(l => l.RecordAsync(tracked.Office.Id, StockMovementKind.Spoiled, 1, null, new(null, "gudang"), CancellationToken.None));
        var citizen = await services.AddCitizenAsync("+6281280000001");
        var a = await services.AddApplicationAsync(untracked.Office, citizen.Id, Wita(2026, 11, 20, 9, 0), "ktp-penggantian", ApplicationStatus.Approved);
        var b = await services.AddApplicationAsync(tracked.Office, citizen.Id, Wita(2026, 11, 20, 9, 0), "ktp-penggantian", ApplicationStatus.Approved);

        (await EnqueueAsync(services, a.Id, clock))!.SuketNumber.ShouldBeNull();
        var job = await EnqueueAsync(services, b.Id, clock);
        job.ShouldNotBeNull();
        job.SuketNumber.ShouldBeNull();
        var notes = await services.QueryAsync(db => db.ApplicationHistory.AsNoTracking().Where(h => h.ApplicationId == b.Id).Select(h => h.Note).ToListAsync());
        notes.ShouldContain(n => n!.StartsWith("Blanko habis, tetapi suket belum dapat diterbitkan", StringComparison.Ordinal));
        (await services.MessagesAsync("suket-issued")).ShouldBeEmpty();
    }

    [Theory, BothDatabases]
    public async Task Printers_on_several_instances_never_take_a_card_twice_or_the_balance_below_zero(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Wita(2026, 11, 23, 9, 0));
        var instances = Enumerable.Range(0, 3).Select(i => Services(database, clock, "print" + i)).ToList();
        try
        {
            var first = instances[0];
            var o = await first.AddOfficeAsync();
            await ReceiveAsync(first, o.Office, 6);
            for (var i = 0; i < 10; i++)
            {
                var citizen = await first.AddCitizenAsync("+62812700000" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
                var nik = "64710501019001" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                await first.AddResidentAsync(nik, "Warga Cetak " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var application = await first.AddApplicationAsync(o.Office, citizen.Id, Wita(2026, 11, 20, 9, i), "ktp-penggantian", ApplicationStatus.Approved, new() { ["nik"] = nik });
                await EnqueueAsync(first, application.Id, clock);
            }

            using var gate = new SemaphoreSlim(0);
            var tasks = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
            {
                await gate.WaitAsync();
                return await PrintAsync(instances[i % instances.Count], o.Office);
            })).ToList();
            gate.Release(12);
            var results = await Task.WhenAll(tasks);

            var printedJobs = results.Where(r => r.Outcome == PrintOutcome.Printed).Select(r => r.Job!.Id).ToList();
            printedJobs.Count.ShouldBe(6);
            printedJobs.Distinct().Count().ShouldBe(6);
            (await first.QueryAsync(db => db.StockBalances.SingleAsync())).Balance.ShouldBe(0);
            (await first.QueryAsync(db => db.CardPrintJobs.CountAsync(j => j.Status == PrintJobStatus.Printed))).ShouldBe(6);
            (await first.QueryAsync(db => db.StockMovements.CountAsync(m => m.Kind == StockMovementKind.Printed))).ShouldBe(6);
        }
        finally
        {
            foreach (var s in instances)
            {
                await s.DisposeAsync();
            }
        }
    }
}
