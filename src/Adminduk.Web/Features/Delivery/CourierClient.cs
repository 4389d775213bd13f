using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Adminduk.Web.Features.Delivery;

public sealed class CourierOptions
{
    /// <summary>The courier API, e.g. https://courier.example.id/v1; deliveries are booked with POST {BaseUrl}/deliveries.</summary>
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Shared secret of the HMAC-SHA256 signature on status callbacks.</summary>
    public string? CallbackSecret { get; set; }

    public byte[] SecretBytes => Encoding.UTF8.GetBytes(CallbackSecret ?? "");
}

public sealed record CourierBooking(string Reference, string RecipientName, string RecipientPhone, string Address, string PickupName, string PickupAddress);

public sealed record CourierBookingResult(bool Booked, string? TrackingId, string? Error);

/// <summary>Books a delivery through the courier's HTTP API; the booking key makes a repeated request the same booking.</summary>
public sealed class CourierClient(IHttpClientFactory http, IOptionsMonitor<CourierOptions> options)
{
    public const string HttpClientName = "courier";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(options.CurrentValue.BaseUrl) && !string.IsNullOrWhiteSpace(options.CurrentValue.ApiKey)
        && !string.IsNullOrWhiteSpace(options.CurrentValue.CallbackSecret);

    public async Task<CourierBookingResult> BookAsync(Guid bookingKey, CourierBooking booking, CancellationToken ct)
    {
        var o = options.CurrentValue;
        using var request = new HttpRequestMessage(HttpMethod.Post, o.BaseUrl!.TrimEnd('/') + "/deliveries")
        {
            Content = JsonContent.Create(new BookingRequest(
                booking.Reference,
                new Place(booking.PickupName, null, booking.PickupAddress),
                new Place(booking.RecipientName, booking.RecipientPhone, booking.Address))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.ApiKey);
        request.Headers.Add("Idempotency-Key", bookingKey.ToString());
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            var reply = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                return new CourierBookingResult(false, null, $"courier answered {(int)response.StatusCode}: {(reply.Length > 300 ? reply[..300] : reply)}");
            }

            using var document = JsonDocument.Parse(reply);
            return document.RootElement.TryGetProperty("trackingId", out var id) && id.GetString() is { Length: > 0 and <= 100 } tracking
                ? new CourierBookingResult(true, tracking, null)
                : new CourierBookingResult(false, null, "courier reply without trackingId");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException)
        {
            return new CourierBookingResult(false, null, ex.Message);
        }
    }

    private sealed record BookingRequest(
        [property: JsonPropertyName("reference")] string Reference,
        [property: JsonPropertyName("pickup")] Place Pickup,
        [property: JsonPropertyName("dropoff")] Place Dropoff);

    private sealed record Place(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("phone")] string? Phone,
        [property: JsonPropertyName("address")] string Address);
}
