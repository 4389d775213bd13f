using Adminduk.Domain.Applications;

namespace Adminduk.Web.Data;

/// <summary>An application for a service, from draft to decision. Form values are stored as JSON.</summary>
public class Application
{
    public long Id { get; set; }

    /// <summary>Not guessable; null while a draft.</summary>
    public string? ReceiptNumber { get; set; }

    public int OfficeId { get; set; }

    public Office? Office { get; set; }

    public required string ServiceCode { get; set; }

    public ApplicationStatus Status { get; set; } = ApplicationStatus.Draft;

    /// <summary>The signed-in person who applied (or the operator for an assisted walk-in).</summary>
    public Guid ApplicantUserId { get; set; }

    /// <summary>The register person the application is about, when known.</summary>
    public int? SubjectResidentId { get; set; }

    /// <summary>Birth date of the applicant, needed with the receipt number for the public status lookup.</summary>
    public DateOnly? LookupBirthDate { get; set; }

    /// <summary>Field name -> value, as JSON.</summary>
    public required string FormJson { get; set; }

    /// <summary>Field name -> reasons, as JSON, while the application waits for correction.</summary>
    public string? CorrectionJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>When the application last became complete (submission or resubmission): the FIFO key.</summary>
    public DateTimeOffset? QueuedAt { get; set; }

    /// <summary>The working day whose batch it joined (office calendar and cut-off).</summary>
    public DateOnly? BatchDay { get; set; }

    public Guid? ClaimedByUserId { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? ClaimExpiresAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public string? DecisionReason { get; set; }

    /// <summary>Entered by an operator for a walk-in (assisted mode).</summary>
    public bool IsAssisted { get; set; }

    /// <summary>The identity link was provisional: a selfie with KTP/KK is attached for the operator to confirm.</summary>
    public bool NeedsIdentityConfirmation { get; set; }

    /// <summary>Client-supplied key (form token or Idempotency-Key header) making submission idempotent per applicant.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Version { get; set; }

    public List<ApplicationAttachment> Attachments { get; set; } = [];

    public List<ApplicationHistoryEntry> History { get; set; } = [];
}

/// <summary>A file attached to an application, stored in the database so every app instance sees it.</summary>
public class ApplicationAttachment
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    /// <summary>The catalogue's attachment code, e.g. "surat-kehilangan".</summary>
    public required string Code { get; set; }

    public required string FileName { get; set; }

    public AttachmentKind Kind { get; set; }

    public long Size { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>Hex SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>One status change with who did it and why: the history the citizen and staff see.</summary>
public class ApplicationHistoryEntry
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public DateTimeOffset At { get; set; }

    public ApplicationStatus? FromStatus { get; set; }

    public ApplicationStatus ToStatus { get; set; }

    public ApplicationAction? Action { get; set; }

    public Guid? ActorUserId { get; set; }

    public required string ActorName { get; set; }

    public string? Note { get; set; }
}

/// <summary>A service's current availability per office; the definition itself is the catalogue.</summary>
public class ServiceSetting
{
    public int Id { get; set; }

    public int OfficeId { get; set; }

    public required string ServiceCode { get; set; }

    public bool IsOpen { get; set; } = true;

    /// <summary>Shown to citizens while suspended, e.g. "Perekaman e-KTP ditunda".</summary>
    public string? SuspensionMessage { get; set; }

    public string? SuspensionMessageEn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedByUserId { get; set; }
}

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,
    DeadLetter = 3,
}

public enum MessageChannel
{
    /// <summary>No provider configured: the message shows on the staff message log and the console.</summary>
    Log = 0,
    WhatsApp = 1,
    Sms = 2,
    Email = 3,
}

/// <summary>
/// An outgoing message, written in the same transaction as its cause (transactional outbox) and sent by a
/// background worker at least once; the idempotency key lets providers recognise repeats.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public MessageChannel Channel { get; set; }

    /// <summary>E.164 phone or e-mail address.</summary>
    public required string Recipient { get; set; }

    /// <summary>Template name, e.g. "otp", "application-submitted".</summary>
    public required string Template { get; set; }

    /// <summary>Template parameters as JSON.</summary>
    public required string PayloadJson { get; set; }

    /// <summary>The rendered text (Bahasa Indonesia), for the log and for SMS/e-mail.</summary>
    public required string Text { get; set; }

    public Guid IdempotencyKey { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>A dispatcher holds the message until then (a lease), so two instances never send it at once.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    public string? ProviderMessageId { get; set; }

    public long? ApplicationId { get; set; }
}

/// <summary>A one-time sign-in code. Only a hash is kept; codes expire, are single-use and attempt-limited.</summary>
public class OneTimeCode
{
    public long Id { get; set; }

    /// <summary>E.164 phone the code was sent to.</summary>
    public required string Phone { get; set; }

    public required string Purpose { get; set; }

    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    public string? ClientIp { get; set; }
}
