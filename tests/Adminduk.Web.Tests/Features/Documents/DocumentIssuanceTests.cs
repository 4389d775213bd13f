using System.Net;
using Adminduk.Domain.Documents;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Documents;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.Documents;

public class DocumentIssuanceTests
{
    [Theory, BothDatabases]
    public async Task Every_kind_issued_from_the_register_leads_by_its_qr_code_to_a_page_saying_authentic(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var register = await TestRegister.CreateAsync(app);
        using var anonymous = app.CreateClient((IEnumerable<Cookie>?)null);

        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var (service, form) = DocumentTestData.FormFor(kind, register);
            var application = await app.ApprovedAsync(register.Office, service, form);
            var issued = kind switch
            {
                DocumentKind.Suket => [await app.IssueSingleAsync((i, db) => i.IssueSuketAsync(db, application, DocumentTestData.Officer, CancellationToken.None))],
                DocumentKind.PickupReceipt => [await app.IssueSingleAsync((i, db) => i.IssuePickupReceiptAsync(db, application, "Siti Rahmawati", register.Mother.Nik,
                    [new ReceiptItem(DocumentKind.AktaKelahiran, "6471-LT-23112026-0001")], DocumentTestData.Officer, CancellationToken.None))],
                _ => await app.IssueAsync(kind, application),
            };

            var document = issued.ShouldHaveSingleItem($"{kind}");
            document.Kind.ShouldBe(kind);
            var path = await DocumentTestData.QrPathAsync(document.Pdf);
            path.ShouldBe("/verify/" + document.VerificationCode);
            var page = await anonymous.GetAsync(path);
            page.StatusCode.ShouldBe(HttpStatusCode.OK, $"{kind}");
            var html = await page.Content.ReadAsStringAsync();
            html.ShouldContain("data-verdict=\"authentic\"", customMessage: $"{kind}");
            html.ShouldContain(WebUtility.HtmlEncode(document.Number));
            html.ShouldContain(WebUtility.HtmlEncode(DocumentVerification.MaskName(document.SubjectName)));
            html.ShouldNotContain(WebUtility.HtmlEncode(document.SubjectName));
            html.ShouldContain("Disdukcapil Kota Balikpapan");
        }

        await using var check = app.Database.NewContext();
        var numbers = await check.Documents.OrderBy(d => d.Id).Select(d => new { d.Kind, d.Number }).ToListAsync();
        numbers.Single(n => n.Kind == DocumentKind.AktaKelahiran).Number.ShouldBe("6471-LT-23112026-0001");
        numbers.Single(n => n.Kind == DocumentKind.AktaKematian).Number.ShouldBe("6471-KM-23112026-0001");
        numbers.Single(n => n.Kind == DocumentKind.SuratPindah).Number.ShouldBe("SKPWNI/6471/23112026/0001");
        numbers.Single(n => n.Kind == DocumentKind.KartuKeluarga).Number.ShouldBe(register.Family.KkNumber);
    }

    [Theory, BothDatabases]
    public async Task A_reissued_kk_supersedes_the_households_previous_one_whose_code_then_says_superseded(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var register = await TestRegister.CreateAsync(app);
        using var anonymous = app.CreateClient((IEnumerable<Cookie>?)null);
        var (service, form) = DocumentTestData.FormFor(DocumentKind.KartuKeluarga, register);
        var first = (await app.IssueAsync(DocumentKind.KartuKeluarga, await app.ApprovedAsync(register.Office, service, form))).Single();
        var otherHousehold = (await app.IssueAsync(DocumentKind.KartuKeluarga,
            await app.ApprovedAsync(register.Office, service, new() { ["kkNumber"] = register.Other.KkNumber }))).Single();

        app.Time.Advance(TimeSpan.FromDays(2));
        var second = (await app.IssueAsync(DocumentKind.KartuKeluarga, await app.ApprovedAsync(register.Office, service, form))).Single();

        (await app.ReloadAsync(first.Id)).SupersededById.ShouldBe(second.Id);
        (await app.ReloadAsync(otherHousehold.Id)).SupersededById.ShouldBeNull();
        (await app.ReloadAsync(second.Id)).SupersededById.ShouldBeNull();
        var old = await (await anonymous.GetAsync(await DocumentTestData.QrPathAsync(first.Pdf))).Content.ReadAsStringAsync();
        old.ShouldContain("data-verdict=\"superseded\"");
        old.ShouldContain("25 November 2026");
        var current = await (await anonymous.GetAsync(await DocumentTestData.QrPathAsync(second.Pdf))).Content.ReadAsStringAsync();
        current.ShouldContain("data-verdict=\"authentic\"");
        var api = await (await anonymous.GetAsync("/api/verify/" + first.VerificationCode)).JsonAsync();
        api.GetProperty("status").GetString().ShouldBe("superseded");
        api.GetProperty("supersededOn").GetString().ShouldBe("2026-11-25");
    }

    [Theory, BothDatabases]
    public async Task A_second_copy_of_an_akta_keeps_its_number_and_facts_and_supersedes_the_first(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var register = await TestRegister.CreateAsync(app);
        var (service, form) = DocumentTestData.FormFor(DocumentKind.AktaKelahiran, register);
        var original = (await app.IssueAsync(DocumentKind.AktaKelahiran, await app.ApprovedAsync(register.Office, service, form))).Single();

        var reissue = await app.ApprovedAsync(register.Office, "akta-terbit-ulang", new()
        {
            ["nik"] = register.Mother.Nik,
            ["aktaKind"] = "kelahiran",
            ["aktaNumber"] = original.Number,
            ["reason"] = "rusak",
        });
        var copy = (await app.IssueAsync(DocumentKind.AktaKelahiran, reissue)).Single();

        copy.Number.ShouldBe(original.Number);
        copy.VerificationCode.ShouldNotBe(original.VerificationCode);
        (await app.ReloadAsync(original.Id)).SupersededById.ShouldBe(copy.Id);
        var text = await PdfTools.TextAsync(copy.Pdf);
        text.ShouldContain("AISYAH PUTRI");
        text.ShouldContain("Siti Rahmawati");
    }

    [Theory, BothDatabases]
    public async Task Documents_whose_register_data_is_missing_are_refused(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var register = await TestRegister.CreateAsync(app);
        var (service, form) = DocumentTestData.FormFor(DocumentKind.AktaKelahiran, register);
        form["motherNik"] = "6471054107889999";
        var application = await app.ApprovedAsync(register.Office, service, form);

        var unknownKk = await app.ApprovedAsync(register.Office, "kk-perubahan", new() { ["kkNumber"] = "6471050101990099" });

        await Should.ThrowAsync<DocumentDataException>(() => app.IssueAsync(DocumentKind.AktaKelahiran, application));
        await Should.ThrowAsync<DocumentDataException>(() => app.IssueAsync(DocumentKind.KartuKeluarga, unknownKk));
        await using var db = app.Database.NewContext();
        (await db.Documents.CountAsync()).ShouldBe(0);
    }
}
