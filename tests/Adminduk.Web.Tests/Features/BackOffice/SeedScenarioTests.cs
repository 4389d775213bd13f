using System.Net;
using System.Net.Http.Json;
using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.BackOffice.Reports;
using Adminduk.Web.Features.Board;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.BackOffice;

/// <summary>
/// The seeds' day in Balikpapan, on a fake clock: "650 came in online; at 12:00, 53 are left; intake closes at 13:00 and
/// they will all be done; whatever comes in after that joins tomorrow's queue, night-time ones too".
/// </summary>
public class SeedScenarioTests
{
    private const int Submissions = 650;
    private const int Operators = 3;

    /// <summary>Each operator takes one application per round and decides it a minute later.</summary>
    private static readonly TimeSpan Round = TimeSpan.FromMilliseconds(72_200);
    private static readonly TimeSpan Handling = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The clock jumps hours and days here; the background outbox dispatcher and claim sweep would wake once per
    /// period of each jump, so they stay off (they have their own tests).
    /// </summary>
    private static readonly Dictionary<string, string?> QuietBackground = new()
    {
        ["Outbox:DispatcherEnabled"] = "false",
        ["BackOffice:SweepEnabled"] = "false",
    };

    [Theory, BothDatabases]
    public async Task Tuesdays_batch_of_650_is_done_by_the_end_of_the_day_with_53_left_at_noon(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, QuietBackground);
        var register = await TestRegister.CreateAsync(app);
        var office = register.Office;
        var citizens = new ApiCitizens(app, register);
        var operators = new List<StaffMember>();
        for (var i = 0; i < Operators; i++)
        {
            operators.Add(Staff(await app.CreateStaffAsync(office, name: $"Operator {i + 1}")));
        }

        // 650 submissions spread evenly from Monday 13:00 (the cut-off: Tuesday's batch) to Tuesday 11:00.
        var first = WitaTime(23, 13, 0);
        var span = WitaTime(24, 11, 0) - first;
        string[] services = [KtpService, KtpService, KtpService, KkService, KkService, "akta-kelahiran"];
        var pending = new Queue<(DateTimeOffset At, string Service)>(Enumerable.Range(0, Submissions)
            .Select(k => (first + TimeSpan.FromTicks(span.Ticks * k / (Submissions - 1)), services[k % services.Length])));
        app.Time.SetUtcNow(first);

        // Each citizen submits through POST /api/applications at the moment of submission.
        async Task MoveToAsync(DateTimeOffset at)
        {
            while (pending.Count > 0 && pending.Peek().At <= at)
            {
                var (when, service) = pending.Dequeue();
                app.Time.SetUtcNow(when);
                await citizens.SubmitAsync(service);
            }

            app.Time.SetUtcNow(at);
        }

        var noon = WitaTime(24, 12, 0);
        var close = WitaTime(24, 16, 0);
        BoardSnapshot? atNoon = null;
        string? pageAtNoon = null;
        using var anonymous = app.CreateClient((IEnumerable<Cookie>?)null);
        async Task CheckNoonIfDueAsync(DateTimeOffset next)
        {
            if (atNoon is null && next > noon)
            {
                await MoveToAsync(noon);
                atNoon = await anonymous.GetFromJsonAsync<BoardSnapshot>("/api/offices/BPN/board");
                pageAtNoon = await anonymous.GetStringAsync("/papan/BPN");
            }
        }

        var decided = 0;
        var lastDecision = DateTimeOffset.MinValue;
        for (var start = WitaTime(24, 8, 0); ; start += Round)
        {
            await CheckNoonIfDueAsync(start);
            await MoveToAsync(start);
            var claims = new List<(StaffMember Operator, Application Application)>();
            foreach (var op in operators)
            {
                if ((await app.TakeNextAsync(op)).Application is { } claim)
                {
                    claims.Add((op, claim));
                }
            }

            if (claims.Count == 0 && pending.Count == 0)
            {
                break;
            }

            await CheckNoonIfDueAsync(start + Handling);
            await MoveToAsync(start + Handling);
            foreach (var (op, claim) in claims)
            {
                var request = (decided % 10, decided % 25) switch
                {
                    (9, _) => new DecisionRequest(claim.Id, claim.Version, DecisionKind.SendBack,
                        Corrections: new Dictionary<string, IReadOnlyList<string>> { [claim.ServiceCode == "akta-kelahiran" ? "childBirthDate" : "birthDate"] = ["Tidak sesuai dengan data kependudukan"] }),
                    (_, 24) => new DecisionRequest(claim.Id, claim.Version, DecisionKind.Reject, Reason: "Permohonan ganda"),
                    _ => new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve),
                };
                (await app.DecideAsync(op, request)).Outcome.ShouldBe(DecisionOutcome.Done);
                decided++;
                lastDecision = app.Time.GetUtcNow();
            }
        }

        atNoon.ShouldNotBeNull();
        atNoon.BatchDay.ShouldBe("2026-11-24");
        atNoon.LocalTime.ShouldBe("12:00");
        atNoon.Received.ShouldBe(650);
        atNoon.Done.ShouldBe(597);
        atNoon.Left.ShouldBe(53);
        atNoon.InProgress.ShouldBe(3);
        atNoon.Cutoff.ShouldBe("13:00");
        atNoon.IntakeOpen.ShouldBeTrue();
        atNoon.Services.Sum(s => s.Received).ShouldBe(650);
        pageAtNoon.ShouldNotBeNull();
        pageAtNoon.ShouldContain("data-figure=\"done\">597<");
        pageAtNoon.ShouldContain("Sisa: 53");
        pageAtNoon.ShouldContain("<meta http-equiv=\"refresh\" content=\"30\" />");

        // After the cut-off: Wednesday's batch. Saturday night: the following Monday's.
        app.Time.SetUtcNow(WitaTime(24, 13, 1));
        var late = await app.QueueAsync(office, app.Time.GetUtcNow());
        late.BatchDay.ShouldBe(new DateOnly(2026, 11, 25));
        var tuesdayAfterCutoff = await anonymous.GetFromJsonAsync<BoardSnapshot>("/api/offices/BPN/board");
        tuesdayAfterCutoff!.Received.ShouldBe(650);
        tuesdayAfterCutoff.IntakeOpen.ShouldBeFalse();

        decided.ShouldBe(650);
        lastDecision.ShouldBeLessThan(close);
        await MoveToAsync(close);
        var atClose = await anonymous.GetFromJsonAsync<BoardSnapshot>("/api/offices/BPN/board");
        atClose!.Done.ShouldBe(650);
        atClose.Left.ShouldBe(0);
        atClose.IntakeOpen.ShouldBeFalse();

        var report = await app.InScopeAsync(sp => ReportQuery.ForAsync(sp.GetRequiredService<AdmindukDbContext>(), office, close, 30, CancellationToken.None));
        var tuesday = report.Workload.Where(w => w.Day == new DateOnly(2026, 11, 24)).ToList();
        tuesday.Count.ShouldBe(Operators);
        tuesday.Sum(w => w.Taken).ShouldBe(650);
        tuesday.Sum(w => w.SentBack).ShouldBe(65);
        tuesday.Sum(w => w.Rejected).ShouldBe(13);
        tuesday.Sum(w => w.Approved).ShouldBe(572);
        tuesday.ShouldAllBe(w => w.MedianHandling == Handling);
        var turnaround = report.Turnaround.Single();
        turnaround.Day.ShouldBe(new DateOnly(2026, 11, 24));
        turnaround.Count.ShouldBe(585);
        turnaround.P90!.Value.ShouldBeGreaterThanOrEqualTo(turnaround.Median!.Value);
        turnaround.P90.Value.ShouldBeLessThan(TimeSpan.FromHours(24));

        app.Time.SetUtcNow(WitaTime(28, 22, 0));
        var saturday = await app.QueueAsync(office, app.Time.GetUtcNow());
        saturday.BatchDay.ShouldBe(new DateOnly(2026, 11, 30));
        var weekendBoard = await anonymous.GetFromJsonAsync<BoardSnapshot>("/api/offices/BPN/board");
        weekendBoard!.IsWorkingDay.ShouldBeFalse();
        weekendBoard.BatchDay.ShouldBe("2026-11-30");
        weekendBoard.Received.ShouldBe(1);
        weekendBoard.Waiting.ShouldBe(1);
    }

    /// <summary>The register's parents apply through the API; sessions last eight hours, so they sign in again as the clock moves.</summary>
    private sealed class ApiCitizens(AppFactory app, TestRegister register)
    {
        private readonly Dictionary<string, (HttpClient Client, DateTimeOffset SignedInAt)> sessions = [];

        public async Task SubmitAsync(string service)
        {
            var (who, phone) = service == "akta-kelahiran" ? (register.Mother, "+6281234500102") : (register.Father, "+6281234500101");
            var client = await ClientAsync(who, phone);
            var values = new Dictionary<string, string?>();
            object[] files;
            switch (service)
            {
                case "akta-kelahiran":
                    values = new()
                    {
                        ["childName"] = "Aisyah",
                        ["childSex"] = "Female",
                        ["childBirthDate"] = "10-11-2026",
                        ["childBirthPlace"] = "Balikpapan",
                        ["birthPlaceType"] = "rumah-sakit",
                        ["birthOrder"] = "3",
                        ["motherNik"] = register.Mother.Nik,
                        ["kkNumber"] = register.Family.KkNumber
                    };
                    files = [ApiClient.File("surat-keterangan-lahir"), ApiClient.File("kk-orang-tua")];
                    break;
                case KkService:
                    values = new() { ["nik"] = who.Nik, ["kkNumber"] = register.Family.KkNumber, ["birthDate"] = "09-03-1985", ["newOccupation"] = "Wiraswasta", ["reason"] = "Usaha sendiri" };
                    files = [ApiClient.File("kk-lama"), ApiClient.File("dok-pekerjaan")];
                    break;
                default:
                    values = new() { ["nik"] = who.Nik, ["kkNumber"] = register.Family.KkNumber, ["birthDate"] = "09-03-1985", ["reason"] = "rusak" };
                    files = [ApiClient.File("ktp-rusak", ApiClient.Jpeg, "ktp.jpg")];
                    break;
            }

            var response = await client.SubmitAsync(service, values, files);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        private async Task<HttpClient> ClientAsync(Resident who, string phone)
        {
            var now = app.Time.GetUtcNow();
            if (!sessions.TryGetValue(phone, out var session) || now - session.SignedInAt > TimeSpan.FromHours(6))
            {
                if (!sessions.ContainsKey(phone))
                {
                    await TestRegister.CitizenAsync(app, who, phone);
                }

                var account = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<AdmindukDbContext>().Users.Single(u => u.UserName == phone)));
                session = (await app.CreateClientAsync(account), now);
                sessions[phone] = session;
            }

            return session.Client;
        }
    }

    [Theory, BothDatabases]
    public async Task Unfinished_applications_of_a_day_stay_ahead_of_the_next_days_batch(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, QuietBackground);
        var office = await app.AddOfficeAsync("BPN");
        var tuesdayBatch = await app.QueueAsync(office, WitaTime(24, 12, 59));
        var wednesdayBatch = await app.QueueAsync(office, WitaTime(24, 13, 0));
        var early = await app.QueueAsync(office, WitaTime(25, 7, 0)); // Wednesday's batch too, before opening
        tuesdayBatch.BatchDay.ShouldBe(new DateOnly(2026, 11, 24));
        wednesdayBatch.BatchDay.ShouldBe(new DateOnly(2026, 11, 25));
        early.BatchDay.ShouldBe(new DateOnly(2026, 11, 25));
        app.Time.SetUtcNow(WitaTime(25, 8, 0));
        var siti = Staff(await app.CreateStaffAsync(office));

        var order = new List<long>();
        while ((await app.TakeNextAsync(siti)).Application is { } claim)
        {
            order.Add(claim.Id);
            await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve));
        }

        order.ShouldBe([tuesdayBatch.Id, wednesdayBatch.Id, early.Id]);
    }
}
