using System.Net;
using Adminduk.Domain.Applications;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.Applications.ApiClient;

namespace Adminduk.Web.Tests.Features.Applications;

public class SubmitApplicationTests
{
    private static Dictionary<string, string?> KkChange(TestRegister r, Resident who) => new()
    {
        ["nik"] = who.Nik,
        ["kkNumber"] = r.Family.KkNumber,
        ["birthDate"] = who.BirthDate.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture),
        ["newOccupation"] = "Wiraswasta",
        ["reason"] = "Membuka usaha sendiri",
    };

    private static readonly object[] KkFiles = [File("kk-lama"), File("dok-pekerjaan")];

    [Theory, BothDatabases]
    public async Task Kk_change_is_queued_with_receipt_history_notification_and_audit(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var client = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));

        var response = await client.SubmitAsync("kk-perubahan", KkChange(r, r.Father), KkFiles);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        var receipt = body.GetProperty("receipt").GetString()!;
        receipt.ShouldMatch("^BPN-20261123-[0-9A-HJKMNP-TV-Z]{8}$");
        body.GetProperty("status").GetString().ShouldBe("Queued");
        body.GetProperty("batchDay").GetString().ShouldBe("2026-11-23");
        body.GetProperty("expectedProcessingDay").GetString().ShouldBe("2026-11-23");
        response.Headers.Location!.ToString().ShouldBe($"/api/applications/{receipt}");

        await using var db = app.Database.NewContext();
        var stored = await db.Applications.Include(a => a.History).Include(a => a.Attachments).SingleAsync();
        stored.Status.ShouldBe(ApplicationStatus.Queued);
        stored.SubjectResidentId.ShouldBe(r.Father.Id);
        stored.QueuedAt.ShouldBe(app.Time.GetUtcNow());
        stored.LookupBirthDate.ShouldBe(r.Father.BirthDate);
        stored.History.Single().ToStatus.ShouldBe(ApplicationStatus.Queued);
        stored.Attachments.Select(a => a.Code).ShouldBe(["kk-lama", "dok-pekerjaan"], ignoreOrder: true);
        stored.Attachments.ShouldAllBe(a => a.Kind == AttachmentKind.Pdf && a.Sha256.Length == 64);
        var message = await db.OutboxMessages.SingleAsync();
        message.Recipient.ShouldBe("+6281234500001");
        message.Text.ShouldContain(receipt);
        message.ApplicationId.ShouldBeNull();
        (await db.AuditEntries.CountAsync(a => a.Action == "application.submit" && a.SubjectId == receipt)).ShouldBe(1);
    }

    [Theory, BothDatabases]
    public async Task Kk_change_rules(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));

        async Task Expect(Dictionary<string, string?> values, object[] files, string code, HttpClient? client = null)
        {
            var response = await (client ?? father).SubmitAsync("kk-perubahan", values, files);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, code);
            (await response.CodesAsync()).ShouldContain(code);
        }

        var wrongDate = KkChange(r, r.Father);
        wrongDate["birthDate"] = "10-03-1985";
        await Expect(wrongDate, KkFiles, "birthDate:register.birthdate_mismatch");

        var unknown = KkChange(r, r.Father);
        unknown["nik"] = "6471050903850099";
        await Expect(unknown, KkFiles, "nik:register.nik_unknown");

        var deceased = KkChange(r, r.Deceased);
        deceased["kkNumber"] = r.Other.KkNumber;
        await Expect(deceased, KkFiles, "nik:register.deceased");

        var moved = KkChange(r, r.MovedOut);
        moved["kkNumber"] = r.Other.KkNumber;
        await Expect(moved, KkFiles, "nik:register.moved_out");

        var wrongKk = KkChange(r, r.Father);
        wrongKk["kkNumber"] = r.Other.KkNumber;
        await Expect(wrongKk, KkFiles, "kkNumber:register.not_in_kk");

        var noChange = KkChange(r, r.Father);
        noChange.Remove("newOccupation");
        await Expect(noChange, [File("kk-lama")], ":register.no_change");

        var neighbour = KkChange(r, r.Neighbour);
        neighbour["kkNumber"] = r.Other.KkNumber;
        await Expect(neighbour, KkFiles, ":register.not_authorized_household");

        await Expect(KkChange(r, r.Father), [File("kk-lama")], "attachments.dok-pekerjaan:attachment.required");

        var unlinked = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, null, "+6281234500002"));
        await Expect(KkChange(r, r.Father), KkFiles, ":register.identity_not_linked", unlinked);

        // A parent may apply for another member of the same KK; an unchanged value is only a warning.
        var forTeen = KkChange(r, r.Teen);
        forTeen["newEducation"] = "Slta";
        forTeen["newOccupation"] = "Pelajar/Mahasiswa";
        var ok = await father.SubmitAsync("kk-perubahan", forTeen, [File("kk-lama"), File("dok-pekerjaan"), File("ijazah", Jpeg, "ijazah.jpg")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        (await ok.JsonAsync()).GetProperty("warnings").GetProperty("newEducation").GetArrayLength().ShouldBe(1);

        await using var db = app.Database.NewContext();
        (await db.Applications.CountAsync()).ShouldBe(1);
    }

    private static Dictionary<string, string?> Birth(TestRegister r) => new()
    {
        ["childName"] = "Aisyah Putri Saputri",
        ["childSex"] = "Female",
        ["childBirthDate"] = "10-11-2026",
        ["childBirthTime"] = "14.30",
        ["childBirthPlace"] = "Balikpapan",
        ["birthPlaceType"] = "rumah-sakit",
        ["birthOrder"] = "3",
        ["motherNik"] = r.Mother.Nik,
        ["fatherNik"] = r.Father.Nik,
        ["kkNumber"] = r.Family.KkNumber,
    };

    private static readonly object[] BirthFiles = [File("surat-keterangan-lahir"), File("kk-orang-tua", Jpeg, "kk.jpg"), File("buku-nikah")];

    [Theory, BothDatabases]
    public async Task Birth_certificate_happy_path_and_rules(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var mother = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Mother));

        var ok = await mother.SubmitAsync("akta-kelahiran", Birth(r), BirthFiles);
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());

        async Task Expect(Dictionary<string, string?> values, object[] files, string code)
        {
            var response = await mother.SubmitAsync("akta-kelahiran", values, files);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, code);
            (await response.CodesAsync()).ShouldContain(code);
        }

        await Expect(Birth(r), [File("surat-keterangan-lahir"), File("kk-orang-tua")], "attachments.buku-nikah:attachment.required");
        var maleMother = Birth(r);
        maleMother["motherNik"] = r.Father.Nik;
        await Expect(maleMother, BirthFiles, "motherNik:register.mother_not_female");
        var childMother = Birth(r);
        childMother["motherNik"] = r.Child.Nik;
        await Expect(childMother, BirthFiles, "motherNik:register.parent_age");
        var unknownMother = Birth(r);
        unknownMother["motherNik"] = "6471054107880099";
        await Expect(unknownMother, BirthFiles, "motherNik:register.nik_unknown");
        var otherKk = Birth(r);
        otherKk["kkNumber"] = r.Other.KkNumber;
        await Expect(otherKk, BirthFiles, "kkNumber:register.applicant_not_in_kk");
        var future = Birth(r);
        future["childBirthDate"] = "24-11-2026";
        await Expect(future, BirthFiles, "childBirthDate:form.date_future");
        var noSex = Birth(r);
        noSex["childSex"] = "X";
        await Expect(noSex, BirthFiles, "childSex:form.select_invalid");

        // Without the father the marriage book is not needed; a late registration is a warning only.
        var late = Birth(r);
        late.Remove("fatherNik");
        late["childBirthDate"] = "01-01-2026";
        late["childName"] = "Anak Kedua";
        var lateResponse = await mother.SubmitAsync("akta-kelahiran", late, [File("surat-keterangan-lahir"), File("kk-orang-tua")]);
        lateResponse.StatusCode.ShouldBe(HttpStatusCode.Created, await lateResponse.Content.ReadAsStringAsync());
        (await lateResponse.JsonAsync()).GetProperty("warnings").GetProperty("childBirthDate").GetArrayLength().ShouldBe(1);
    }

    private static Dictionary<string, string?> Replacement(Resident who, TestRegister r, string reason = "rusak") => new()
    {
        ["nik"] = who.Nik,
        ["kkNumber"] = r.Family.KkNumber,
        ["birthDate"] = who.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["reason"] = reason,
    };

    [Theory, BothDatabases]
    public async Task Ktp_replacement_happy_path_and_rules(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var teen = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Teen, "+6281234500003"));

        var ok = await father.SubmitAsync("ktp-penggantian", Replacement(r.Father, r), [File("ktp-rusak", Jpeg, "ktp.jpg")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());

        var young = await teen.SubmitAsync("ktp-penggantian", Replacement(r.Teen, r), [File("ktp-rusak", Jpeg, "ktp.jpg")]);
        (await young.CodesAsync()).ShouldContain("nik:register.ktp_not_eligible");

        var forOther = await father.SubmitAsync("ktp-penggantian", Replacement(r.Mother, r), [File("ktp-rusak", Jpeg, "ktp.jpg")]);
        (await forOther.CodesAsync()).ShouldContain(":register.not_authorized_self");

        var lost = await father.SubmitAsync("ktp-penggantian", Replacement(r.Father, r, "hilang"), []);
        var codes = await lost.CodesAsync();
        codes.ShouldContain("policeReportNumber:form.required");
        codes.ShouldContain("attachments.surat-kehilangan:attachment.required");

        var lostOk = Replacement(r.Father, r, "hilang");
        lostOk["policeReportNumber"] = "LP/B/123/XI/2026/Polresta Balikpapan";
        var lostResponse = await father.SubmitAsync("ktp-penggantian", lostOk, [File("surat-kehilangan")]);
        lostResponse.StatusCode.ShouldBe(HttpStatusCode.Created, await lostResponse.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string?> Arrival() => new()
    {
        ["nik"] = "3578010101900001",
        ["fullName"] = "Budi Santoso",
        ["birthDate"] = "01-01-1990",
        ["birthPlace"] = "Surabaya",
        ["religion"] = "Islam",
        ["maritalStatus"] = "BelumKawin",
        ["education"] = "Slta",
        ["originRegency"] = "35.78",
        ["skpwniNumber"] = "SKPWNI/3578/2026/000123",
        ["destinationKelurahan"] = TestRegister.Village,
        ["rw"] = "3",
        ["rt"] = "12",
        ["address"] = "Jl. Sepinggan Baru No. 4",
        ["kkOption"] = "kk-baru",
    };

    [Theory, BothDatabases]
    public async Task Arrival_happy_path_and_rules(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var newcomer = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, null, "+6285600000001"));

        var ok = await newcomer.SubmitAsync("kedatangan", Arrival(), [File("skpwni")]);
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());

        async Task Expect(string field, string? value, string code)
        {
            var values = Arrival();
            values[field] = value;
            var response = await newcomer.SubmitAsync("kedatangan", values, [File("skpwni"), File("persetujuan-kepala-keluarga")]);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, code);
            (await response.CodesAsync()).ShouldContain(code);
        }

        await Expect("nik", r.Father.Nik, "nik:register.already_resident");
        await Expect("rt", "99", "rt:register.rt_unknown");
        await Expect("originRegency", "99.99", "originRegency:form.regency_unknown");
        await Expect("destinationKelurahan", "16.71.01.1001", "destinationKelurahan:form.kelurahan_unknown");
        await Expect("kkOption", "gabung-kk", "joinKkNumber:form.required");
        var join = Arrival();
        join["kkOption"] = "gabung-kk";
        join["joinKkNumber"] = "6471050101200009";
        var joinResponse = await newcomer.SubmitAsync("kedatangan", join, [File("skpwni"), File("persetujuan-kepala-keluarga")]);
        (await joinResponse.CodesAsync()).ShouldContain("joinKkNumber:register.join_kk_unknown");

        var differs = Arrival();
        differs["birthDate"] = "02-01-1990";
        var warned = await newcomer.SubmitAsync("kedatangan", differs, [File("skpwni")]);
        warned.StatusCode.ShouldBe(HttpStatusCode.Created, await warned.Content.ReadAsStringAsync());
        (await warned.JsonAsync()).GetProperty("warnings").GetProperty("birthDate").GetArrayLength().ShouldBe(1);
    }
}
