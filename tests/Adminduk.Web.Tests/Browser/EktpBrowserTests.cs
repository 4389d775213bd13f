using Adminduk.Web.Data;
using Adminduk.Web.Features.Ektp;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Adminduk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class EktpBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Citizen_books_a_recording_slot_from_the_application_page_on_a_phone()
    {
        var app = browser.App;
        var office = await app.AddOfficeAsync("EKTPB");
        var point = new Adminduk.Web.Data.ServicePoint { OfficeId = office.Id, Name = "UPTD Balikpapan Utara", Address = "Jl. Soekarno-Hatta Km 5", Kind = ServicePointKind.Uptd };
        await app.SeedAsync(db =>
        {
            db.ServicePoints.Add(point);
            return Task.CompletedTask;
        });
        await app.SeedAsync(db =>
        {
            db.VisitSchedules.Add(new VisitSchedule { ServicePointId = point.Id, DeskKind = DeskKind.Recording, Desks = 2 });
            return Task.CompletedTask;
        });
        await app.InScopeAsync(sp => sp.GetRequiredService<SlotGenerator>().GenerateAsync(office.Id, null, CancellationToken.None));
        var citizen = await app.CreateCitizenAsync("+6281234598001");
        var application = await app.QueueAsync(office, app.Time.GetUtcNow().AddHours(-2), "ktp-baru", citizen.Id, """{"nik":"6471050101080001"}""");

        await using var context = await browser.NewPhoneContextAsync();
        await context.AddCookiesAsync((await app.SignInCookiesAsync(citizen)).Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Url = app.BaseAddress.ToString(),
        }));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync($"/Applications/Detail/{application.ReceiptNumber}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pilih jadwal" }).ClickAsync();
        await page.WaitForURLAsync($"**/Ektp/Appointment/{application.ReceiptNumber}");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe("Jadwal kedatangan");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        await BrowserFixture.ScreenshotAsync(page, "ektp-slots-360");

        // The first day is open: pick its first time at the UPTD and book it.
        var first = page.Locator("details[open] label.slot").First;
        var time = (await first.Locator("span").First.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pilih jadwal ini" }).ClickAsync();
        await page.WaitForURLAsync($"**/Ektp/Appointment/{application.ReceiptNumber}**");
        (await page.GetByRole(AriaRole.Status).InnerTextAsync()).ShouldStartWith("Jadwal tersimpan.");
        var booking = await page.Locator("#booking").InnerTextAsync();
        booking.ShouldContain(time);
        booking.ShouldContain("UPTD Balikpapan Utara");
        (await BrowserFixture.ScrollWidthAsync(page)).ShouldBeLessThanOrEqualTo(BrowserFixture.PhoneWidth);
        File.Exists(await BrowserFixture.ScreenshotAsync(page, "ektp-booked-360")).ShouldBeTrue();

        await using var db = app.Database.NewContext();
        var appointment = await db.Appointments.Include(a => a.Slot).SingleAsync(a => a.ApplicationId == application.Id);
        appointment.Status.ShouldBe(AppointmentStatus.Booked);
        TimeZoneInfo.ConvertTime(appointment.Slot!.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")).ToString("HH.mm", System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(time[..5]);
        appointment.Slot.StartsAt.ShouldBeGreaterThanOrEqualTo(app.Time.GetUtcNow().AddHours(1));
        appointment.Slot.Booked.ShouldBe(1);
    }
}
