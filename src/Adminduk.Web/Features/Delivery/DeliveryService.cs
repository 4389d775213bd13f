using System.Globalization;
using System.Security.Cryptography;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Messaging;
using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Features.Zones;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Delivery;

/// <summary>A document handed over at the counter or delivered by courier, inside the transaction that records it.</summary>
public sealed record HandoverRecord(AdmindukDbContext Db, Application Application, DocumentDelivery Delivery, DateTimeOffset At);

/// <summary>
/// The seam for the documents feature: called when a document reaches the citizen (pickup or courier), inside the same
/// transaction, e.g. to issue a pickup receipt (DocumentKind.PickupReceipt). Register with services.AddScoped.
/// </summary>
public interface IDocumentHandoverObserver
{
    Task HandedOverAsync(HandoverRecord handover, CancellationToken ct);
}

/// <summary>
/// Approval step: an approved application's documents wait for the citizen's choice (pickup at the zone's service point
/// or courier); services with an in-person step invite the person to their zone's service point.
/// </summary>
public sealed class DeliveryApprovalStep(Outbox outbox) : IApprovalStep
{
    /// <summary>Something is handed over when documents are issued, or a card is printed without an in-person step.</summary>
    public static bool HandsOver(ServiceDefinition service) => service.Documents.Count > 0 || service.InPersonStep == InPersonStep.None;

    public async Task HandOverAsync(ApprovalHandover handover, CancellationToken ct)
    {
        if (ServiceCatalog.Default.Find(handover.Application.ServiceCode) is { } service)
        {
            await HandOverAsync(handover, service, ct);
        }
    }

    internal async Task HandOverAsync(ApprovalHandover handover, ServiceDefinition service, CancellationToken ct)
    {
        var db = handover.Db;
        var application = handover.Application;
        var applicant = await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantUserId).Select(u => u.ResidentId).FirstOrDefaultAsync(ct);
        var place = await ZoneDirectory.PlaceForResidentAsync(db, application.OfficeId, applicant ?? application.SubjectResidentId, ct);
        var recipient = application.IsAssisted ? null : await Recipients.ForUserAsync(db, application.ApplicantUserId, ct);
        var receipt = application.ReceiptNumber ?? application.Id.ToString(CultureInfo.InvariantCulture);
        if (service.InPersonStep != InPersonStep.None && recipient is not null && place is not null)
        {
            outbox.Add(recipient, service.InPersonStep == InPersonStep.Recording ? "in-person-recording" : "in-person-original",
                new Dictionary<string, string> { ["receipt"] = receipt, ["service"] = service.Title.Id, ["point"] = place.Name, ["address"] = place.Address },
                application.Id);
        }

        if (!HandsOver(service))
        {
            return;
        }

        db.Set<DocumentDelivery>().Add(new DocumentDelivery
        {
            ApplicationId = application.Id,
            OfficeId = application.OfficeId,
            ZoneId = place?.ZoneId,
            ServicePointId = place?.ServicePointId,
            PickupCode = PickupCodes.New(),
            BookingKey = Guid.NewGuid(),
            CreatedAt = handover.At,
        });
        if (recipient is not null)
        {
            outbox.Add(recipient, "delivery-choose", new Dictionary<string, string> { ["receipt"] = receipt, ["point"] = place?.Name ?? "-" }, application.Id);
        }
    }
}

public static class PickupCodes
{
    /// <summary>No 0/O, 1/I/L, 2/Z, 5/S, 8/B: read aloud and typed at the counter without mistakes.</summary>
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";

    /// <summary>What the QR code holds: a prefix, the receipt and the code.</summary>
    public const string QrPrefix = "ADMINDUK-AMBIL:";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 8);

    public static string QrText(string receipt, string code) => QrPrefix + receipt + ":" + code;

    /// <summary>The code from what staff typed or scanned (the code itself, or the QR text).</summary>
    public static string Normalize(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.StartsWith(QrPrefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[(text.LastIndexOf(':') + 1)..];
        }

        return new string([.. text.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-')]);
    }
}

public enum ChoiceOutcome
{
    Done = 1,
    NotFound = 2,
    NotAllowed = 3,
    AddressRequired = 4,
    CourierUnavailable = 5,
}

public enum HandOverOutcome
{
    Done = 1,
    UnknownCode = 2,
    NotReady = 3,
}

public enum CallbackOutcome
{
    Applied = 1,

    /// <summary>Valid, but older than or equal to what the delivery already knew: nothing changes.</summary>
    Ignored = 2,

    Replayed = 3,
    UnknownTracking = 4,
}

/// <summary>A delivery as the citizen's page shows it.</summary>
public sealed record DeliveryView(
    Application Application, DocumentDelivery Delivery, string? PointName, string? PointAddress, bool CourierOffered, int? CourierFee, string? SuggestedAddress);

/// <summary>What the counter sees for a pickup code: enough to hand over the right document, the name masked.</summary>
public sealed record CounterLookup(string Code, string Receipt, string ServiceCode, string MaskedName, DeliveryStatus Status, DateTimeOffset? ReadyAt);

/// <summary>Pickup or courier after approval: the citizen's choice, courier booking and callbacks, and the counter hand-over.</summary>
public sealed class DeliveryService(
    AdmindukDbContext db,
    TimeProvider time,
    Outbox outbox,
    CourierClient courier,
    AuditLog audit,
    IEnumerable<IDocumentHandoverObserver> observers)
{
    public const int MaxAddressLength = 400;

    private static readonly Dictionary<string, int> Stages = new(StringComparer.Ordinal)
    {
        ["booked"] = 1,
        ["picked_up"] = 2,
        ["delivered"] = 3,
        ["failed"] = 3,
    };

    public static bool IsKnownStatus(string status) => Stages.ContainsKey(status);

    public async Task<DeliveryView?> ForCitizenAsync(Guid userId, string receipt, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.ReceiptNumber == receipt && a.ApplicantUserId == userId, ct);
        if (application is null)
        {
            return null;
        }

        var delivery = await db.Set<DocumentDelivery>().AsNoTracking().FirstOrDefaultAsync(d => d.ApplicationId == application.Id, ct);
        if (delivery is null)
        {
            return null;
        }

        var point = delivery.ServicePointId is int pointId
            ? await db.ServicePoints.AsNoTracking().Where(p => p.Id == pointId).Select(p => new { p.Name, p.Address }).FirstOrDefaultAsync(ct)
            : null;
        var setting = await SettingAsync(delivery.OfficeId, ct);
        var suggested = delivery.Address ?? await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.ResidentId != null)
            .Select(u => db.Residents.Where(r => r.Id == u.ResidentId).Select(r => r.Household!.Address).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
        return new DeliveryView(application, delivery, point?.Name, point?.Address, courier.IsConfigured && setting.CourierEnabled, setting.CourierFee, suggested);
    }

    public async Task<DeliverySetting> SettingAsync(int officeId, CancellationToken ct) =>
        await db.Set<DeliverySetting>().AsNoTracking().FirstOrDefaultAsync(s => s.OfficeId == officeId, ct) ?? new DeliverySetting { OfficeId = officeId };

    public async Task<ChoiceOutcome> ChooseAsync(Guid userId, string receipt, DeliveryMethod method, string? address, CancellationToken ct)
    {
        var application = await db.Applications.FirstOrDefaultAsync(a => a.ReceiptNumber == receipt && a.ApplicantUserId == userId, ct);
        var delivery = application is null ? null : await db.Set<DocumentDelivery>().FirstOrDefaultAsync(d => d.ApplicationId == application.Id, ct);
        if (application is null || delivery is null)
        {
            return ChoiceOutcome.NotFound;
        }

        var now = time.GetUtcNow();
        var point = await PointAsync(delivery, ct);
        switch (method)
        {
            case DeliveryMethod.Pickup when delivery.Status == DeliveryStatus.AwaitingChoice:
                delivery.Method = DeliveryMethod.Pickup;
                delivery.Status = DeliveryStatus.ReadyForPickup;
                delivery.ReadyAt = now;
                await NotifyAsync(application, "ready-for-pickup", Parameters(application, delivery, point), ct);
                break;
            case DeliveryMethod.Courier when delivery.Status is DeliveryStatus.AwaitingChoice or DeliveryStatus.ReadyForPickup:
                var setting = await SettingAsync(delivery.OfficeId, ct);
                if (!courier.IsConfigured || !setting.CourierEnabled)
                {
                    return ChoiceOutcome.CourierUnavailable;
                }

                var trimmed = address?.Trim();
                if (string.IsNullOrEmpty(trimmed) || trimmed.Length < 10 || trimmed.Length > MaxAddressLength)
                {
                    return ChoiceOutcome.AddressRequired;
                }

                delivery.Method = DeliveryMethod.Courier;
                delivery.Status = DeliveryStatus.CourierRequested;
                delivery.Address = trimmed;
                delivery.CourierFee = setting.CourierFee;
                delivery.BookingKey = Guid.NewGuid();
                delivery.TrackingId = null;
                delivery.CourierStage = 0;
                delivery.BookingAttempts = 0;
                delivery.NextBookingAttemptAt = now;
                break;
            default:
                return ChoiceOutcome.NotAllowed;
        }

        delivery.Version++;
        audit.Add("delivery.choose", "application", application.Id.ToString(CultureInfo.InvariantCulture), method.ToString(), new AuditActor(userId, "citizen"));
        await db.SaveChangesAsync(ct);
        if (delivery.Status == DeliveryStatus.CourierRequested)
        {
            await BookAsync(delivery.Id, ct);
        }

        return ChoiceOutcome.Done;
    }

    /// <summary>Books a requested courier delivery; a failure is retried later by <see cref="BookPendingAsync"/>.</summary>
    public async Task<bool> BookAsync(long deliveryId, CancellationToken ct)
    {
        var delivery = await db.Set<DocumentDelivery>().FirstOrDefaultAsync(d => d.Id == deliveryId && d.Status == DeliveryStatus.CourierRequested, ct);
        if (delivery is null || !courier.IsConfigured)
        {
            return false;
        }

        var application = await db.Applications.FirstAsync(a => a.Id == delivery.ApplicationId, ct);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == application.ApplicantUserId).Select(u => new { u.FullName, u.PhoneNumber }).FirstOrDefaultAsync(ct);
        var point = await PointAsync(delivery, ct);
        var result = await courier.BookAsync(delivery.BookingKey, new CourierBooking(
            application.ReceiptNumber ?? "", person?.FullName ?? "", person?.PhoneNumber ?? "", delivery.Address ?? "", point.Name, point.Address), ct);
        var now = time.GetUtcNow();
        delivery.BookingAttempts++;
        delivery.Version++;
        if (result.Booked)
        {
            delivery.Status = DeliveryStatus.CourierBooked;
            delivery.TrackingId = result.TrackingId;
            delivery.CourierStage = Math.Max(delivery.CourierStage, 1);
            delivery.LastBookingError = null;
            delivery.NextBookingAttemptAt = null;
            await NotifyAsync(application, "courier-booked", Parameters(application, delivery, point), ct);
        }
        else
        {
            delivery.LastBookingError = result.Error is { Length: > 1000 } e ? e[..1000] : result.Error;
            delivery.NextBookingAttemptAt = RetrySchedule.Default.NextAttempt(now, Math.Min(delivery.BookingAttempts, RetrySchedule.Default.MaxAttempts - 1));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance booked it at the same time (same booking key, so the courier saw one booking).
            db.ChangeTracker.Clear();
            return false;
        }

        return result.Booked;
    }

    /// <summary>Books every requested delivery that is due (a background pass).</summary>
    public async Task<int> BookPendingAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.Set<DocumentDelivery>().AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.CourierRequested && d.NextBookingAttemptAt <= now)
            .OrderBy(d => d.Id).Select(d => d.Id).Take(50).ToListAsync(ct);
        var booked = 0;
        foreach (var id in due)
        {
            booked += await BookAsync(id, ct) ? 1 : 0;
            db.ChangeTracker.Clear();
        }

        return booked;
    }

    public async Task<CounterLookup?> FindByCodeAsync(int officeId, string? input, CancellationToken ct)
    {
        var code = PickupCodes.Normalize(input);
        if (code.Length == 0)
        {
            return null;
        }

        var found = await (
            from d in db.Set<DocumentDelivery>().AsNoTracking()
            join a in db.Applications on d.ApplicationId equals a.Id
            join u in db.Users on a.ApplicantUserId equals u.Id
            where d.PickupCode == code && d.OfficeId == officeId
            select new { d.PickupCode, a.ReceiptNumber, a.ServiceCode, u.FullName, d.Status, d.ReadyAt }).FirstOrDefaultAsync(ct);
        return found is null ? null : new CounterLookup(found.PickupCode, found.ReceiptNumber ?? "", found.ServiceCode, MaskName(found.FullName), found.Status, found.ReadyAt);
    }

    /// <summary>Staff at the counter: the code matches a document ready for pickup at this office, which is handed over.</summary>
    public async Task<HandOverOutcome> HandOverAsync(StaffMember who, int officeId, string? input, CancellationToken ct)
    {
        var code = PickupCodes.Normalize(input);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var delivery = await db.Set<DocumentDelivery>().FirstOrDefaultAsync(d => d.PickupCode == code && d.OfficeId == officeId, ct);
        if (delivery is null)
        {
            return HandOverOutcome.UnknownCode;
        }

        if (delivery.Status != DeliveryStatus.ReadyForPickup)
        {
            return HandOverOutcome.NotReady;
        }

        var now = time.GetUtcNow();
        var application = await db.Applications.FirstAsync(a => a.Id == delivery.ApplicationId, ct);
        delivery.Status = DeliveryStatus.HandedOver;
        delivery.CompletedAt = now;
        delivery.HandedOverByUserId = who.UserId;
        delivery.Version++;
        var point = await PointAsync(delivery, ct);
        Complete(application, now, who.UserId, who.DisplayName, NotificationText.Stored("Delivery.History.HandedOver", point.Name));
        await NotifyAsync(application, "handed-over", Parameters(application, delivery, point), ct);
        audit.Add("delivery.handed-over", "application", application.Id.ToString(CultureInfo.InvariantCulture), application.ReceiptNumber, who.Actor);
        await ObserveAsync(application, delivery, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return HandOverOutcome.NotReady;
        }

        return HandOverOutcome.Done;
    }

    /// <summary>
    /// A verified courier callback. The signature is stored (unique): the same signed callback again is a replay.
    /// A status at or below what the delivery knows changes nothing, so duplicates and late arrivals are harmless.
    /// </summary>
    public async Task<CallbackOutcome> ApplyCallbackAsync(string signature, string trackingId, string status, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            if (await db.Set<CourierCallback>().AnyAsync(c => c.Signature == signature, ct))
            {
                return CallbackOutcome.Replayed;
            }

            var delivery = await db.Set<DocumentDelivery>().FirstOrDefaultAsync(d => d.TrackingId == trackingId, ct);
            if (delivery is null)
            {
                return CallbackOutcome.UnknownTracking;
            }

            var now = time.GetUtcNow();
            var applies = delivery.Method == DeliveryMethod.Courier
                && delivery.Status is DeliveryStatus.CourierRequested or DeliveryStatus.CourierBooked or DeliveryStatus.CourierPickedUp
                && Stages[status] > delivery.CourierStage;
            db.Set<CourierCallback>().Add(new CourierCallback { Signature = signature, TrackingId = trackingId, Status = status, ReceivedAt = now, Applied = applies });
            if (applies)
            {
                await ApplyAsync(delivery, status, now, ct);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return applies ? CallbackOutcome.Applied : CallbackOutcome.Ignored;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // A callback for the same delivery was applied in between: look again.
            }
            catch (DbUpdateException)
            {
                if (await ReplayedAsync(signature, ct))
                {
                    return CallbackOutcome.Replayed;
                }

                throw;
            }
        }
    }

    private async Task<bool> ReplayedAsync(string signature, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Set<CourierCallback>().AnyAsync(c => c.Signature == signature, ct);
    }

    private async Task ApplyAsync(DocumentDelivery delivery, string status, DateTimeOffset now, CancellationToken ct)
    {
        var application = await db.Applications.FirstAsync(a => a.Id == delivery.ApplicationId, ct);
        var point = await PointAsync(delivery, ct);
        delivery.CourierStage = Stages[status];
        delivery.Version++;
        switch (status)
        {
            case "booked":
                delivery.Status = DeliveryStatus.CourierBooked;
                break;
            case "picked_up":
                delivery.Status = DeliveryStatus.CourierPickedUp;
                await NotifyAsync(application, "courier-on-the-way", Parameters(application, delivery, point), ct);
                break;
            case "delivered":
                delivery.Status = DeliveryStatus.Delivered;
                delivery.CompletedAt = now;
                Complete(application, now, null, NotificationText.Stored("Delivery.Courier"), NotificationText.Stored("Delivery.History.Delivered", delivery.TrackingId ?? ""));
                await NotifyAsync(application, "delivered", Parameters(application, delivery, point), ct);
                await ObserveAsync(application, delivery, now, ct);
                break;
            case "failed":
                // Back to the counter: the same pickup code works at the zone's service point.
                delivery.Status = DeliveryStatus.ReadyForPickup;
                delivery.Method = DeliveryMethod.Pickup;
                delivery.FailedAt = now;
                delivery.ReadyAt = now;
                await NotifyAsync(application, "delivery-failed", Parameters(application, delivery, point), ct);
                break;
        }
    }

    private async Task ObserveAsync(Application application, DocumentDelivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var observer in observers)
        {
            await observer.HandedOverAsync(new HandoverRecord(db, application, delivery, now), ct);
        }
    }

    private void Complete(Application application, DateTimeOffset now, Guid? actorId, string actorName, string note)
    {
        if (!ApplicationStateMachine.CanApply(application.Status, ApplicationAction.Complete))
        {
            return;
        }

        var from = application.Status;
        application.Status = ApplicationStateMachine.Apply(from, ApplicationAction.Complete);
        application.UpdatedAt = now;
        application.Version++;
        db.ApplicationHistory.Add(new ApplicationHistoryEntry
        {
            ApplicationId = application.Id,
            At = now,
            FromStatus = from,
            ToStatus = application.Status,
            Action = ApplicationAction.Complete,
            ActorUserId = actorId,
            ActorName = actorName,
            Note = note,
        });
    }

    private async Task NotifyAsync(Application application, string template, Dictionary<string, string> parameters, CancellationToken ct)
    {
        if (!application.IsAssisted && await Recipients.ForUserAsync(db, application.ApplicantUserId, ct) is { } recipient)
        {
            outbox.Add(recipient, template, parameters, application.Id);
        }
    }

    private static Dictionary<string, string> Parameters(Application application, DocumentDelivery delivery, (string Name, string Address) point) => new()
    {
        ["receipt"] = application.ReceiptNumber ?? application.Id.ToString(CultureInfo.InvariantCulture),
        ["point"] = point.Name,
        ["address"] = point.Address,
        ["code"] = delivery.PickupCode,
        ["tracking"] = delivery.TrackingId ?? "-",
    };

    private async Task<(string Name, string Address)> PointAsync(DocumentDelivery delivery, CancellationToken ct)
    {
        var point = delivery.ServicePointId is int id
            ? await db.ServicePoints.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.Address }).FirstOrDefaultAsync(ct)
            : null;
        if (point is not null)
        {
            return (point.Name, point.Address);
        }

        var office = await db.Offices.AsNoTracking().Where(o => o.Id == delivery.OfficeId).Select(o => o.Name).FirstAsync(ct);
        return (office, office);
    }

    /// <summary>"Andi S******" style: the first name and initials, enough to match the person at the counter.</summary>
    public static string MaskName(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? "" : string.Join(' ', parts.Select((p, i) => i == 0 ? p : p[0] + new string('*', Math.Max(0, p.Length - 1))));
    }
}
