using Adminduk.Domain.Applications;

namespace Adminduk.Domain.Tests.Applications;

public class ApplicationStateMachineTests
{
    [Theory]
    [InlineData(ApplicationStatus.Draft, ApplicationAction.Submit, ApplicationStatus.Queued)]
    [InlineData(ApplicationStatus.Queued, ApplicationAction.Claim, ApplicationStatus.InReview)]
    [InlineData(ApplicationStatus.InReview, ApplicationAction.Release, ApplicationStatus.Queued)]
    [InlineData(ApplicationStatus.InReview, ApplicationAction.Approve, ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.InReview, ApplicationAction.SendBack, ApplicationStatus.NeedsCorrection)]
    [InlineData(ApplicationStatus.InReview, ApplicationAction.Reject, ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.NeedsCorrection, ApplicationAction.Resubmit, ApplicationStatus.Queued)]
    [InlineData(ApplicationStatus.Approved, ApplicationAction.Complete, ApplicationStatus.Completed)]
    [InlineData(ApplicationStatus.Queued, ApplicationAction.Withdraw, ApplicationStatus.Withdrawn)]
    public void Allowed_transitions(ApplicationStatus from, ApplicationAction action, ApplicationStatus to)
    {
        ApplicationStateMachine.CanApply(from, action).ShouldBeTrue();
        ApplicationStateMachine.Apply(from, action).ShouldBe(to);
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft, ApplicationAction.Approve)]
    [InlineData(ApplicationStatus.Queued, ApplicationAction.Approve)]
    [InlineData(ApplicationStatus.InReview, ApplicationAction.Claim)]
    [InlineData(ApplicationStatus.InReview, ApplicationAction.Withdraw)]
    [InlineData(ApplicationStatus.Rejected, ApplicationAction.Resubmit)]
    [InlineData(ApplicationStatus.Approved, ApplicationAction.SendBack)]
    [InlineData(ApplicationStatus.Completed, ApplicationAction.Complete)]
    public void Other_transitions_throw(ApplicationStatus from, ApplicationAction action)
    {
        ApplicationStateMachine.CanApply(from, action).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => ApplicationStateMachine.Apply(from, action));
    }

    [Fact]
    public void Only_operators_decisions_and_release_leave_review()
    {
        ApplicationStateMachine.ActionsFrom(ApplicationStatus.InReview).Order()
            .ShouldBe([ApplicationAction.Release, ApplicationAction.Approve, ApplicationAction.SendBack, ApplicationAction.Reject]);
    }

    [Theory]
    [InlineData(ApplicationStatus.Rejected, true, true)]
    [InlineData(ApplicationStatus.Completed, true, true)]
    [InlineData(ApplicationStatus.Withdrawn, false, true)]
    [InlineData(ApplicationStatus.Approved, true, false)]
    [InlineData(ApplicationStatus.Queued, false, false)]
    public void Decided_and_final(ApplicationStatus status, bool decided, bool final)
    {
        ApplicationStateMachine.IsDecided(status).ShouldBe(decided);
        ApplicationStateMachine.IsFinal(status).ShouldBe(final);
    }
}
