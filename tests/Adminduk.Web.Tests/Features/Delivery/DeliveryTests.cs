using System.Net;
using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Features.Notifications.Loopback;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Features.Delivery;

/// <summary>Pickup with a code at the zone's counter, courier booking over HTTP, and signed status callbacks.</summary>
public class DeliveryTests
{
    [Theory, BothDatabases]
    public async Task Approval_offers_pickup_at_the_zone_point_and_the_counter_hands_over_by_code(DatabaseProvider provider)
    {
        await using var courier = await ProviderStandIn.StartAsync();
        await using var app = await AppFactory.CreateAsync(provider, DeliveryTestData.Settings(courier));
        var (zoned, application, _) = await DeliveryTestData.ApprovedAsync(app);

        await using (var db = app.Database.NewContext())
        {
            var delivery = await db.Set<DocumentDelivery>().SingleAsync();
            delivery.Status.ShouldBe(DeliveryStatus.AwaitingChoice);
            delivery.ServicePointId.ShouldBe(zoned.Point.Id);
            delivery.ZoneId.ShouldBe(zoned.Zone.Id);
            var offer = await db.OutboxMessages.SingleAsync(m => m.Template == "delivery-choose");
            offer.Text.ShouldContain("UPTD Bukit Kecil");
        }

        var citizen = await app.CreateClientAsync(zoned.Citizen);
        var page = await citizen.GetStringAsync($"/Delivery/Choose/{application.ReceiptNumber}");
        page.ShouldContain("UPTD Bukit Kecil");
        var chosen = await citizen.PostFormAsync($"/Delivery/Choose/{application.ReceiptNumber}", new Dictionary<string, string> { ["Method"] = "Pickup" });
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        string code;
        await using (var db = app.Database.NewContext())
        {
            var delivery = await db.Set<DocumentDelivery>().SingleAsync();
            delivery.Status.ShouldBe(DeliveryStatus.ReadyForPickup);
            code = delivery.PickupCode;
            (await db.OutboxMessages.SingleAsync(m => m.Template == "ready-for-pickup")).Text.ShouldContain(code);
        }

        (await citizen.GetStringAsync($"/Delivery/Choose/{application.ReceiptNumber}")).ShouldContain(code);
        var qr = await citizen.GetAsync($"/api/deliveries/{application.ReceiptNumber}/qr");
        qr.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await qr.Content.ReadAsByteArrayAsync())[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });

        // Another office's counter does not know the code; the right one finds it from the QR text and hands over.
        var elsewhere = await app.AddOfficeAsync("BPN");
        var stranger = await app.CreateClientAsync(await DeliveryTestData.CounterStaffAsync(app, elsewhere));
        await stranger.PostFormAsync("/Delivery/Counter", new Dictionary<string, string> { ["Code"] = code });
        var staff = await app.CreateClientAsync(await DeliveryTestData.CounterStaffAsync(app, zoned.Office));
        var lookup = await staff.GetStringAsync($"/Delivery/Counter?code={Uri.EscapeDataString($"ADMINDUK-AMBIL:{application.ReceiptNumber}:{code}")}");
        lookup.ShouldContain(application.ReceiptNumber!);
        lookup.ShouldContain("Siti A*****");
        lookup.ShouldNotContain("Siti Aminah");
        (await staff.PostFormAsync("/Delivery/Counter", new Dictionary<string, string> { ["Code"] = code.ToLowerInvariant() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.PostFormAsync("/Delivery/Counter", new Dictionary<string, string> { ["Code"] = code })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using (var db = app.Database.NewContext())
        {
            var delivery = await db.Set<DocumentDelivery>().SingleAsync();
            delivery.Status.ShouldBe(DeliveryStatus.HandedOver);
            delivery.HandedOverByUserId.ShouldNotBeNull();
            (await db.Applications.SingleAsync()).Status.ShouldBe(ApplicationStatus.Completed);
            (await db.OutboxMessages.CountAsync(m => m.Template == "handed-over")).ShouldBe(1);
            (await db.AuditEntries.CountAsync(a => a.Action == "delivery.handed-over")).ShouldBe(1);
        }
    }

    [Theory, BothDatabases]
    public async Task Courier_is_booked_over_http_and_signed_callbacks_move_it_once_in_order(DatabaseProvider provider)
    {
        await using var courier = await ProviderStandIn.StartAsync();
        courier.Reply = _ => Task.FromResult(new StandInReply(201, """{"trackingId":"GS-0001","status":"booked"}"""));
        await using var app = await AppFactory.CreateAsync(provider, DeliveryTestData.Settings(courier));
        var (zoned, application, _) = await DeliveryTestData.ApprovedAsync(app);
        await app.SeedAsync(db =>
        {
            db.Set<DeliverySetting>().Add(new DeliverySetting { OfficeId = zoned.Office.Id, CourierFee = 15000 });
            return Task.CompletedTask;
        });
        var citizen = await app.CreateClientAsync(zoned.Citizen);
        var receipt = application.ReceiptNumber!;
        var page = await citizen.GetStringAsync($"/Delivery/Choose/{receipt}");
        page.ShouldContain("Rp15.000");
        page.ShouldContain("Jl. Talang Semut Lr. Mawar No. 12"); // the address on the KK is offered

        var tooShort = await citizen.PostFormAsync($"/Delivery/Choose/{receipt}", new Dictionary<string, string> { ["Method"] = "Courier", ["Address"] = "Jl." });
        tooShort.StatusCode.ShouldBe(HttpStatusCode.OK);
        courier.Requests.ShouldBeEmpty();
        var chosen = await citizen.PostFormAsync($"/Delivery/Choose/{receipt}", new Dictionary<string, string>
        {
            ["Method"] = "Courier",
            ["Address"] = "Jl. Talang Semut Lr. Mawar No. 12, RT 012, Bukit Kecil",
        });
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var booking = courier.Requests.Single();
        booking.Path.ShouldBe("/v1/deliveries");
        booking.Header("Authorization").ShouldBe("Bearer courier-key");
        using (var body = JsonDocument.Parse(booking.Body))
        {
            body.RootElement.GetProperty("reference").GetString().ShouldBe(receipt);
            body.RootElement.GetProperty("dropoff").GetProperty("address").GetString().ShouldBe("Jl. Talang Semut Lr. Mawar No. 12, RT 012, Bukit Kecil");
            body.RootElement.GetProperty("dropoff").GetProperty("phone").GetString().ShouldBe("+6281234567041");
            body.RootElement.GetProperty("pickup").GetProperty("name").GetString().ShouldBe("UPTD Bukit Kecil");
        }

        await using (var db = app.Database.NewContext())
        {
            var delivery = await db.Set<DocumentDelivery>().SingleAsync();
            delivery.Status.ShouldBe(DeliveryStatus.CourierBooked);
            delivery.TrackingId.ShouldBe("GS-0001");
            delivery.CourierFee.ShouldBe(15000);
            booking.Header("Idempotency-Key").ShouldBe(delivery.BookingKey.ToString());
        }

        var courierClient = app.CreateClient(cookies: null);
        var now = app.Time.GetUtcNow();
        var pickedUp = DeliveryTestData.Status("GS-0001", "picked_up");
        (await DeliveryTestData.CallbackAsync(courierClient, pickedUp, now)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The very same signed request again is a replay.
        (await DeliveryTestData.CallbackAsync(courierClient, pickedUp, now)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // Refused: bad signature, stale timestamp, timestamp from the future, missing signature.
        var delivered = DeliveryTestData.Status("GS-0001", "delivered");
        (await DeliveryTestData.CallbackAsync(courierClient, delivered, now, signature: new string('a', 64))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DeliveryTestData.CallbackAsync(courierClient, delivered, now.AddMinutes(-5).AddSeconds(-1))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DeliveryTestData.CallbackAsync(courierClient, delivered, now.AddMinutes(6))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await courierClient.PostAsync("/api/courier/callback", new StringContent(delivered))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using (var db = app.Database.NewContext())
        {
            (await db.Set<DocumentDelivery>().SingleAsync()).Status.ShouldBe(DeliveryStatus.CourierPickedUp);
        }

        // Out of order (booked after picked up) and duplicates (same status, new timestamp) change nothing.
        app.Time.Advance(TimeSpan.FromSeconds(30));
        (await DeliveryTestData.CallbackAsync(courierClient, DeliveryTestData.Status("GS-0001", "booked"), app.Time.GetUtcNow())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DeliveryTestData.CallbackAsync(courierClient, pickedUp, app.Time.GetUtcNow())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DeliveryTestData.CallbackAsync(courierClient, delivered, app.Time.GetUtcNow())).StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Time.Advance(TimeSpan.FromSeconds(1));
        (await DeliveryTestData.CallbackAsync(courierClient, delivered, app.Time.GetUtcNow())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DeliveryTestData.CallbackAsync(courierClient, DeliveryTestData.Status("GS-0001", "failed"), app.Time.GetUtcNow())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DeliveryTestData.CallbackAsync(courierClient, DeliveryTestData.Status("GS-9999", "delivered"), app.Time.GetUtcNow())).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using (var db = app.Database.NewContext())
        {
            var delivery = await db.Set<DocumentDelivery>().SingleAsync();
            delivery.Status.ShouldBe(DeliveryStatus.Delivered);
            (await db.Applications.SingleAsync()).Status.ShouldBe(ApplicationStatus.Completed);
            (await db.ApplicationHistory.CountAsync(h => h.Action == ApplicationAction.Complete)).ShouldBe(1);
            var templates = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Template).ToListAsync();
            templates.Count(t => t == "courier-on-the-way").ShouldBe(1);
            templates.Count(t => t == "delivered").ShouldBe(1);
            templates.ShouldNotContain("delivery-failed");
            (await db.Set<CourierCallback>().CountAsync(c => c.Applied)).ShouldBe(2);
        }

        (await citizen.GetStringAsync($"/Delivery/Choose/{receipt}")).ShouldContain("Sudah diterima");
    }

    [Theory, BothDatabases]
    public async Task A_failed_delivery_returns_to_pickup_and_a_failed_booking_is_retried_with_the_same_key(DatabaseProvider provider)
    {
        await using var courier = await ProviderStandIn.StartAsync();
        courier.Reply = _ => Task.FromResult(new StandInReply(500, "try later"));
        await using var app = await AppFactory.CreateAsync(provider, DeliveryTestData.Settings(courier));
        var (zoned, application, _) = await DeliveryTestData.ApprovedAsync(app);
        var citizen = await app.CreateClientAsync(zoned.Citizen);
        var receipt = application.ReceiptNumber!;
        await citizen.PostFormAsync($"/Delivery/Choose/{receipt}", new Dictionary<string, string> { ["Method"] = "Courier", ["Address"] = "Jl. Kol. Atmo No. 5, Palembang" });

        await using (var db = app.Database.NewContext())
        {
            var delivery = await db.Set<DocumentDelivery>().SingleAsync();
            delivery.Status.ShouldBe(DeliveryStatus.CourierRequested);
            delivery.LastBookingError.ShouldBe("courier answered 500: try later");
            delivery.NextBookingAttemptAt.ShouldNotBeNull();
        }

        courier.Reply = _ => Task.FromResult(new StandInReply(201, """{"trackingId":"GS-0002"}"""));
        var worker = app.Services.GetRequiredService<FollowUpWorker>();
        await worker.RunOnceAsync(CancellationToken.None);
        courier.Requests.Count.ShouldBe(1); // not due yet
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await worker.RunOnceAsync(CancellationToken.None);
        courier.Requests.Count.ShouldBe(2);
        courier.Requests.Select(r => r.Header("Idempotency-Key")).Distinct().Count().ShouldBe(1);

        var courierClient = app.CreateClient(cookies: null);
        (await DeliveryTestData.CallbackAsync(courierClient, DeliveryTestData.Status("GS-0002", "failed"), app.Time.GetUtcNow())).StatusCode.ShouldBe(HttpStatusCode.OK);
        string code;
        await using (var db = app.Database.NewContext())
        {
            var delivery = await db.Set<DocumentDelivery>().SingleAsync();
            delivery.Status.ShouldBe(DeliveryStatus.ReadyForPickup);
            delivery.Method.ShouldBe(DeliveryMethod.Pickup);
            delivery.FailedAt.ShouldNotBeNull();
            code = delivery.PickupCode;
            (await db.OutboxMessages.SingleAsync(m => m.Template == "delivery-failed")).Text.ShouldContain(code);
        }

        var staff = await app.CreateClientAsync(await DeliveryTestData.CounterStaffAsync(app, zoned.Office));
        await staff.PostFormAsync("/Delivery/Counter", new Dictionary<string, string> { ["Code"] = code });
        await using (var db = app.Database.NewContext())
        {
            (await db.Set<DocumentDelivery>().SingleAsync()).Status.ShouldBe(DeliveryStatus.HandedOver);
        }
    }

    [Theory, BothDatabases]
    public async Task Documents_not_collected_within_the_office_limit_are_listed(DatabaseProvider provider)
    {
        await using var courier = await ProviderStandIn.StartAsync();
        await using var app = await AppFactory.CreateAsync(provider, DeliveryTestData.Settings(courier));
        var (zoned, application, operatorUser) = await DeliveryTestData.ApprovedAsync(app);
        await app.SeedAsync(db =>
        {
            db.Set<DeliverySetting>().Add(new DeliverySetting { OfficeId = zoned.Office.Id, UncollectedAfterDays = 7 });
            return Task.CompletedTask;
        });
        var citizen = await app.CreateClientAsync(zoned.Citizen);
        await citizen.PostFormAsync($"/Delivery/Choose/{application.ReceiptNumber}", new Dictionary<string, string> { ["Method"] = "Pickup" });

        // Signed in afresh each time: the sign-in cookie does not outlive days of clock travel.
        app.Time.Advance(TimeSpan.FromDays(6));
        (await (await app.CreateClientAsync(operatorUser)).GetStringAsync("/Delivery/Uncollected")).ShouldNotContain(application.ReceiptNumber!);
        app.Time.Advance(TimeSpan.FromDays(2));
        var list = await (await app.CreateClientAsync(operatorUser)).GetStringAsync("/Delivery/Uncollected");
        list.ShouldContain(application.ReceiptNumber!);
        list.ShouldContain("UPTD Bukit Kecil");
    }
}
