using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Adminduk.Domain.Messaging;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Tests.Features.BackOffice;
using Adminduk.Web.Tests.Features.Notifications;
using Adminduk.Web.Tests.Features.Notifications.Loopback;
using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Features.Delivery;

internal static class DeliveryTestData
{
    public const string Secret = "courier-callback-secret";

    public static Dictionary<string, string?> Settings(ProviderStandIn courier)
    {
        var settings = DeliveryOfMessagesTests.Settings();
        settings["Courier:BaseUrl"] = new Uri(courier.BaseAddress, "/v1").ToString();
        settings["Courier:ApiKey"] = "courier-key";
        settings["Courier:CallbackSecret"] = Secret;
        return settings;
    }

    /// <summary>A zoned citizen's application, taken and approved by an operator of the office.</summary>
    public static async Task<(ZoneTestData.Zoned Zoned, Application Application, AppUser Operator)> ApprovedAsync(AppFactory app, string phone = "+6281234567041", string officeCode = "PLG")
    {
        var zoned = await ZoneTestData.CreateZonedCitizenAsync(app, phone, officeCode: officeCode);
        var application = await ZoneTestData.QueueApplicationAsync(app, zoned.Office, zoned.Citizen.Id);
        var operatorUser = await app.CreateStaffAsync(zoned.Office);
        var staff = BackOfficeTestData.Staff(operatorUser);
        (await app.TakeNextAsync(staff)).Application!.Id.ShouldBe(application.Id);
        var current = await app.ReloadAsync(application.Id);
        (await app.DecideAsync(staff, new DecisionRequest(application.Id, current.Version, DecisionKind.Approve))).Outcome.ShouldBe(DecisionOutcome.Done);
        return (zoned, await app.ReloadAsync(application.Id), operatorUser);
    }

    /// <summary>Posts a courier callback signed over "{timestamp}.{body}" (or with the given signature).</summary>
    public static async Task<HttpResponseMessage> CallbackAsync(HttpClient client, string body, DateTimeOffset at, string? signature = null)
    {
        var unix = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/courier/callback")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("X-Courier-Timestamp", unix.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Courier-Signature", signature ?? CallbackSignature.Sign(Encoding.UTF8.GetBytes(Secret), unix, Encoding.UTF8.GetBytes(body)));
        return await client.SendAsync(request);
    }

    public static string Status(string trackingId, string status) => $$"""{"trackingId":"{{trackingId}}","status":"{{status}}"}""";

    public static Task<AppUser> CounterStaffAsync(AppFactory app, Office office) => app.CreateStaffAsync(office, Roles.Operator);
}
