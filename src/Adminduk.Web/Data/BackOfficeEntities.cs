namespace Adminduk.Web.Data;

/// <summary>
/// A service an operator may take from the queue. An operator without any row may take every service;
/// with rows, only those (the queue stays FIFO within them).
/// </summary>
public class OperatorSkill
{
    public int Id { get; set; }

    public Guid UserId { get; set; }

    public required string ServiceCode { get; set; }
}

public enum WalkInReason
{
    /// <summary>Told to apply online (the office serves online only).</summary>
    DirectedOnline = 1,

    /// <summary>Came only to ask for information.</summary>
    InformationOnly = 2,

    /// <summary>Came to ask about an application already submitted.</summary>
    StatusQuestion = 3,

    /// <summary>Did not bring the documents the service needs.</summary>
    MissingDocuments = 4,

    Other = 9,
}

/// <summary>A person who came to the office in person and was turned away with guidance, counted per local day.</summary>
public class WalkInRecord
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The office's local date of <see cref="At"/>, for counting per day.</summary>
    public DateOnly Day { get; set; }

    public WalkInReason Reason { get; set; }

    /// <summary>The service the person came for, when known.</summary>
    public string? ServiceCode { get; set; }

    public string? Note { get; set; }

    public Guid RecordedByUserId { get; set; }
}
