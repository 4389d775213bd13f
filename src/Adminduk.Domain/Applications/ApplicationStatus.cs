namespace Adminduk.Domain.Applications;

/// <summary>Where an application stands. Stored as numbers: never renumber.</summary>
public enum ApplicationStatus
{
    /// <summary>Being filled in; kept server-side so it can be resumed.</summary>
    Draft = 1,

    /// <summary>Complete and waiting in the office's FIFO queue.</summary>
    Queued = 2,

    /// <summary>Claimed by an operator (take-next).</summary>
    InReview = 3,

    /// <summary>Sent back to the citizen with reasons per field.</summary>
    NeedsCorrection = 4,

    Approved = 5,

    Rejected = 6,

    /// <summary>The document was handed over or delivered.</summary>
    Completed = 7,

    /// <summary>Withdrawn by the applicant before a decision.</summary>
    Withdrawn = 8,
}

public enum ApplicationAction
{
    Submit = 1,
    Claim = 2,
    Release = 3,
    Approve = 4,
    SendBack = 5,
    Reject = 6,
    Resubmit = 7,
    Complete = 8,
    Withdraw = 9,
}

/// <summary>The only allowed status changes. Anything else is a bug or an attack, never a silent no-op.</summary>
public static class ApplicationStateMachine
{
    private static readonly Dictionary<(ApplicationStatus, ApplicationAction), ApplicationStatus> Transitions = new()
    {
        [(ApplicationStatus.Draft, ApplicationAction.Submit)] = ApplicationStatus.Queued,
        [(ApplicationStatus.Draft, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.Queued, ApplicationAction.Claim)] = ApplicationStatus.InReview,
        [(ApplicationStatus.Queued, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.InReview, ApplicationAction.Release)] = ApplicationStatus.Queued,
        [(ApplicationStatus.InReview, ApplicationAction.Approve)] = ApplicationStatus.Approved,
        [(ApplicationStatus.InReview, ApplicationAction.SendBack)] = ApplicationStatus.NeedsCorrection,
        [(ApplicationStatus.InReview, ApplicationAction.Reject)] = ApplicationStatus.Rejected,
        [(ApplicationStatus.NeedsCorrection, ApplicationAction.Resubmit)] = ApplicationStatus.Queued,
        [(ApplicationStatus.NeedsCorrection, ApplicationAction.Withdraw)] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.Approved, ApplicationAction.Complete)] = ApplicationStatus.Completed,
    };

    public static bool CanApply(ApplicationStatus from, ApplicationAction action) => Transitions.ContainsKey((from, action));

    public static ApplicationStatus Apply(ApplicationStatus from, ApplicationAction action) =>
        Transitions.TryGetValue((from, action), out var to)
            ? to
            : throw new InvalidOperationException($"An application that is {from} cannot be {action}.");

    public static IEnumerable<ApplicationAction> ActionsFrom(ApplicationStatus from) =>
        Transitions.Keys.Where(k => k.Item1 == from).Select(k => k.Item2);

    /// <summary>A decision has been made (the promise counts only decisions).</summary>
    public static bool IsDecided(ApplicationStatus status) =>
        status is ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Completed;

    /// <summary>No further change is possible.</summary>
    public static bool IsFinal(ApplicationStatus status) => !Transitions.Keys.Any(k => k.Item1 == status);
}
