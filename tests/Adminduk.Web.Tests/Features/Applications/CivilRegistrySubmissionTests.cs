using System.Net;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.Applications.ApiClient;

namespace Adminduk.Web.Tests.Features.Applications;

/// <summary>Marriage, divorce, moving, SKTT, reissue and legalisir submitted through POST /api/applications.</summary>
public class CivilRegistrySubmissionTests
{
    public static readonly object[] MarriageFiles =
        [File("surat-perkawinan-agama"), File("kk-suami"), File("kk-istri"), File("pasfoto-berdampingan", Jpeg, "foto.jpg"), File("ktp-saksi")];

    public static readonly object[] KuaFiles = [File("buku-nikah"), File("kk-suami"), File("kk-istri")];
    public static readonly object[] CivilDivorceFiles = [File("putusan-pengadilan"), File("akta-perkawinan"), File("kk")];
    public static readonly object[] ReligiousDivorceFiles = [File("akta-cerai-pa"), File("kk")];
    public static readonly object[] SkttFiles = [File("paspor"), File("kitas"), File("surat-sponsor"), File("pasfoto", Jpeg, "foto.jpg")];

    public static Dictionary<string, string?> Marriage(Resident husband, Resident wife) => new()
    {
        ["husbandNik"] = husband.Nik,
        ["wifeNik"] = wife.Nik,
        ["marriageDate"] = "14-11-2026",
        ["marriagePlace"] = "Gereja Katedral Santo Petrus, Balikpapan",
        ["religion"] = "Katolik",
        ["officiantName"] = "RD. Agustinus Wibowo",
        ["witness1Name"] = "Fransiskus Xaverius",
        ["witness2Name"] = "Theresia Handayani",
    };

    public static Dictionary<string, string?> KuaMarriage(Resident husband, Resident wife) => new()
    {
        ["husbandNik"] = husband.Nik,
        ["wifeNik"] = wife.Nik,
        ["marriageBookNumber"] = "0456/045/XI/2026",
        ["marriageDate"] = "07-11-2026",
        ["kuaName"] = "KUA Kecamatan Balikpapan Selatan",
    };

    public static Dictionary<string, string?> Divorce(Resident husband, Resident wife, string court = "Pengadilan Negeri Balikpapan") => new()
    {
        ["husbandNik"] = husband.Nik,
        ["wifeNik"] = wife.Nik,
        ["courtName"] = court,
        ["rulingNumber"] = "87/Pdt.G/2026",
        ["rulingDate"] = "02-11-2026",
    };

    public static Dictionary<string, string?> Departure(TestRegister r, Resident applicant, string scope = "seluruh", params Resident[] members) => new()
    {
        ["nik"] = applicant.Nik,
        ["kkNumber"] = (applicant.HouseholdId == r.Family.Id ? r.Family : r.Other).KkNumber,
        ["moveScope"] = scope,
        ["memberNiks"] = string.Join(", ", members.Select(m => m.Nik)),
        ["destinationRegency"] = "35.78",
        ["destinationAddress"] = "Jl. Raya Darmo No. 5, RT 002/RW 003, Darmo, Wonokromo",
        ["reason"] = "pekerjaan",
        ["moveDate"] = "15-12-2026",
    };

    public static Dictionary<string, string?> MoveWithinCity(TestRegister r, Resident applicant) => new()
    {
        ["nik"] = applicant.Nik,
        ["kkNumber"] = r.Family.KkNumber,
        ["kelurahan"] = TestRegister.Village,
        ["rw"] = "3",
        ["rt"] = "12",
        ["address"] = "Jl. Marsma R. Iswahyudi No. 40",
    };

    public static Dictionary<string, string?> Sktt() => new()
    {
        ["fullName"] = "Emily Jane Carter",
        ["sex"] = "Female",
        ["birthDate"] = "12-05-1988",
        ["birthPlace"] = "Perth",
        ["nationality"] = "Australian",
        ["passportNumber"] = "PA1234567",
        ["permitType"] = "kitas",
        ["kitasNumber"] = "2C21JD1234-AB",
        ["kitasExpiry"] = "30-06-2027",
        ["sponsorName"] = "PT Kaltim Energi Nusantara",
        ["address"] = "Jl. Jenderal Sudirman No. 12",
        ["kelurahan"] = TestRegister.Village,
        ["rw"] = "1",
        ["rt"] = "1",
    };

    private static async Task Expect(HttpClient client, string service, Dictionary<string, string?> values, object[] files, params string[] codes)
    {
        var response = await client.SubmitAsync(service, values, files);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        var found = await response.CodesAsync();
        foreach (var code in codes)
        {
            found.ShouldContain(code, body);
        }
    }

    private static async Task<string> Created(HttpClient client, string service, Dictionary<string, string?> values, object[] files)
    {
        var response = await client.SubmitAsync(service, values, files);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("receipt").GetString()!;
    }

    [Theory, BothDatabases]
    public async Task Marriage_of_two_single_non_muslims_is_queued_and_every_rule_refuses(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var p = await CivilRegistryPeople.CreateAsync(app, r);
        var groom = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.Groom, "+6281234500101"));
        var neighbour = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Neighbour, "+6281234500102"));

        await Expect(groom, "akta-perkawinan", Marriage(p.Groom, p.ChristianWife), MarriageFiles, "wifeNik:marriage.already_married");
        await Expect(groom, "akta-perkawinan", Marriage(p.Groom, p.MuslimBride), MarriageFiles, "wifeNik:marriage.muslim_use_kua");
        await Expect(groom, "akta-perkawinan", Marriage(p.Bride, p.Groom), MarriageFiles, "husbandNik:couple.husband_not_male", "wifeNik:couple.wife_not_female");
        await Expect(groom, "akta-perkawinan", Marriage(r.Teen, p.Bride), MarriageFiles, "husbandNik:marriage.under_age", "husbandNik:marriage.muslim_use_kua");
        await Expect(groom, "akta-perkawinan", Marriage(r.Deceased, p.Bride), MarriageFiles, "husbandNik:register.deceased");
        await Expect(neighbour, "akta-perkawinan", Marriage(p.Groom, p.Bride), MarriageFiles, ":couple.applicant_not_spouse");
        await Expect(groom, "akta-perkawinan", Marriage(p.Groom, p.Groom), MarriageFiles, "wifeNik:couple.same_person");
        await Expect(groom, "akta-perkawinan", Marriage(p.Groom, p.Bride), [File("kk-suami")], "attachments.surat-perkawinan-agama:attachment.required");
        var unknown = Marriage(p.Groom, p.Bride);
        unknown["wifeNik"] = "6471054309980099";
        await Expect(groom, "akta-perkawinan", unknown, MarriageFiles, "wifeNik:register.nik_unknown");

        var late = Marriage(p.Groom, p.Bride);
        late["marriageDate"] = "01-08-2026";
        var response = await groom.SubmitAsync("akta-perkawinan", late, MarriageFiles);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.JsonAsync()).GetProperty("warnings").GetProperty("marriageDate")[0].GetString()!.ShouldContain("114 hari");

        await using var db = app.Database.NewContext();
        var stored = await db.Applications.SingleAsync();
        stored.ServiceCode.ShouldBe("akta-perkawinan");
        stored.SubjectResidentId.ShouldBe(p.Groom.Id);
        stored.LookupBirthDate.ShouldBe(p.Groom.BirthDate);
    }

    [Theory, BothDatabases]
    public async Task Kua_marriage_is_for_muslims(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var p = await CivilRegistryPeople.CreateAsync(app, r);
        var bride = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.MuslimBride, "+6281234500103"));

        await Expect(bride, "perkawinan-kua", KuaMarriage(p.Groom, p.MuslimBride), KuaFiles, "husbandNik:marriage.kua_not_muslim");
        await Expect(bride, "perkawinan-kua", KuaMarriage(p.MuslimGroom, p.MuslimBride), [File("buku-nikah")], "attachments.kk-suami:attachment.required");
        var receipt = await Created(bride, "perkawinan-kua", KuaMarriage(p.MuslimGroom, p.MuslimBride), KuaFiles);

        await using var db = app.Database.NewContext();
        (await db.Applications.SingleAsync(a => a.ReceiptNumber == receipt)).SubjectResidentId.ShouldBe(p.MuslimBride.Id);
    }

    [Theory, BothDatabases]
    public async Task Divorce_needs_a_couple_married_to_each_other_and_the_right_court(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var p = await CivilRegistryPeople.CreateAsync(app, r);
        var husband = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.ChristianHusband, "+6281234500104"));
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father, "+6281234500105"));

        // Both are married, but not to each other: neither a KK nor a recorded marriage pairs them.
        await Expect(husband, "akta-perceraian", Divorce(p.ChristianHusband, p.OtherMarriedWoman), CivilDivorceFiles, ":divorce.not_spouses");
        await Expect(husband, "akta-perceraian", Divorce(p.ChristianHusband, p.Bride), CivilDivorceFiles, "wifeNik:divorce.not_married");
        await Expect(husband, "akta-perceraian", Divorce(p.ChristianHusband, p.ChristianWife, "Pengadilan Agama Balikpapan"), CivilDivorceFiles, "courtName:divorce.court_is_religious");
        await Expect(father, "akta-perceraian", Divorce(r.Father, r.Mother), CivilDivorceFiles, ":divorce.muslim_use_pa");
        await Expect(husband, "perceraian-pa", Divorce(p.ChristianHusband, p.ChristianWife, "Pengadilan Agama Balikpapan"), ReligiousDivorceFiles, ":divorce.pa_not_muslim");
        await Expect(father, "perceraian-pa", Divorce(r.Father, r.Mother), ReligiousDivorceFiles, "courtName:divorce.court_not_religious");
        await Expect(father, "perceraian-pa", Divorce(r.Father, r.Mother, "Pengadilan Agama Balikpapan"), [File("kk")], "attachments.akta-cerai-pa:attachment.required");

        await Created(husband, "akta-perceraian", Divorce(p.ChristianHusband, p.ChristianWife), CivilDivorceFiles);
        await Created(father, "perceraian-pa", Divorce(r.Father, r.Mother, "Pengadilan Agama Balikpapan"), ReligiousDivorceFiles);

        await using var db = app.Database.NewContext();
        (await db.Applications.OrderBy(a => a.Id).Select(a => a.ServiceCode).ToListAsync()).ShouldBe(["akta-perceraian", "perceraian-pa"]);
    }

    [Theory, BothDatabases]
    public async Task Departure_of_a_household_or_some_members_to_another_regency(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        object[] files = [File("kk")];
        object[] partialFiles = [File("kk"), File("persetujuan-kepala-keluarga")];

        var inCity = Departure(r, r.Father);
        inCity["destinationRegency"] = "64.71";
        await Expect(father, "pindah-keluar", inCity, files, "destinationRegency:move.destination_in_city");
        var nowhere = Departure(r, r.Father);
        nowhere["destinationRegency"] = "99.01";
        await Expect(father, "pindah-keluar", nowhere, files, "destinationRegency:form.regency_unknown");
        var wrongKk = Departure(r, r.Father);
        wrongKk["kkNumber"] = r.Other.KkNumber;
        await Expect(father, "pindah-keluar", wrongKk, files, "kkNumber:register.not_in_kk");
        await Expect(father, "pindah-keluar", Departure(r, r.Father, "sebagian", r.Teen, r.Neighbour), partialFiles, "memberNiks:move.member_not_in_kk");
        await Expect(father, "pindah-keluar", Departure(r, r.Father, "sebagian", r.Father), partialFiles, "memberNiks:move.head_leaves_alone");
        await Expect(father, "pindah-keluar", Departure(r, r.Father, "sebagian", r.Teen), files, "attachments.persetujuan-kepala-keluarga:attachment.required");
        var tooFar = Departure(r, r.Father);
        tooFar["moveDate"] = "10-04-2027";
        await Expect(father, "pindah-keluar", tooFar, files, "moveDate:move.date_too_far");

        await Created(father, "pindah-keluar", Departure(r, r.Father), files);
        var partial = await father.SubmitAsync("pindah-keluar", Departure(r, r.Father, "sebagian", r.Teen, r.Child), partialFiles);
        partial.StatusCode.ShouldBe(HttpStatusCode.Created, await partial.Content.ReadAsStringAsync());
        (await partial.JsonAsync()).GetProperty("warnings").GetProperty("memberNiks").GetArrayLength().ShouldBe(1);
    }

    [Theory, BothDatabases]
    public async Task Move_within_the_city_goes_to_an_existing_rt_at_a_new_address(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var mother = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Mother));
        object[] files = [File("kk")];

        var noRt = MoveWithinCity(r, r.Mother);
        noRt["rt"] = "99";
        await Expect(mother, "pindah-dalam-kota", noRt, files, "rt:register.rt_unknown");
        var otherCity = MoveWithinCity(r, r.Mother);
        otherCity["kelurahan"] = "16.71.01.1001";
        await Expect(mother, "pindah-dalam-kota", otherCity, files, "kelurahan:form.kelurahan_unknown");
        var same = MoveWithinCity(r, r.Mother);
        same["rw"] = "1";
        same["rt"] = "1";
        same["address"] = " jl. mulawarman no. 7 ";
        await Expect(mother, "pindah-dalam-kota", same, files, "address:move.same_address");
        await Expect(mother, "pindah-dalam-kota", MoveWithinCity(r, r.Mother), [], "attachments.kk:attachment.required");

        await Created(mother, "pindah-dalam-kota", MoveWithinCity(r, r.Mother), files);
    }

    [Theory, BothDatabases]
    public async Task Sktt_for_a_kitas_holder_goes_to_the_office_of_the_kelurahan(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var foreigner = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, null, "+6281234500106"));

        var kitap = Sktt();
        kitap["permitType"] = "kitap";
        await Expect(foreigner, "sktt", kitap, SkttFiles, "permitType:sktt.kitap");
        var expired = Sktt();
        expired["kitasExpiry"] = "20-11-2026";
        await Expect(foreigner, "sktt", expired, SkttFiles, "kitasExpiry:form.date_not_future");
        var noRt = Sktt();
        noRt["rw"] = "42";
        await Expect(foreigner, "sktt", noRt, SkttFiles, "rt:register.rt_unknown");
        await Expect(foreigner, "sktt", Sktt(), [File("paspor")], "attachments.kitas:attachment.required", "attachments.surat-sponsor:attachment.required");

        var receipt = await Created(foreigner, "sktt", Sktt(), SkttFiles);
        receipt.ShouldStartWith("BPN-");
        await using var db = app.Database.NewContext();
        var stored = await db.Applications.SingleAsync();
        stored.OfficeId.ShouldBe(r.Office.Id);
        stored.SubjectResidentId.ShouldBeNull();
        stored.LookupBirthDate.ShouldBe(new DateOnly(1988, 5, 12));
    }

    [Theory, BothDatabases]
    public async Task Reissue_of_an_akta_the_register_knows_of(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var neighbour = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Neighbour, "+6281234500107"));
        object[] lost = [File("kk"), File("surat-kehilangan")];
        Dictionary<string, string?> Reissue(Resident who, string kind) => new()
        {
            ["nik"] = who.Nik,
            ["aktaKind"] = kind,
            ["reason"] = "hilang",
            ["policeReportNumber"] = "STPLK/512/XI/2026/Polresta Bpp",
        };

        await Expect(father, "akta-terbit-ulang", Reissue(r.Father, "kematian"), lost, "nik:reissue.not_deceased");
        await Expect(father, "akta-terbit-ulang", Reissue(r.Teen, "perkawinan"), lost, "nik:reissue.never_married");
        await Expect(father, "akta-terbit-ulang", Reissue(r.Father, "perceraian"), lost, "nik:reissue.never_divorced");
        await Expect(neighbour, "akta-terbit-ulang", Reissue(r.Child, "kelahiran"), lost, ":register.not_authorized_household");
        await Expect(neighbour, "akta-terbit-ulang", Reissue(r.MovedOut, "kelahiran"), lost, "nik:register.moved_out");
        await Expect(father, "akta-terbit-ulang", Reissue(r.Child, "kelahiran"), [File("kk")], "attachments.surat-kehilangan:attachment.required");

        await Created(father, "akta-terbit-ulang", Reissue(r.Child, "kelahiran"), lost);
        // A death certificate names someone deceased; a member of the same KK asks for it.
        var death = await Created(neighbour, "akta-terbit-ulang", Reissue(r.Deceased, "kematian"), lost);

        await using var db = app.Database.NewContext();
        (await db.Applications.SingleAsync(a => a.ReceiptNumber == death)).SubjectResidentId.ShouldBe(r.Deceased.Id);
    }

    [Theory, BothDatabases]
    public async Task Legalisir_is_for_paper_documents_only(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var values = new Dictionary<string, string?>
        {
            ["nik"] = r.Child.Nik,
            ["documentKind"] = "akta-kelahiran",
            ["documentNumber"] = "6471-LT-20042016-0012",
            ["issuedElectronically"] = "ya",
            ["copies"] = "3",
        };

        var refused = await father.SubmitAsync("legalisir", values, [File("dokumen")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ErrorsAsync())["issuedElectronically"].Single().ShouldContain("/verify/{kode}");
        var unknown = new Dictionary<string, string?>(values) { ["nik"] = "6471052004160099", ["issuedElectronically"] = "tidak" };
        await Expect(father, "legalisir", unknown, [File("dokumen")], "nik:register.nik_unknown");

        values["issuedElectronically"] = "tidak";
        await Created(father, "legalisir", values, [File("dokumen")]);
    }

    [Theory, BothDatabases]
    public async Task The_services_api_lists_every_new_service_as_open(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        await TestRegister.CreateAsync(app);

        var services = await (await app.CreateClient(null).GetAsync("/api/services?office=BPN")).JsonAsync();

        var listed = services.EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!, s => s);
        foreach (var code in new[] { "akta-perkawinan", "perkawinan-kua", "akta-perceraian", "perceraian-pa", "pindah-keluar", "pindah-dalam-kota", "sktt", "akta-terbit-ulang", "legalisir" })
        {
            listed.ShouldContainKey(code);
            listed[code].GetProperty("open").GetBoolean().ShouldBeTrue();
        }

        listed["sktt"].GetRawText().ShouldContain("Residence certificate (SKTT) for foreign nationals");
    }
}
