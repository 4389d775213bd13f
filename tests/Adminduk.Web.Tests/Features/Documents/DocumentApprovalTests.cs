using System.Net;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Documents;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Documents;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.Documents;

public class DocumentApprovalTests
{
    [Theory, BothDatabases]
    public async Task Approving_a_birth_issues_the_akta_and_the_kk_tells_the_citizen_and_a_later_kk_change_supersedes_that_kk(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var register = await TestRegister.CreateAsync(app);
        var mother = await TestRegister.CitizenAsync(app, register.Mother, "+6281234500102");
        using var client = await app.CreateClientAsync(mother);
        var (service, form) = DocumentTestData.FormFor(DocumentKind.AktaKelahiran, register);
        var submitted = await client.SubmitAsync(service, form.ToDictionary(kv => kv.Key, kv => (string?)kv.Value),
            [ApiClient.File("surat-keterangan-lahir"), ApiClient.File("kk-orang-tua"), ApiClient.File("buku-nikah")]);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var dewi = Staff(await app.CreateStaffAsync(register.Office, name: "Dewi Operator"));

        await ApproveNextAsync(app, dewi);

        await using (var db = app.Database.NewContext())
        {
            var application = await db.Applications.SingleAsync();
            application.Status.ShouldBe(ApplicationStatus.Approved);
            var documents = await db.Documents.Where(d => d.ApplicationId == application.Id).OrderBy(d => d.Id).ToListAsync();
            documents.Select(d => d.Kind).ShouldBe([DocumentKind.AktaKelahiran, DocumentKind.KartuKeluarga]);
            documents[0].Number.ShouldBe("6471-LT-23112026-0001");
            documents[0].IssuedByName.ShouldBe("Dewi Operator");
            documents[1].Number.ShouldBe(register.Family.KkNumber);
            documents[1].SubjectHouseholdId.ShouldBe(register.Family.Id);
            var text = await PdfTools.TextAsync(documents[1].Pdf);
            text.ShouldContain(register.Father.Nik);
            text.ShouldContain(register.Child.Nik);
            var notes = await db.ApplicationHistory.Where(h => h.ApplicationId == application.Id && h.Note != null).Select(h => h.Note!).ToListAsync();
            notes.ShouldContain("Kutipan Akta Kelahiran terbit: 6471-LT-23112026-0001.");
            notes.ShouldContain($"Kartu Keluarga terbit: {register.Family.KkNumber}.");
            var message = await db.OutboxMessages.SingleAsync(m => m.ApplicationId == application.Id && m.Template == "documents-ready");
            message.Recipient.ShouldBe("+6281234500102");
            message.Text.ShouldBe($"Dokumen untuk permohonan {application.ReceiptNumber} sudah terbit: Kutipan Akta Kelahiran 6471-LT-23112026-0001, "
                + $"Kartu Keluarga {register.Family.KkNumber}. Unduh PDF-nya di halaman permohonan Anda.");
            (await db.AuditEntries.CountAsync(a => a.Action == "document.issue" && a.ActorId == dewi.UserId)).ShouldBe(2);
        }

        // The father changes his occupation: the new KK supersedes the one issued with the birth.
        var father = await TestRegister.CitizenAsync(app, register.Father, "+6281234500101");
        using var fatherClient = await app.CreateClientAsync(father);
        var change = await fatherClient.SubmitAsync("kk-perubahan", new Dictionary<string, string?>
        {
            ["nik"] = register.Father.Nik,
            ["kkNumber"] = register.Family.KkNumber,
            ["birthDate"] = "09-03-1985",
            ["newOccupation"] = "Wiraswasta",
            ["reason"] = "Usaha sendiri",
        }, [ApiClient.File("kk-lama"), ApiClient.File("dok-pekerjaan")]);
        change.StatusCode.ShouldBe(HttpStatusCode.Created, await change.Content.ReadAsStringAsync());
        app.Time.Advance(TimeSpan.FromHours(1));

        await ApproveNextAsync(app, dewi);

        await using var after = app.Database.NewContext();
        var cards = await after.Documents.Where(d => d.Kind == DocumentKind.KartuKeluarga).OrderBy(d => d.Id).ToListAsync();
        cards.Count.ShouldBe(2);
        cards[0].SupersededById.ShouldBe(cards[1].Id);
        cards[0].SupersededAt.ShouldBe(app.Time.GetUtcNow());
        cards[1].SupersededAt.ShouldBeNull();
        (await after.Documents.SingleAsync(d => d.Kind == DocumentKind.AktaKelahiran)).SupersededAt.ShouldBeNull();
        using var anonymous = app.CreateClient((IEnumerable<Cookie>?)null);
        (await anonymous.GetStringAsync(await DocumentTestData.QrPathAsync(cards[0].Pdf))).ShouldContain("data-verdict=\"superseded\"");
        (await anonymous.GetStringAsync(await DocumentTestData.QrPathAsync(cards[1].Pdf))).ShouldContain("data-verdict=\"authentic\"");
    }

    [Theory, BothDatabases]
    public async Task An_approval_whose_document_cannot_be_made_does_not_happen(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var register = await TestRegister.CreateAsync(app);
        var citizen = await app.CreateCitizenAsync();
        // Queued directly (the engine would have refused it): the KK number is in no register. A reprint changes
        // nothing in the register, so the document is the step that refuses.
        var queued = await app.QueueAsync(register.Office, WitaTime(23, 8, 0), "kk-cetak-ulang", citizen.Id,
            """{"nik":"6471050903850001","kkNumber":"6471050101990099","reason":"rusak"}""");
        var dewi = Staff(await app.CreateStaffAsync(register.Office));
        var claim = (await app.TakeNextAsync(dewi)).Application!;

        await Should.ThrowAsync<DocumentDataException>(() => app.DecideAsync(dewi, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve)));

        await using var db = app.Database.NewContext();
        (await db.Applications.SingleAsync(a => a.Id == queued.Id)).Status.ShouldBe(ApplicationStatus.InReview);
        (await db.Documents.CountAsync()).ShouldBe(0);
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task Services_without_documents_issue_none(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync();
        var citizen = await app.CreateCitizenAsync();
        await app.QueueAsync(office, WitaTime(23, 8, 0), KtpService, citizen.Id);
        var dewi = Staff(await app.CreateStaffAsync(office));

        await ApproveNextAsync(app, dewi);

        await using var db = app.Database.NewContext();
        (await db.Documents.CountAsync()).ShouldBe(0);
        (await db.OutboxMessages.CountAsync(m => m.Template == "documents-ready")).ShouldBe(0);
    }

    private static async Task ApproveNextAsync(AppFactory app, StaffMember who)
    {
        var claim = (await app.TakeNextAsync(who)).Application.ShouldNotBeNull();
        (await app.DecideAsync(who, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve))).Outcome.ShouldBe(DecisionOutcome.Done);
    }
}
