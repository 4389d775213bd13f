using System.Globalization;
using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.BackOffice;

public enum DecisionKind
{
    Approve = 1,
    SendBack = 2,
    Reject = 3,
}

/// <summary>What the operator says about a provisional identity link (a selfie with KTP/KK).</summary>
public enum IdentityVerdict
{
    None = 0,
    Confirm = 1,
    Refuse = 2,
}

/// <summary>
/// A decision on the caller's claim. <paramref name="Version"/> is the version the operator saw, so a form left open
/// across an expired and re-taken claim cannot decide something else. Corrections: field -> reasons.
/// </summary>
public sealed record DecisionRequest(
    long ApplicationId,
    int Version,
    DecisionKind Kind,
    IdentityVerdict Identity = IdentityVerdict.None,
    string? Reason = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Corrections = null);

public enum DecisionOutcome
{
    Done = 1,

    /// <summary>Not the caller's current claim (never theirs, expired, or of another office).</summary>
    NotYourClaim = 2,

    /// <summary>The application changed since the operator opened it.</summary>
    Changed = 3,

    /// <summary>The request is incomplete; <see cref="DecisionResult.Errors"/> says what is missing (SharedResource keys).</summary>
    Invalid = 4,
}

public sealed record DecisionResult(DecisionOutcome Outcome, IReadOnlyList<string> Errors)
{
    public static DecisionResult Of(DecisionOutcome outcome) => new(outcome, []);
}

/// <summary>What an approval hands on: the application, inside the decision's transaction.</summary>
public sealed record ApprovalHandover(AdmindukDbContext Db, Application Application, StaffMember Operator, DateTimeOffset At);

/// <summary>
/// A step that takes an approved application further (document issuance, register update, delivery). Every
/// registered step runs inside the approval's transaction: if one throws, the approval does not happen.
/// </summary>
public interface IApprovalStep
{
    Task HandOverAsync(ApprovalHandover handover, CancellationToken ct);
}

/// <summary>The default hand-over: records in the history that the application went on to document issuance.</summary>
public sealed class DocumentIssuanceHandover : IApprovalStep
{
    public Task HandOverAsync(ApprovalHandover handover, CancellationToken ct)
    {
        handover.Db.ApplicationHistory.Add(new ApplicationHistoryEntry
        {
            ApplicationId = handover.Application.Id,
            At = handover.At,
            FromStatus = handover.Application.Status,
            ToStatus = handover.Application.Status,
            ActorUserId = handover.Operator.UserId,
            ActorName = handover.Operator.DisplayName,
            Note = StoredText.Get("History.HandedToIssuance"),
        });
        return Task.CompletedTask;
    }
}

/// <summary>
/// Approve, send back for correction, or reject the caller's claim. Status change (state machine), history, audit,
/// the citizen's notification (outbox) and the approval steps are written in one transaction.
/// </summary>
public sealed class DecisionService(
    AdmindukDbContext db,
    TimeProvider time,
    AuditLog audit,
    Outbox outbox,
    IEnumerable<IApprovalStep> approvalSteps)
{
    public const int MaxReasonLength = 2000;
    public const int MaxCorrectionLength = 500;

    private static readonly JsonSerializerOptions CorrectionJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Field names (and attachment fields "attachments.{code}") reasons may be given for.</summary>
    public static IReadOnlyList<(string Field, LocalizedText Label)> CorrectableFields(ServiceDefinition service) =>
        [
            .. service.Fields.Select(f => (f.Name, f.Label)),
            .. service.Attachments.Select(a => (FormValidator.AttachmentField(a.Code), a.Title)),
        ];

    public async Task<DecisionResult> DecideAsync(StaffMember who, DecisionRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // From the check of the claim to the commit in one transaction: nothing can change the claim in between.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var application = await db.Applications.FirstOrDefaultAsync(
            a => a.Id == request.ApplicationId && a.OfficeId == who.OfficeId && a.Status == ApplicationStatus.InReview
                && a.ClaimedByUserId == who.UserId && a.ClaimExpiresAt > now, ct);
        if (application is null)
        {
            return DecisionResult.Of(DecisionOutcome.NotYourClaim);
        }

        if (application.Version != request.Version)
        {
            return DecisionResult.Of(DecisionOutcome.Changed);
        }

        var service = ServiceCatalog.Default.Find(application.ServiceCode)
            ?? throw new InvalidOperationException($"Service '{application.ServiceCode}' is not in the catalogue.");
        var corrections = Clean(request.Corrections);
        var reason = request.Reason?.Trim();
        var errors = Validate(request, application, service, corrections, reason);
        if (errors.Count > 0)
        {
            return new DecisionResult(DecisionOutcome.Invalid, errors);
        }

        var history = new HistoryWriter(db);
        if (application.NeedsIdentityConfirmation)
        {
            await RecordIdentityVerdictAsync(who, application, request.Identity, now, history, ct);
        }

        var action = request.Kind switch
        {
            DecisionKind.Approve => ApplicationAction.Approve,
            DecisionKind.SendBack => ApplicationAction.SendBack,
            _ => ApplicationAction.Reject,
        };
        var from = application.Status;
        application.Status = ApplicationStateMachine.Apply(from, action);
        application.ClaimExpiresAt = null;
        ClaimQueue.Touch(application, now);
        string? note = null;
        switch (request.Kind)
        {
            case DecisionKind.Approve:
                application.DecidedAt = now;
                application.DecidedByUserId = who.UserId;
                application.CorrectionJson = null;
                break;
            case DecisionKind.SendBack:
                application.CorrectionJson = JsonSerializer.Serialize(corrections, CorrectionJson);
                note = Describe(service, corrections);
                break;
            case DecisionKind.Reject:
                application.DecidedAt = now;
                application.DecidedByUserId = who.UserId;
                application.DecisionReason = reason;
                note = reason;
                break;
        }

        history.Add(application, from, action, now, who, note);
        audit.Add(AuditAction(request.Kind), "application", ClaimQueue.Id(application), note ?? application.ReceiptNumber, who.Actor);
        await NotifyAsync(application, service, request.Kind, corrections, reason, ct);
        if (request.Kind == DecisionKind.Approve)
        {
            // Steps may query or even save; until the commit below nothing of the approval is visible.
            foreach (var step in approvalSteps)
            {
                await step.HandOverAsync(new ApprovalHandover(db, application, who, now), ct);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DecisionResult.Of(DecisionOutcome.Changed);
        }

        return DecisionResult.Of(DecisionOutcome.Done);
    }

    /// <summary>"NIK: reason, reason; Nomor KK: reason" for the history and the citizen's message.</summary>
    public static string Describe(ServiceDefinition service, IReadOnlyDictionary<string, List<string>> corrections)
    {
        var labels = CorrectableFields(service).ToDictionary(f => f.Field, f => f.Label.Id, StringComparer.Ordinal);
        return string.Join("; ", corrections.Select(c => $"{labels.GetValueOrDefault(c.Key, c.Key)}: {string.Join(", ", c.Value)}"));
    }

    private static Dictionary<string, List<string>> Clean(IReadOnlyDictionary<string, IReadOnlyList<string>>? corrections) =>
        (corrections ?? new Dictionary<string, IReadOnlyList<string>>())
            .Select(c => (c.Key, Reasons: c.Value.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList()))
            .Where(c => c.Reasons.Count > 0)
            .ToDictionary(c => c.Key, c => c.Reasons, StringComparer.Ordinal);

    private static List<string> Validate(
        DecisionRequest request, Application application, ServiceDefinition service, Dictionary<string, List<string>> corrections, string? reason)
    {
        var errors = new List<string>();
        if (application.NeedsIdentityConfirmation)
        {
            if (request.Identity == IdentityVerdict.None)
            {
                errors.Add("BackOffice.Error.IdentityVerdictRequired");
            }
            else if (request.Identity == IdentityVerdict.Refuse && request.Kind == DecisionKind.Approve)
            {
                errors.Add("BackOffice.Error.ApproveNeedsIdentity");
            }
        }

        switch (request.Kind)
        {
            case DecisionKind.SendBack:
                var known = CorrectableFields(service).Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
                if (corrections.Count == 0)
                {
                    errors.Add("BackOffice.Error.CorrectionRequired");
                }
                else if (corrections.Keys.Any(k => !known.Contains(k)))
                {
                    errors.Add("BackOffice.Error.CorrectionUnknownField");
                }
                else if (corrections.Values.SelectMany(r => r).Any(r => r.Length > MaxCorrectionLength))
                {
                    errors.Add("BackOffice.Error.CorrectionTooLong");
                }

                break;
            case DecisionKind.Reject:
                if (string.IsNullOrEmpty(reason))
                {
                    errors.Add("BackOffice.Error.RejectReasonRequired");
                }
                else if (reason.Length > MaxReasonLength)
                {
                    errors.Add("BackOffice.Error.ReasonTooLong");
                }

                break;
        }

        return errors;
    }

    private async Task RecordIdentityVerdictAsync(
        StaffMember who, Application application, IdentityVerdict verdict, DateTimeOffset now, HistoryWriter history, CancellationToken ct)
    {
        var confirmed = verdict == IdentityVerdict.Confirm;
        application.NeedsIdentityConfirmation = !confirmed;
        history.Add(application, application.Status, null, now, who,
            StoredText.Get(confirmed ? "History.IdentityConfirmed" : "History.IdentityRefused"));
        audit.Add(confirmed ? "identity.confirm" : "identity.refuse", "application", ClaimQueue.Id(application), application.ReceiptNumber, who.Actor);
        // The provisional link rested on this selfie: confirmed, it becomes a full link; refused, the account
        // no longer speaks for that resident.
        var applicant = await db.Users.FirstOrDefaultAsync(u => u.Id == application.ApplicantUserId, ct);
        if (applicant is null || (!applicant.IdentityProvisional && (applicant.ResidentId is null || applicant.ResidentId != application.SubjectResidentId)))
        {
            return;
        }

        if (confirmed)
        {
            applicant.IdentityProvisional = false;
            audit.Add("identity.link-confirmed", "user", applicant.Id.ToString(), null, who.Actor);
            return;
        }

        var residentId = applicant.ResidentId;
        applicant.ResidentId = null;
        applicant.IdentityProvisional = false;
        audit.Add("identity.unlink", "user", applicant.Id.ToString(), string.Create(CultureInfo.InvariantCulture, $"resident {residentId}"), who.Actor);
    }

    private async Task NotifyAsync(
        Application application, ServiceDefinition service, DecisionKind kind, Dictionary<string, List<string>> corrections, string? reason, CancellationToken ct)
    {
        var applicant = await db.Users.AsNoTracking()
            .Where(u => u.Id == application.ApplicantUserId)
            .Select(u => new { u.PhoneNumber, u.Email })
            .FirstOrDefaultAsync(ct);
        // Assisted walk-ins are entered under the operator's account, which has no phone: they were told at the counter.
        var recipient = applicant?.PhoneNumber ?? applicant?.Email;
        if (recipient is null || application.IsAssisted)
        {
            return;
        }

        var receipt = application.ReceiptNumber ?? ClaimQueue.Id(application);
        var (template, parameters) = kind switch
        {
            DecisionKind.Approve => ("application-approved", new Dictionary<string, string> { ["receipt"] = receipt, ["service"] = service.Title.Id }),
            DecisionKind.SendBack => ("application-needs-correction", new Dictionary<string, string> { ["receipt"] = receipt, ["reasons"] = Describe(service, corrections) }),
            _ => ("application-rejected", new Dictionary<string, string> { ["receipt"] = receipt, ["service"] = service.Title.Id, ["reason"] = reason ?? "" }),
        };
        outbox.Add(recipient, template, parameters, application.Id);
    }

    private static string AuditAction(DecisionKind kind) => kind switch
    {
        DecisionKind.Approve => "application.approve",
        DecisionKind.SendBack => "application.send-back",
        _ => "application.reject",
    };

    private sealed class HistoryWriter(AdmindukDbContext db)
    {
        public void Add(Application application, ApplicationStatus from, ApplicationAction? action, DateTimeOffset now, StaffMember who, string? note) =>
            db.ApplicationHistory.Add(new ApplicationHistoryEntry
            {
                ApplicationId = application.Id,
                At = now,
                FromStatus = from,
                ToStatus = application.Status,
                Action = action,
                ActorUserId = who.UserId,
                ActorName = who.DisplayName,
                Note = note is { Length: > 4000 } ? note[..4000] : note,
            });
    }
}
