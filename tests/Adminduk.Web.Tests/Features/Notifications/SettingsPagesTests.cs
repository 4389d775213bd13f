using System.Net;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.Notifications;

/// <summary>Supervisors' zones and texts pages, the citizen's channel choice, and the in-person invitation to the zone's point.</summary>
public class SettingsPagesTests
{
    [Theory, BothDatabases]
    public async Task Supervisors_map_kelurahan_to_zones_with_a_sender_number_and_pickup_point(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, DeliveryOfMessagesTests.Settings());
        var office = await app.AddOfficeAsync("PLG", timeZone: "Asia/Jakarta", regency: "16.71");
        var supervisor = await app.CreateClientAsync(await app.CreateStaffAsync(office, Roles.Supervisor));

        var invalid = await supervisor.PostFormAsync("/Zones/Manage?handler=Add", new Dictionary<string, string> { ["Name"] = "UPTD Ilir Barat I", ["WhatsAppNumber"] = "12345", ["ServicePointId"] = "0" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("Nomor WhatsApp tidak valid.");

        foreach (var (name, number, id) in new[] { ("UPTD Ilir Barat I", "0813 0000 0111", "1055000000111"), ("UPTD Bukit Kecil", "0813-0000-0222", "1055000000222") })
        {
            (await supervisor.PostFormAsync("/Zones/Manage?handler=Add", new Dictionary<string, string>
            {
                ["Name"] = name,
                ["WhatsAppNumber"] = number,
                ["WhatsAppPhoneNumberId"] = id,
                ["ServicePointId"] = "0",
                ["PointName"] = name,
                ["PointAddress"] = "Jl. " + name,
            })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        int first, second;
        await using (var db = app.Database.NewContext())
        {
            var zones = await db.Set<ServiceZone>().Include(z => z.ServicePoint).OrderBy(z => z.Id).ToListAsync();
            zones.Select(z => z.WhatsAppNumber).ShouldBe(["+6281300000111", "+6281300000222"]);
            zones.ShouldAllBe(z => z.ServicePoint!.Kind == ServicePointKind.Uptd && z.ServicePoint.OfficeId == office.Id);
            (first, second) = (zones[0].Id, zones[1].Id);
        }

        var editor = await supervisor.GetStringAsync($"/Zones/Manage?zone={second}");
        editor.ShouldContain("Talangsemut");
        // 16.71.11.1006 Talangsemut and 16.71.11.1001 go to the first zone, then Talangsemut moves to the second.
        await PostVillagesAsync(supervisor, first, ["16.71.11.1006", "16.71.11.1001", "64.71.05.1002"]);
        await PostVillagesAsync(supervisor, second, ["16.71.11.1006"]);

        await using (var db = app.Database.NewContext())
        {
            var villages = await db.Set<ZoneVillage>().OrderBy(v => v.VillageCode).Select(v => new { v.VillageCode, v.ZoneId }).ToListAsync();
            villages.Select(v => (v.VillageCode, v.ZoneId)).ShouldBe([("16.71.11.1001", first), ("16.71.11.1006", second)]); // another city's kelurahan is refused
        }
    }

    [Theory, BothDatabases]
    public async Task Office_texts_only_take_the_templates_placeholders(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, DeliveryOfMessagesTests.Settings());
        var office = await app.AddOfficeAsync("PLG");
        var supervisor = await app.CreateClientAsync(await app.CreateStaffAsync(office, Roles.Supervisor));
        var page = await supervisor.GetStringAsync("/Notifications/Texts?template=ready-for-pickup");
        page.ShouldContain("{receipt} {point} {address} {code}");
        page.ShouldNotContain(">otp<"); // account messages have no office texts

        var unknown = await supervisor.PostFormAsync("/Notifications/Texts?handler=Save&template=ready-for-pickup", new Dictionary<string, string> { ["Channel"] = "Sms", ["Text"] = "Ambil {receipt} dengan NIK {nik}" });
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("Isian {nik} tidak dikenal");
        (await supervisor.PostFormAsync("/Notifications/Texts?handler=Save&template=ready-for-pickup", new Dictionary<string, string> { ["Channel"] = "Email", ["Text"] = "Dokumen {receipt} siap di {point}. Kode: {code}." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = app.Database.NewContext())
        {
            var text = await db.Set<MessageText>().SingleAsync();
            (text.OfficeId, text.Template, text.Channel, text.Text).ShouldBe((office.Id, "ready-for-pickup", MessageChannel.Email, "Dokumen {receipt} siap di {point}. Kode: {code}."));
        }

        (await supervisor.PostFormAsync("/Notifications/Texts?handler=Reset&template=ready-for-pickup", new Dictionary<string, string> { ["Channel"] = "Email" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = app.Database.NewContext())
        {
            (await db.Set<MessageText>().CountAsync()).ShouldBe(0);
            (await db.AuditEntries.CountAsync(a => a.Action.StartsWith("message-text."))).ShouldBe(2);
        }
    }

    [Theory, BothDatabases]
    public async Task Citizens_choose_their_channel_and_email_needs_an_address(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, DeliveryOfMessagesTests.Settings());
        var user = await app.CreateCitizenAsync("+6281234567081");
        var client = await app.CreateClientAsync(user);

        var missing = await client.PostFormAsync("/Notifications/Preferences", new Dictionary<string, string> { ["Channel"] = "Email", ["Email"] = "" });
        (await missing.Content.ReadAsStringAsync()).ShouldContain("Isi alamat e-mail");
        (await client.PostFormAsync("/Notifications/Preferences", new Dictionary<string, string> { ["Channel"] = "Email", ["Email"] = "warga@example.id" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var db = app.Database.NewContext();
        var preference = await db.Set<ContactPreference>().SingleAsync();
        (preference.UserId, preference.Channel, preference.Email).ShouldBe((user.Id, MessageChannel.Email, "warga@example.id"));
    }

    [Theory, BothDatabases]
    public async Task An_in_person_step_invites_the_person_to_their_zones_service_point(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider, DeliveryOfMessagesTests.Settings());
        var zoned = await ZoneTestData.CreateZonedCitizenAsync(app, "+6281234567091");
        var application = await ZoneTestData.QueueApplicationAsync(app, zoned.Office, zoned.Citizen.Id);
        var operatorUser = await app.CreateStaffAsync(zoned.Office);
        var ktp = Domain.Services.ServiceCatalog.Default.Find(BackOfficeTestData.KtpService)!;
        // A service like ktp-baru: biometric recording in person, the card collected there.
        var recording = ktp with { Code = "ktp-baru", InPersonStep = Domain.Services.InPersonStep.Recording, Documents = [] };

        await app.SeedAsync(async db =>
        {
            var tracked = await db.Applications.SingleAsync(a => a.Id == application.Id);
            var step = new Web.Features.Delivery.DeliveryApprovalStep(new Web.Features.Notifications.Outbox(db, app.Time));
            await step.HandOverAsync(new Web.Features.BackOffice.ApprovalHandover(db, tracked, BackOfficeTestData.Staff(operatorUser), app.Time.GetUtcNow()), recording, CancellationToken.None);
        });

        await using var check = app.Database.NewContext();
        var invitation = await check.OutboxMessages.SingleAsync();
        invitation.Template.ShouldBe("in-person-recording");
        invitation.Text.ShouldContain("UPTD Bukit Kecil, Jl. Talang Semut No. 3");
        invitation.Text.ShouldContain("perekaman e-KTP");
        (await check.Set<DocumentDelivery>().CountAsync()).ShouldBe(0); // the card is collected at the recording
    }

    private static async Task PostVillagesAsync(HttpClient client, int zone, string[] villages)
    {
        var token = await client.GetAntiforgeryTokenAsync($"/Zones/Manage?zone={zone}");
        var fields = villages.Select(v => KeyValuePair.Create("Villages", v)).Append(KeyValuePair.Create("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(fields);
        (await client.PostAsync($"/Zones/Manage?handler=Villages&zone={zone}", content)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
