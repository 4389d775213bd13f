using System.Net;
using System.Text.Json;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.BackOffice;

public class ReviewPageTests
{
    private const string Nik = "6471050101900001";
    private const string Kk = "6471051203150001";

    [Theory, BothDatabases]
    public async Task Operator_takes_next_sees_the_dossier_downloads_an_attachment_and_sends_back(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var office = await app.AddOfficeAsync();
        var citizen = await app.CreateCitizenAsync();
        await SeedRegisterAsync(app);
        var earlier = await app.QueueAsync(office, WitaTime(2, 9, 0), applicant: citizen.Id, configure: a =>
        {
            a.Status = ApplicationStatus.Rejected;
            a.DecisionReason = "Surat kehilangan belum dilampirkan";
        });
        var form = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["nik"] = Nik,
            ["kkNumber"] = Kk,
            ["birthDate"] = "1990-01-02",
            ["reason"] = "hilang",
            ["policeReportNumber"] = "LP/123/XI/2026",
        });
        var queued = await app.QueueAsync(office, WitaTime(23, 8, 0), applicant: citizen.Id, formJson: form, configure: a =>
            a.Attachments.Add(new ApplicationAttachment
            {
                Code = "surat-kehilangan",
                FileName = "surat.pdf",
                Kind = AttachmentKind.Pdf,
                Size = 9,
                Content = "%PDF-1.4\n"u8.ToArray(),
                Sha256 = "00",
                UploadedAt = WitaTime(23, 8, 0),
            }));
        var siti = await app.CreateStaffAsync(office, name: "Siti");
        using var client = await app.CreateClientAsync(siti);

        using (var noClaim = await client.GetAsync("/BackOffice/Review"))
        {
            noClaim.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            noClaim.Headers.Location!.OriginalString.ShouldBe("/BackOffice");
        }

        using (var take = await client.PostFormAsync("/BackOffice?handler=TakeNext", new Dictionary<string, string>(), tokenPage: "/BackOffice"))
        {
            take.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            take.Headers.Location!.OriginalString.ShouldBe("/BackOffice/Review");
        }

        var html = await client.GetStringAsync("/BackOffice/Review");
        html.ShouldContain("Penggantian KTP-el");
        html.ShouldContain(queued.ReceiptNumber!);
        html.ShouldContain("Alasan penggantian");
        html.ShouldContain("<dd>Hilang");
        html.ShouldContain("Nomor surat keterangan kehilangan dari kepolisian");
        html.ShouldMatch(@"<div class=""differs"">\s*<dt>Tanggal lahir</dt>\s*<dd>02-01-1990 <strong class=""flag"">berbeda dengan data kependudukan</strong>");
        html.ShouldContain("Rina Pratama (647105******0002), Istri");
        html.ShouldContain("value=\"attachments.surat-kehilangan|illegible\"");
        html.ShouldNotContain("attachments.ktp-rusak"); // not this case's attachment
        html.ShouldContain("Andi Pratama");
        html.ShouldContain("647105******0001");
        html.ShouldNotContain("6471054101920002"); // a household member's full NIK is never needed here
        html.ShouldContain(earlier.ReceiptNumber!);
        html.ShouldContain("Surat kehilangan belum dilampirkan");
        html.ShouldNotContain("name=\"applicationId\" value=\"" + earlier.Id);

        var attachmentId = await app.InScopeAsync(sp => sp.GetRequiredService<AdmindukDbContext>().ApplicationAttachments.Select(a => a.Id).SingleAsync());
        html.ShouldContain($"/BackOffice/Review/Attachment/{attachmentId}");
        using (var download = await client.GetAsync($"/BackOffice/Review/Attachment/{attachmentId}"))
        {
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        }

        using (var otherOperator = await app.CreateClientAsync(await app.CreateStaffAsync(office)))
        using (var refused = await otherOperator.GetAsync($"/BackOffice/Review/Attachment/{attachmentId}"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var version = (await app.ReloadAsync(queued.Id)).Version;
        using (var sendBack = await client.PostFormAsync("/BackOffice/Review?handler=SendBack", new Dictionary<string, string>
        {
            ["ApplicationId"] = queued.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reasons"] = "birthDate|mismatch-register",
            ["OtherReasons[policeReportNumber]"] = "Nomor laporan tidak terbaca",
        }, tokenPage: "/BackOffice/Review"))
        {
            sendBack.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            sendBack.Headers.Location!.OriginalString.ShouldBe("/BackOffice");
        }

        var sent = await app.ReloadAsync(queued.Id);
        sent.Status.ShouldBe(ApplicationStatus.NeedsCorrection);
        sent.CorrectionJson.ShouldBe("""{"birthDate":["Tidak sesuai dengan data kependudukan"],"policeReportNumber":["Nomor laporan tidak terbaca"]}""");
        await using var db = app.Database.NewContext();
        var audit = await db.AuditEntries.Where(a => a.ActorId == siti.Id).Select(a => a.Action).ToListAsync();
        audit.ShouldContain("application.claim");
        audit.ShouldContain("application.view");
        audit.ShouldContain("attachment.download");
        audit.ShouldContain("application.send-back");
        (await db.AuditEntries.FirstAsync(a => a.Action == "application.view")).Details!.ShouldContain("residents [");
    }

    [Fact]
    public async Task An_invalid_decision_shows_the_page_again_with_the_problem()
    {
        await using var app = await AppFactory.CreateAsync();
        var office = await app.AddOfficeAsync();
        var queued = await app.QueueAsync(office, WitaTime(23, 8, 0));
        var siti = await app.CreateStaffAsync(office);
        using var client = await app.CreateClientAsync(siti);
        (await client.PostFormAsync("/BackOffice?handler=TakeNext", new Dictionary<string, string>(), tokenPage: "/BackOffice")).Dispose();
        var version = (await app.ReloadAsync(queued.Id)).Version;

        using var reject = await client.PostFormAsync("/BackOffice/Review?handler=Reject", new Dictionary<string, string>
        {
            ["ApplicationId"] = queued.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, tokenPage: "/BackOffice/Review");

        reject.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reject.Content.ReadAsStringAsync()).ShouldContain("Tuliskan alasan penolakan.");
        (await app.ReloadAsync(queued.Id)).Status.ShouldBe(ApplicationStatus.InReview);
    }

    private static Task SeedRegisterAsync(AppFactory app) =>
        app.SeedAsync(db =>
        {
            var rt = new RtUnit { VillageCode = "64.71.05.1006", Rw = 5, Rt = 3 };
            var household = new Household { KkNumber = Kk, Address = "Jl. Soekarno-Hatta Km 5 No. 12", IssuedOn = new DateOnly(2015, 3, 12), RtUnit = rt };
            household.Members.Add(new Resident
            {
                Nik = Nik,
                FullName = "Andi Pratama",
                BirthPlace = "Balikpapan",
                BirthDate = new DateOnly(1990, 1, 1),
                Occupation = "Karyawan swasta",
                RelationshipToHead = RelationshipToHead.KepalaKeluarga,
                Sex = Sex.Male,
                RtUnit = rt,
            });
            household.Members.Add(new Resident
            {
                Nik = "6471054101920002",
                FullName = "Rina Pratama",
                BirthPlace = "Samarinda",
                BirthDate = new DateOnly(1992, 1, 1),
                Occupation = "Guru",
                RelationshipToHead = RelationshipToHead.Istri,
                Sex = Sex.Female,
                RtUnit = rt,
            });
            db.Households.Add(household);
            return Task.CompletedTask;
        });
}
