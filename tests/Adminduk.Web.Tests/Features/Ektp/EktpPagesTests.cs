using System.Net;
using System.Text.RegularExpressions;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Ektp;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePoint = Adminduk.Web.Data.ServicePoint;

namespace Adminduk.Web.Tests.Features.Ektp;

public partial class EktpPagesTests
{
    private static readonly Dictionary<string, string?> NoJobs = new() { ["Ektp:JobsEnabled"] = "false" };

    /// <summary>An office with one service point and no schedule yet, a supervisor, an operator and a citizen with a ktp-baru application.</summary>
    private static async Task<(Office Office, ServicePoint Point, AppUser Supervisor, AppUser Operator, AppUser Citizen, Application Application)> SetUpAsync(AppFactory app)
    {
        var office = await app.AddOfficeAsync("BPN");
        var point = new ServicePoint { OfficeId = office.Id, Name = "Kantor Dinas Balikpapan", Address = "Jl. Jend. Sudirman No. 1", Kind = ServicePointKind.MainOffice };
        await app.SeedAsync(db =>
        {
            db.ServicePoints.Add(point);
            return Task.CompletedTask;
        });
        var supervisor = await app.CreateStaffAsync(office, Roles.Supervisor);
        var op = await app.CreateStaffAsync(office);
        var citizen = await app.CreateCitizenAsync("+6281234560001");
        var application = await app.QueueAsync(office, app.Time.GetUtcNow().AddHours(-12), "ktp-baru", citizen.Id, """{"nik":"6471050101080001"}""");
        return (office, point, supervisor, op, citizen, application);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields) =>
        client.PostFormAsync(path, fields, tokenPage: path.Split('?')[0]);

    [Theory, BothDatabases]
    public async Task Supervisor_sets_a_schedule_generates_slots_and_the_citizen_books_from_the_application_page(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, NoJobs);
        var (office, point, supervisor, _, citizen, application) = await SetUpAsync(app);
        using var boss = await app.CreateClientAsync(supervisor);

        (await boss.GetStringAsync("/Ektp/Schedules")).ShouldContain("Kantor Dinas Balikpapan");
        using (var saved = await PostAsync(boss, "/Ektp/Schedules?handler=Save", new()
        {
            ["pointId"] = point.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["desk"] = "Recording",
            ["desks"] = "2",
            ["opens"] = "08:00",
            ["closes"] = "12:00",
            ["breakStarts"] = "",
            ["breakEnds"] = "",
            ["slotMinutes"] = "60",
        }))
        {
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var generated = await PostAsync(boss, "/Ektp/Schedules?handler=Generate", []))
        {
            generated.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await boss.GetStringAsync("/Ektp/Schedules")).ShouldContain("84 jadwal baru dibuat."); // 4 weeks ahead, 23 Nov to 21 Dec: 21 working days x 4
        await using (var db = app.Database.NewContext())
        {
            (await db.AppointmentSlots.CountAsync()).ShouldBe(84);
            (await db.AppointmentSlots.AllAsync(s => s.Capacity == 2)).ShouldBeTrue();
        }

        using var client = await app.CreateClientAsync(citizen);
        var detail = await client.GetStringAsync($"/Applications/Detail/{application.ReceiptNumber}");
        detail.ShouldContain("Permohonan ini memerlukan perekaman biometrik");
        detail.ShouldContain($"href=\"/Ektp/Appointment/{application.ReceiptNumber}\"");

        var page = await client.GetStringAsync($"/Ektp/Appointment/{application.ReceiptNumber}");
        page.ShouldContain("Senin, 23 November 2026"); // 10:00 and 11:00 are still ahead with an hour's notice
        var slotId = SlotValue().Matches(page).Select(m => m.Groups[1].Value).First();
        using (var booked = await client.PostFormAsync($"/Ektp/Appointment/{application.ReceiptNumber}?handler=Book",
            new Dictionary<string, string> { ["visit"] = "Recording", ["slotId"] = slotId }, tokenPage: $"/Ektp/Appointment/{application.ReceiptNumber}"))
        {
            booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var after = await client.GetStringAsync($"/Ektp/Appointment/{application.ReceiptNumber}");
        after.ShouldContain("Jadwal tersimpan.");
        after.ShouldContain("Jadwal Anda");
        after.ShouldContain("10.00–11.00");
        (await client.GetStringAsync($"/Applications/Detail/{application.ReceiptNumber}")).ShouldContain("Jadwal perekaman KTP-el: Senin, 23 November 2026 10.00");

        using (var cancelled = await client.PostFormAsync($"/Ektp/Appointment/{application.ReceiptNumber}?handler=Cancel",
            new Dictionary<string, string> { ["visit"] = "Recording" }, tokenPage: $"/Ektp/Appointment/{application.ReceiptNumber}"))
        {
            cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await client.GetStringAsync($"/Ektp/Appointment/{application.ReceiptNumber}")).ShouldContain("Jadwal dibatalkan.");

        // Someone else's receipt is not found.
        var stranger = await app.CreateCitizenAsync("+6281234560002");
        using var other = await app.CreateClientAsync(stranger);
        (await other.GetAsync($"/Ektp/Appointment/{application.ReceiptNumber}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, BothDatabases]
    public async Task Desk_and_print_pages_record_the_visit_print_the_card_and_the_stock_page_shows_the_forecast(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, NoJobs);
        var (office, point, supervisor, op, citizen, application) = await SetUpAsync(app);
        await app.SeedAsync(db =>
        {
            db.VisitSchedules.Add(new VisitSchedule { ServicePointId = point.Id, DeskKind = DeskKind.Recording, Desks = 1 });
            return Task.CompletedTask;
        });
        await app.InScopeAsync(sp => sp.GetRequiredService<SlotGenerator>().GenerateAsync(office.Id, null, CancellationToken.None));
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AdmindukDbContext>();
            var slot = await db.AppointmentSlots.Where(s => s.StartsAt == app.Time.GetUtcNow().AddHours(1)).SingleAsync();
            return await sp.GetRequiredService<AppointmentBook>().BookAsync(application.Id, citizen.Id, VisitKind.Recording, slot.Id, new(citizen.Id, "warga"), CancellationToken.None);
        });
        await app.SeedAsync(async db =>
        {
            var a = await db.Applications.SingleAsync(x => x.Id == application.Id);
            a.Status = ApplicationStatus.Approved;
        });

        using var boss = await app.CreateClientAsync(supervisor);
        using (var receipt = await PostAsync(boss, "/Ektp/Stock", new() { ["Kind"] = "Receipt", ["Quantity"] = "500", ["Reason"] = "Kiriman Kemendagri" }))
        {
            receipt.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var negative = await PostAsync(boss, "/Ektp/Stock", new() { ["Kind"] = "Correction", ["Quantity"] = "-600", ["Reason"] = "Stok opname" }))
        {
            negative.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await boss.GetStringAsync("/Ektp/Stock")).ShouldContain("Ditolak: sisa stok tidak boleh kurang dari nol.");

        app.Time.Advance(TimeSpan.FromHours(1)); // 10:00, the slot begins
        using var desk = await app.CreateClientAsync(op);
        var list = await desk.GetStringAsync("/Ektp/Desk");
        list.ShouldContain(application.ReceiptNumber!);
        list.ShouldContain("647105******0001"); // masked NIK
        list.ShouldNotContain("6471050101080001");
        var appointmentId = AppointmentValue().Match(list).Groups[1].Value;
        (await PostAsync(desk, "/Ektp/Desk?handler=CheckIn", new() { ["id"] = appointmentId })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(desk, "/Ektp/Desk?handler=Done", new() { ["id"] = appointmentId })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await desk.GetStringAsync("/Ektp/Desk")).ShouldContain("Kedatangan selesai dicatat.");

        var print = await desk.GetStringAsync("/Ektp/Print");
        print.ShouldContain(application.ReceiptNumber!);
        (await PostAsync(desk, "/Ektp/Print?handler=Print", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await desk.GetStringAsync("/Ektp/Print")).ShouldContain($"KTP-el {application.ReceiptNumber} dicetak");

        var stock = await boss.GetStringAsync("/Ektp/Stock");
        stock.ShouldContain("<svg");
        stock.ShouldContain("id=\"balance\">499<");
        stock.ShouldContain("Penerimaan dari Kemendagri");
        (await boss.GetStringAsync("/BackOffice/Overview")).ShouldContain("Stok blanko KTP-el");
        using var citizenClient = await app.CreateClientAsync(citizen);
        (await citizenClient.GetStringAsync($"/Applications/Detail/{application.ReceiptNumber}")).ShouldContain("KTP-el Anda sudah dicetak dan dapat diambil.");
    }

    [GeneratedRegex("name=\"slotId\" value=\"(\\d+)\"")]
    private static partial Regex SlotValue();

    [GeneratedRegex("name=\"id\" value=\"(\\d+)\"")]
    private static partial Regex AppointmentValue();
}
