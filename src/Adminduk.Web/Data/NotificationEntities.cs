using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Data;

/// <summary>How a citizen wants to be reached first; the other channels with a known address are the fallback.</summary>
public class ContactPreference
{
    public Guid UserId { get; set; }

    /// <summary>WhatsApp, Sms or Email.</summary>
    public MessageChannel Channel { get; set; } = MessageChannel.WhatsApp;

    public string? Email { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A supervisor's own SMS or e-mail text for a template in one office; without one the resource text is used.</summary>
public class MessageText
{
    public int Id { get; set; }

    public int OfficeId { get; set; }

    public required string Template { get; set; }

    /// <summary>Sms or Email.</summary>
    public MessageChannel Channel { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid UpdatedByUserId { get; set; }
}

/// <summary>One try to deliver an outbox message over one channel, with the provider's answer.</summary>
public class OutboxAttempt
{
    public long Id { get; set; }

    public long MessageId { get; set; }

    public DateTimeOffset At { get; set; }

    public MessageChannel Channel { get; set; }

    public bool Succeeded { get; set; }

    public string? ProviderMessageId { get; set; }

    public string? Error { get; set; }
}

/// <summary>
/// A service zone (UPTD) of an office: the kelurahan it serves, the WhatsApp number messages to their residents come
/// from, and the service point where they pick up documents and come for in-person steps.
/// </summary>
public class ServiceZone
{
    public int Id { get; set; }

    public int OfficeId { get; set; }

    public required string Name { get; set; }

    /// <summary>The zone's WhatsApp sender number (E.164), shown to citizens.</summary>
    public string? WhatsAppNumber { get; set; }

    /// <summary>The WhatsApp Cloud API phone-number id of that number; messages are sent from it.</summary>
    public string? WhatsAppPhoneNumberId { get; set; }

    public int ServicePointId { get; set; }

    public ServicePoint? ServicePoint { get; set; }

    public List<ZoneVillage> Villages { get; set; } = [];
}

/// <summary>A kelurahan in a zone; a kelurahan is in at most one zone of an office.</summary>
public class ZoneVillage
{
    public int Id { get; set; }

    public int ZoneId { get; set; }

    public int OfficeId { get; set; }

    /// <summary>Dotted village code, e.g. "16.71.11.1006".</summary>
    public required string VillageCode { get; set; }
}

/// <summary>An office's delivery settings: courier fee and when an uncollected document is listed.</summary>
public class DeliverySetting
{
    public int OfficeId { get; set; }

    public bool CourierEnabled { get; set; } = true;

    /// <summary>Courier fee in rupiah shown to the citizen; null when the office sets none.</summary>
    public int? CourierFee { get; set; }

    public int UncollectedAfterDays { get; set; } = 14;

    public DateTimeOffset UpdatedAt { get; set; }
}

public enum DeliveryMethod
{
    None = 0,
    Pickup = 1,
    Courier = 2,
}

/// <summary>Where a finished document is. Stored as numbers: never renumber.</summary>
public enum DeliveryStatus
{
    /// <summary>Approved; the citizen has not yet chosen pickup or courier.</summary>
    AwaitingChoice = 1,

    ReadyForPickup = 2,

    /// <summary>Courier chosen; the booking with the courier is not confirmed yet.</summary>
    CourierRequested = 3,

    CourierBooked = 4,

    CourierPickedUp = 5,

    Delivered = 6,

    HandedOver = 7,
}

/// <summary>
/// The hand-over of an approved application's documents: pickup at the zone's service point with a code, or a courier
/// booking with its tracking id and callbacks. Created in the approval's transaction.
/// </summary>
public class DocumentDelivery
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public int OfficeId { get; set; }

    public int? ZoneId { get; set; }

    /// <summary>Where pickup happens (the zone's service point, else the office's main point).</summary>
    public int? ServicePointId { get; set; }

    public DeliveryStatus Status { get; set; } = DeliveryStatus.AwaitingChoice;

    public DeliveryMethod Method { get; set; }

    /// <summary>Shown to the citizen and encoded in the QR; checked at the counter.</summary>
    public required string PickupCode { get; set; }

    public string? Address { get; set; }

    public int? CourierFee { get; set; }

    /// <summary>Sent to the courier with the booking so a repeated booking request is recognised.</summary>
    public Guid BookingKey { get; set; }

    public string? TrackingId { get; set; }

    public string? LastBookingError { get; set; }

    public int BookingAttempts { get; set; }

    public DateTimeOffset? NextBookingAttemptAt { get; set; }

    /// <summary>The courier status last applied (rank order), so older or repeated callbacks change nothing.</summary>
    public int CourierStage { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadyAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public Guid? HandedOverByUserId { get; set; }

    public int Version { get; set; }
}

/// <summary>A courier callback that was accepted; the signature is unique so a replay is recognised.</summary>
public class CourierCallback
{
    public long Id { get; set; }

    public required string Signature { get; set; }

    public required string TrackingId { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>False when the callback was older than what the delivery already knew.</summary>
    public bool Applied { get; set; }
}

/// <summary>The citizen was told once that the office's promise (a decision within N days) passed.</summary>
public class PromiseNotice
{
    public long ApplicationId { get; set; }

    public DateTimeOffset NotifiedAt { get; set; }
}

public enum ComplaintTopic
{
    Application = 1,

    /// <summary>The citizen's own register data, e.g. data that did not sync.</summary>
    Data = 2,
}

public enum ComplaintStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>A ticket at the online complaints desk (loket pengaduan), handled oldest first.</summary>
public class Complaint
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public Guid UserId { get; set; }

    public ComplaintTopic Topic { get; set; }

    public long? ApplicationId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ComplaintStatus Status { get; set; } = ComplaintStatus.Open;

    public Guid? ClaimedByUserId { get; set; }

    public DateTimeOffset? ClaimExpiresAt { get; set; }

    public string? Answer { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public Guid? ClosedByUserId { get; set; }
}

/// <summary>Model configuration of the notifications, zones, delivery, promise and complaints tables.</summary>
public static class NotificationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ContactPreference>(e =>
        {
            e.HasKey(p => p.UserId);
            e.Property(p => p.Email).HasMaxLength(200);
            e.HasOne<AppUser>().WithOne().HasForeignKey<ContactPreference>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MessageText>(e =>
        {
            e.Property(t => t.Template).HasMaxLength(100);
            e.Property(t => t.Text).HasMaxLength(2000);
            e.HasIndex(t => new { t.OfficeId, t.Template, t.Channel }).IsUnique();
            e.HasOne<Office>().WithMany().HasForeignKey(t => t.OfficeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OutboxAttempt>(e =>
        {
            e.Property(a => a.ProviderMessageId).HasMaxLength(200);
            e.Property(a => a.Error).HasMaxLength(2000);
            e.HasIndex(a => a.MessageId);
            e.HasOne<OutboxMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ServiceZone>(e =>
        {
            e.Property(z => z.Name).HasMaxLength(200);
            e.Property(z => z.WhatsAppNumber).HasMaxLength(20);
            e.Property(z => z.WhatsAppPhoneNumberId).HasMaxLength(50);
            e.HasIndex(z => z.OfficeId);
            e.HasOne<Office>().WithMany().HasForeignKey(z => z.OfficeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(z => z.ServicePoint).WithMany().HasForeignKey(z => z.ServicePointId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(z => z.Villages).WithOne().HasForeignKey(v => v.ZoneId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ZoneVillage>(e =>
        {
            e.Property(v => v.VillageCode).HasMaxLength(13);
            e.HasIndex(v => new { v.OfficeId, v.VillageCode }).IsUnique();
        });

        builder.Entity<DeliverySetting>(e =>
        {
            e.HasKey(s => s.OfficeId);
            e.HasOne<Office>().WithOne().HasForeignKey<DeliverySetting>(s => s.OfficeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DocumentDelivery>(e =>
        {
            e.HasIndex(d => d.ApplicationId).IsUnique();
            e.HasIndex(d => d.PickupCode).IsUnique();
            e.HasIndex(d => d.TrackingId).IsUnique();
            e.HasIndex(d => new { d.OfficeId, d.Status, d.ReadyAt });
            e.Property(d => d.PickupCode).HasMaxLength(16);
            e.Property(d => d.Address).HasMaxLength(400);
            e.Property(d => d.TrackingId).HasMaxLength(100);
            e.Property(d => d.LastBookingError).HasMaxLength(1000);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CourierCallback>(e =>
        {
            e.Property(c => c.Signature).HasMaxLength(64);
            e.Property(c => c.TrackingId).HasMaxLength(100);
            e.Property(c => c.Status).HasMaxLength(30);
            e.HasIndex(c => c.Signature).IsUnique();
            e.HasIndex(c => c.TrackingId);
        });

        builder.Entity<PromiseNotice>(e =>
        {
            e.HasKey(p => p.ApplicationId);
            e.HasOne<Application>().WithOne().HasForeignKey<PromiseNotice>(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Complaint>(e =>
        {
            e.Property(c => c.Text).HasMaxLength(2000);
            e.Property(c => c.Answer).HasMaxLength(2000);
            e.HasIndex(c => new { c.OfficeId, c.Status, c.CreatedAt, c.Id });
            e.HasIndex(c => c.UserId);
            e.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
