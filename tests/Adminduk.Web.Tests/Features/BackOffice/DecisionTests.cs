using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.BackOffice;

public class DecisionTests
{
    [Theory, BothDatabases]
    public async Task Approval_writes_status_history_handover_audit_and_message_together(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync();
        var citizen = await app.CreateCitizenAsync();
        var queued = await app.QueueAsync(office, WitaTime(23, 8, 0), applicant: citizen.Id);
        var siti = Staff(await app.CreateStaffAsync(office, name: "Siti"));
        var claim = (await app.TakeNextAsync(siti)).Application!;

        (await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve))).Outcome.ShouldBe(DecisionOutcome.Done);

        await using var db = app.Database.NewContext();
        var approved = await db.Applications.SingleAsync(a => a.Id == queued.Id);
        approved.Status.ShouldBe(ApplicationStatus.Approved);
        approved.DecidedByUserId.ShouldBe(siti.UserId);
        approved.DecidedAt.ShouldBe(app.Time.GetUtcNow());
        var history = await db.ApplicationHistory.Where(h => h.ApplicationId == queued.Id).OrderBy(h => h.Id).ToListAsync();
        // Claim and approval, then one hand-over entry per approval step that records one (issuance, delivery).
        history.Take(2).Select(h => h.Action).ShouldBe([ApplicationAction.Claim, ApplicationAction.Approve]);
        history.Skip(2).ShouldAllBe(h => h.Action == null && h.ToStatus == ApplicationStatus.Approved);
        history.Skip(2).Select(h => h.Note).ShouldContain("Diteruskan ke penerbitan dokumen.");
        (await db.AuditEntries.CountAsync(a => a.Action == "application.approve" && a.ActorId == siti.UserId)).ShouldBe(1);
        var message = await db.OutboxMessages.SingleAsync(m => m.ApplicationId == queued.Id && m.Template != "delivery-choose");
        message.Recipient.ShouldBe(citizen.PhoneNumber);
        message.Template.ShouldBe("application-approved");
        message.Text.ShouldBe($"Permohonan {queued.ReceiptNumber} (Penggantian KTP-el) disetujui.");
    }

    [Theory, BothDatabases]
    public async Task A_failing_approval_step_leaves_nothing_behind(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync();
        var citizen = await app.CreateCitizenAsync();
        var queued = await app.QueueAsync(office, WitaTime(23, 8, 0), applicant: citizen.Id);
        var siti = Staff(await app.CreateStaffAsync(office));
        var claim = (await app.TakeNextAsync(siti)).Application!;
        await using var services = BackOfficeServices.Build(app.Database, app.Time, configure: s => s.AddScoped<IApprovalStep, FailingStep>());

        await Should.ThrowAsync<InvalidOperationException>(() => services.InScopeAsync(sp =>
            sp.GetRequiredService<DecisionService>().DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve), CancellationToken.None)));

        await using var db = app.Database.NewContext();
        var unchanged = await db.Applications.SingleAsync(a => a.Id == queued.Id);
        unchanged.Status.ShouldBe(ApplicationStatus.InReview);
        unchanged.Version.ShouldBe(claim.Version);
        (await db.ApplicationHistory.CountAsync(h => h.ApplicationId == queued.Id)).ShouldBe(1);
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
        (await db.AuditEntries.CountAsync(a => a.Action == "application.approve")).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task Sending_back_stores_reasons_per_field_and_tells_the_citizen(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync();
        var citizen = await app.CreateCitizenAsync();
        await app.QueueAsync(office, WitaTime(23, 8, 0), applicant: citizen.Id);
        var siti = Staff(await app.CreateStaffAsync(office));
        var claim = (await app.TakeNextAsync(siti)).Application!;

        var none = await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.SendBack));
        none.Outcome.ShouldBe(DecisionOutcome.Invalid);
        none.Errors.ShouldBe(["BackOffice.Error.CorrectionRequired"]);
        var unknown = await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.SendBack,
            Corrections: new Dictionary<string, IReadOnlyList<string>> { ["noSuchField"] = ["x"] }));
        unknown.Errors.ShouldBe(["BackOffice.Error.CorrectionUnknownField"]);

        var corrections = new Dictionary<string, IReadOnlyList<string>>
        {
            ["birthDate"] = ["Tidak sesuai dengan data kependudukan"],
            ["attachments.surat-kehilangan"] = ["Tidak terbaca atau buram", "  ", "Cap kepolisian tidak terlihat"],
        };
        (await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.SendBack, Corrections: corrections))).Outcome.ShouldBe(DecisionOutcome.Done);

        var sent = await app.ReloadAsync(claim.Id);
        sent.Status.ShouldBe(ApplicationStatus.NeedsCorrection);
        sent.DecidedAt.ShouldBeNull();
        var stored = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(sent.CorrectionJson!)!;
        stored["birthDate"].ShouldBe(["Tidak sesuai dengan data kependudukan"]);
        stored["attachments.surat-kehilangan"].ShouldBe(["Tidak terbaca atau buram", "Cap kepolisian tidak terlihat"]);
        await using var db = app.Database.NewContext();
        var message = await db.OutboxMessages.SingleAsync();
        message.Template.ShouldBe("application-needs-correction");
        message.Text.ShouldContain("Tanggal lahir: Tidak sesuai dengan data kependudukan; Surat keterangan kehilangan dari kepolisian: Tidak terbaca atau buram, Cap kepolisian tidak terlihat");
    }

    [Theory, BothDatabases]
    public async Task Rejection_needs_a_reason_and_stale_or_foreign_forms_are_refused(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync();
        var citizen = await app.CreateCitizenAsync();
        var first = await app.QueueAsync(office, WitaTime(23, 8, 0), applicant: citizen.Id);
        var second = await app.QueueAsync(office, WitaTime(23, 8, 1));
        var siti = Staff(await app.CreateStaffAsync(office));
        var budi = Staff(await app.CreateStaffAsync(office));
        var claim = (await app.TakeNextAsync(siti)).Application!;
        var budiClaim = (await app.TakeNextAsync(budi)).Application!;
        budiClaim.Id.ShouldBe(second.Id);

        (await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Reject, Reason: "  "))).Errors.ShouldBe(["BackOffice.Error.RejectReasonRequired"]);
        (await app.DecideAsync(siti, new DecisionRequest(second.Id, budiClaim.Version, DecisionKind.Reject, Reason: "x"))).Outcome.ShouldBe(DecisionOutcome.NotYourClaim);
        (await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version - 1, DecisionKind.Reject, Reason: "x"))).Outcome.ShouldBe(DecisionOutcome.Changed);
        (await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Reject, Reason: "Pemohon sudah memiliki KTP-el yang berlaku"))).Outcome.ShouldBe(DecisionOutcome.Done);

        var rejected = await app.ReloadAsync(first.Id);
        rejected.Status.ShouldBe(ApplicationStatus.Rejected);
        rejected.DecisionReason.ShouldBe("Pemohon sudah memiliki KTP-el yang berlaku");
        (await app.ReloadAsync(second.Id)).Status.ShouldBe(ApplicationStatus.InReview);
        await using var db = app.Database.NewContext();
        (await db.OutboxMessages.SingleAsync()).Text.ShouldBe($"Permohonan {first.ReceiptNumber} (Penggantian KTP-el) ditolak: Pemohon sudah memiliki KTP-el yang berlaku.");
    }

    [Theory, BothDatabases]
    public async Task A_provisional_identity_link_is_confirmed_or_refused_at_the_decision(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync();
        var resident = new Resident
        {
            Nik = "6471050101900001",
            FullName = "Andi Pratama",
            BirthPlace = "Balikpapan",
            BirthDate = new DateOnly(1990, 1, 1),
            Occupation = "Karyawan swasta",
        };
        await app.SeedAsync(db =>
        {
            db.Residents.Add(resident);
            return Task.CompletedTask;
        });
        var confirmed = await app.CreateCitizenAsync("+6281234567002");
        var refused = await app.CreateCitizenAsync("+6281234567003");
        await app.SeedAsync(async db =>
        {
            foreach (var user in await db.Users.Where(u => u.Id == confirmed.Id || u.Id == refused.Id).ToListAsync())
            {
                user.ResidentId = resident.Id;
            }
        });
        await app.QueueAsync(office, WitaTime(23, 8, 0), applicant: confirmed.Id, configure: a => { a.NeedsIdentityConfirmation = true; a.SubjectResidentId = resident.Id; });
        await app.QueueAsync(office, WitaTime(23, 8, 1), applicant: refused.Id, configure: a => { a.NeedsIdentityConfirmation = true; a.SubjectResidentId = resident.Id; });
        var siti = Staff(await app.CreateStaffAsync(office));

        var claim = (await app.TakeNextAsync(siti)).Application!;
        (await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve))).Errors.ShouldBe(["BackOffice.Error.IdentityVerdictRequired"]);
        (await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve, IdentityVerdict.Refuse))).Errors.ShouldBe(["BackOffice.Error.ApproveNeedsIdentity"]);
        (await app.DecideAsync(siti, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve, IdentityVerdict.Confirm))).Outcome.ShouldBe(DecisionOutcome.Done);
        (await app.ReloadAsync(claim.Id)).NeedsIdentityConfirmation.ShouldBeFalse();

        var next = (await app.TakeNextAsync(siti)).Application!;
        (await app.DecideAsync(siti, new DecisionRequest(next.Id, next.Version, DecisionKind.Reject, IdentityVerdict.Refuse, "Swafoto bukan pemilik NIK"))).Outcome.ShouldBe(DecisionOutcome.Done);

        await using var db = app.Database.NewContext();
        (await db.Users.SingleAsync(u => u.Id == confirmed.Id)).ResidentId.ShouldBe(resident.Id);
        (await db.Users.SingleAsync(u => u.Id == refused.Id)).ResidentId.ShouldBeNull();
        (await db.AuditEntries.CountAsync(a => a.Action == "identity.confirm")).ShouldBe(1);
        (await db.AuditEntries.CountAsync(a => a.Action == "identity.refuse")).ShouldBe(1);
        (await db.AuditEntries.CountAsync(a => a.Action == "identity.unlink")).ShouldBe(1);
        var notes = await db.ApplicationHistory.Where(h => h.ApplicationId == next.Id && h.Action == null).Select(h => h.Note).ToListAsync();
        notes.ShouldBe(["Identitas pemohon ditolak petugas; tautan akun dilepas."]);
    }

    private sealed class FailingStep : IApprovalStep
    {
        public async Task HandOverAsync(ApprovalHandover handover, CancellationToken ct)
        {
            // Saves inside the decision's transaction, then fails: the saved part must roll back too.
            await handover.Db.SaveChangesAsync(ct);
            throw new InvalidOperationException("document issuance is down");
        }
    }
}
