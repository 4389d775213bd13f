using System.Security.Claims;
using System.Text.Json;
using Adminduk.Domain.Messaging;
using Adminduk.Web.Features.Account;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Adminduk.Web.Features.Delivery;

/// <summary>The courier's status callback (signed, anonymous) and the citizen's pickup QR image.</summary>
public static partial class DeliveryEndpoints
{
    public const string CallbackPath = "/api/courier/callback";
    public const string TimestampHeader = "X-Courier-Timestamp";
    public const string SignatureHeader = "X-Courier-Signature";
    private const int MaxBody = 64 * 1024;

    public static IEndpointRouteBuilder MapDelivery(this IEndpointRouteBuilder app)
    {
        // Anonymous by design: the courier proves itself with the HMAC signature over timestamp + body.
        app.MapPost(CallbackPath, CallbackAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/api/deliveries/{receipt}/qr", QrAsync).RequireAuthorization(Policies.Citizen).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext context, DeliveryService deliveries, IOptionsMonitor<CourierOptions> options, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        var body = new byte[MaxBody + 1];
        var length = await context.Request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, ct);
        if (length > MaxBody)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var secret = options.CurrentValue.SecretBytes;
        var timestamp = context.Request.Headers[TimestampHeader].ToString();
        var signature = context.Request.Headers[SignatureHeader].ToString();
        var check = secret.Length == 0
            ? SignatureCheck.Missing
            : CallbackSignature.Verify(secret, timestamp, signature, body.AsSpan(0, length), time.GetUtcNow());
        if (check != SignatureCheck.Valid)
        {
            LogRefused(loggers.CreateLogger(typeof(DeliveryEndpoints)), check);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Callback refused", detail: check.ToString());
        }

        string? trackingId;
        string? status;
        try
        {
            using var document = JsonDocument.Parse(body.AsMemory(0, length));
            trackingId = document.RootElement.TryGetProperty("trackingId", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            status = document.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Body is not JSON");
        }

        if (string.IsNullOrEmpty(trackingId) || trackingId.Length > 100 || status is null || !DeliveryService.IsKnownStatus(status))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "trackingId and a known status are required");
        }

        return await deliveries.ApplyCallbackAsync(signature.ToLowerInvariant(), trackingId, status, ct) switch
        {
            CallbackOutcome.Applied => Results.Ok(new { result = "applied" }),
            CallbackOutcome.Ignored => Results.Ok(new { result = "ignored" }),
            CallbackOutcome.Replayed => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Callback already received"),
            _ => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown tracking id"),
        };
    }

    private static async Task<IResult> QrAsync(string receipt, ClaimsPrincipal user, DeliveryService deliveries, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || await deliveries.ForCitizenAsync(userId, receipt, ct) is not { } view)
        {
            return Results.NotFound();
        }

        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(PickupCodes.QrText(receipt, view.Delivery.PickupCode), QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return Results.File(png, "image/png");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Courier callback refused: {Check}")]
    private static partial void LogRefused(ILogger logger, SignatureCheck check);
}
