using System.Net;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Features.Notifications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.Complaints;

/// <summary>The online complaints desk: citizens file, staff take the oldest first, answer and close; both ends notified.</summary>
public class ComplaintTests
{
    [Theory, BothDatabases]
    public async Task Tickets_are_taken_oldest_first_answered_closed_and_notified(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, DeliveryOfMessagesTests.Settings());
        var zoned = await ZoneTestData.CreateZonedCitizenAsync(app, "+6281234567061");
        var application = await ZoneTestData.QueueApplicationAsync(app, zoned.Office, zoned.Citizen.Id);
        var citizen = await app.CreateClientAsync(zoned.Citizen);

        (await citizen.PostFormAsync("/Complaints/Mine", new Dictionary<string, string> { ["Topic"] = "Data", ["Text"] = "Data KK saya belum tersinkron setelah pindah RT." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Time.Advance(TimeSpan.FromMinutes(5));
        (await citizen.PostFormAsync("/Complaints/Mine", new Dictionary<string, string> { ["Topic"] = "Application", ["Receipt"] = application.ReceiptNumber!, ["Text"] = "Permohonan saya belum diproses." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var empty = await citizen.PostFormAsync("/Complaints/Mine", new Dictionary<string, string> { ["Topic"] = "Data", ["Text"] = " " });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var notMine = await citizen.PostFormAsync("/Complaints/Mine", new Dictionary<string, string> { ["Topic"] = "Application", ["Receipt"] = "PLG-20261123-ZZZZZZZZ", ["Text"] = "?" });
        notMine.StatusCode.ShouldBe(HttpStatusCode.OK);

        var first = await app.CreateStaffAsync(zoned.Office);
        var second = await app.CreateStaffAsync(zoned.Office);
        var deskA = await app.CreateClientAsync(first);
        var deskB = await app.CreateClientAsync(second);
        var takenA = await (await deskA.PostFormAsync("/Complaints/Desk?handler=Take", new Dictionary<string, string>())).Content.ReadAsStringAsync();
        var takenB = await (await deskB.PostFormAsync("/Complaints/Desk?handler=Take", new Dictionary<string, string>())).Content.ReadAsStringAsync();
        takenA.ShouldContain("Data KK saya belum tersinkron"); // the oldest
        takenB.ShouldContain("Permohonan saya belum diproses."); // the next one, not the one A holds
        takenB.ShouldContain(application.ReceiptNumber!);

        long ticketA;
        await using (var db = app.Database.NewContext())
        {
            ticketA = (await db.Set<Complaint>().OrderBy(c => c.Id).FirstAsync()).Id;
            (await db.OutboxMessages.CountAsync(m => m.Template == "complaint-received")).ShouldBe(2);
        }

        // B cannot answer A's ticket; A answers it.
        (await deskB.PostFormAsync("/Complaints/Desk?handler=Answer", new Dictionary<string, string> { ["ComplaintId"] = ticketA.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Answer"] = "x" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await deskA.PostFormAsync("/Complaints/Desk?handler=Answer", new Dictionary<string, string>
        {
            ["ComplaintId"] = ticketA.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Answer"] = "Data sudah kami perbarui; silakan cek kembali.",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using (var db = app.Database.NewContext())
        {
            var closed = await db.Set<Complaint>().SingleAsync(c => c.Id == ticketA);
            closed.Status.ShouldBe(ComplaintStatus.Closed);
            closed.ClosedByUserId.ShouldBe(first.Id);
            closed.Answer.ShouldBe("Data sudah kami perbarui; silakan cek kembali.");
            var answered = await db.OutboxMessages.SingleAsync(m => m.Template == "complaint-answered");
            answered.Recipient.ShouldBe("+6281234567061");
            answered.Text.ShouldContain("Data sudah kami perbarui");
            (await db.Set<Complaint>().CountAsync(c => c.Status == ComplaintStatus.Open)).ShouldBe(1);
        }

        (await citizen.GetStringAsync("/Complaints/Mine")).ShouldContain("Data sudah kami perbarui; silakan cek kembali.");
    }
}
