using System.Globalization;
using System.Net;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.Applications.ApiClient;

namespace Adminduk.Web.Tests.Features.Applications;

/// <summary>Submissions of the first e-KTP, household, KK reissue and death services through POST /api/applications: each valid, and each kind of invalid.</summary>
public class HouseholdServiceTests
{
    private static string Date(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static async Task Created(HttpClient client, string service, Dictionary<string, string?> values, object[] files)
    {
        var response = await client.SubmitAsync(service, values, files);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task Refused(HttpClient client, string service, Dictionary<string, string?> values, object[] files, string code)
    {
        var response = await client.SubmitAsync(service, values, files);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, code);
        (await response.CodesAsync()).ShouldContain(code);
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> values, string field, string? value)
    {
        var copy = new Dictionary<string, string?>(values) { [field] = value };
        if (value is null)
        {
            copy.Remove(field);
        }

        return copy;
    }

    [Theory, BothDatabases]
    public async Task First_ektp_is_for_17_or_over_or_married(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        Dictionary<string, string?> Form(Resident who) => new() { ["nik"] = who.Nik, ["kkNumber"] = r.Family.KkNumber, ["birthDate"] = Date(who.BirthDate) };
        object[] files = [File("kk", Jpeg, "kk.jpg")];

        await Created(father, "ktp-baru", Form(r.Father), files);
        await Refused(father, "ktp-baru", Form(r.Teen), files, "nik:register.ktp_not_eligible");
        await Refused(father, "ktp-baru", With(Form(r.Father), "birthDate", Date(r.Father.BirthDate.AddYears(1))), files, "birthDate:register.birthdate_mismatch");
        await Refused(father, "ktp-baru", Form(r.Father), [], "attachments.kk:attachment.required");
        await Refused(father, "ktp-baru", With(Form(r.Neighbour), "kkNumber", r.Other.KkNumber), files, ":register.not_authorized_household");

        // Married at 16: the card may be issued before 17.
        await app.SeedAsync(async db => (await db.Residents.SingleAsync(x => x.Id == r.Teen.Id)).MaritalStatus = Domain.Population.MaritalStatus.Kawin);
        await Created(father, "ktp-baru", Form(r.Teen), [File("kk", Jpeg, "kk.jpg"), File("buku-nikah")]);
    }

    [Theory, BothDatabases]
    public async Task Suket_is_replaced_by_an_ektp_through_the_replacement_service(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var form = new Dictionary<string, string?> { ["nik"] = r.Father.Nik, ["kkNumber"] = r.Family.KkNumber, ["birthDate"] = Date(r.Father.BirthDate), ["reason"] = "suket" };

        await Refused(father, "ktp-penggantian", form, [], "attachments.suket:attachment.required");
        await Created(father, "ktp-penggantian", form, [File("suket", Jpeg, "suket.jpg")]);
    }

    [Theory, BothDatabases]
    public async Task Adding_a_member_checks_the_head_the_member_and_the_relationship(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var p = await HouseholdPeople.CreateAsync(app, r);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var neighbour = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Neighbour, "+6281234500009"));
        var form = new Dictionary<string, string?> { ["kkNumber"] = r.Family.KkNumber, ["headNik"] = r.Father.Nik, ["memberNik"] = p.Grandmother.Nik, ["relationship"] = "OrangTua" };
        object[] files = [File("kk-tujuan"), File("kk-asal"), File("persetujuan-kepala-keluarga")];
        object[] withProof = [.. files, File("bukti-hubungan")];

        await Refused(father, "kk-tambah-anggota", With(form, "headNik", r.Mother.Nik), files, "headNik:household.not_head");
        await Refused(father, "kk-tambah-anggota", With(form, "memberNik", r.Teen.Nik), withProof, "memberNik:household.already_member");
        var intoOther = new Dictionary<string, string?> { ["kkNumber"] = r.Other.KkNumber, ["headNik"] = r.Neighbour.Nik, ["memberNik"] = r.Father.Nik, ["relationship"] = "FamiliLain" };
        await Refused(neighbour, "kk-tambah-anggota", intoOther, files, "memberNik:household.member_heads_other");
        await Refused(father, "kk-tambah-anggota", With(form, "memberNik", r.Deceased.Nik), files, "memberNik:register.deceased");
        await Refused(father, "kk-tambah-anggota", With(form, "memberNik", "6471050606500099"), files, "memberNik:register.nik_unknown");
        await Refused(father, "kk-tambah-anggota", With(form, "memberNik", r.Father.Nik), files, "memberNik:household.member_is_head");
        await Refused(father, "kk-tambah-anggota", With(form, "relationship", "Suami"), withProof, "relationship:household.relationship_sex");
        await Refused(father, "kk-tambah-anggota", With(form, "relationship", "Istri"), withProof, "relationship:household.spouse_not_married");
        await Refused(father, "kk-tambah-anggota", With(form, "relationship", "Anak"), withProof, "relationship:household.child_not_younger");
        await Refused(father, "kk-tambah-anggota", With(form, "relationship", "Anak"), files, "attachments.bukti-hubungan:attachment.required");
        await Refused(father, "kk-tambah-anggota", With(With(form, "memberNik", p.YoungMan.Nik), "relationship", "Mertua"), files, "relationship:household.parent_not_older");
        await Refused(father, "kk-tambah-anggota", With(form, "relationship", "Kakak"), files, "relationship:form.select_invalid");
        await Refused(father, "kk-tambah-anggota", form, [File("kk-tujuan")], "attachments.persetujuan-kepala-keluarga:attachment.required");
        await Refused(neighbour, "kk-tambah-anggota", form, files, ":household.applicant_not_involved");

        await Created(father, "kk-tambah-anggota", form, files);
        // The person joining may apply too.
        var grandmother = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.Grandmother, "+6281234500010"));
        await Created(grandmother, "kk-tambah-anggota", form, files);
    }

    private static Dictionary<string, string?> SplitForm(TestRegister r, HouseholdPeople p) => new()
    {
        ["kkNumber"] = r.Family.KkNumber,
        ["nik"] = p.Son.Nik,
        ["newHeadNik"] = p.Son.Nik,
        ["memberNiks"] = $"{p.Son.Nik}, {p.DaughterInLaw.Nik}, {p.Grandchild.Nik}",
        ["kelurahan"] = TestRegister.Village,
        ["rw"] = "3",
        ["rt"] = "12",
        ["address"] = "Jl. Ruhui Rahayu No. 2",
    };

    private static readonly object[] SplitFiles = [File("kk-lama"), File("buku-nikah"), File("surat-pengantar-rt", Jpeg, "pengantar.jpg")];

    [Theory, BothDatabases]
    public async Task Splitting_a_household_checks_who_leaves_who_heads_and_where(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var p = await HouseholdPeople.CreateAsync(app, r);
        var son = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.Son));
        var form = SplitForm(r, p);

        await Refused(son, "kk-pisah", With(form, "memberNiks", $"{p.Son.Nik}, {r.Neighbour.Nik}"), SplitFiles, "memberNiks:household.split_not_member");
        await Refused(son, "kk-pisah", With(form, "memberNiks", $"{p.Son.Nik}, {r.Father.Nik}"), SplitFiles, "memberNiks:household.split_head_leaves");
        await Refused(son, "kk-pisah", With(form, "memberNiks", $"{p.Son.Nik}, {p.Son.Nik}"), SplitFiles, "memberNiks:form.nik_list_duplicate");
        await Refused(son, "kk-pisah", With(form, "memberNiks", $"{p.Son.Nik}, 64710515"), SplitFiles, "memberNiks:form.nik_list_entry");
        await Refused(son, "kk-pisah", With(form, "newHeadNik", r.Teen.Nik), SplitFiles, "newHeadNik:household.head_not_leaving");
        await Refused(son, "kk-pisah", With(With(form, "newHeadNik", r.Teen.Nik), "memberNiks", r.Teen.Nik), SplitFiles, "newHeadNik:household.new_head_too_young");
        await Refused(son, "kk-pisah", With(form, "rt", "13"), SplitFiles, "rt:register.rt_unknown");
        await Refused(son, "kk-pisah", With(form, "kelurahan", "16.71.01.1001"), SplitFiles, "kelurahan:form.kelurahan_unknown");
        await Refused(son, "kk-pisah", With(form, "kkNumber", r.Other.KkNumber), SplitFiles, "kkNumber:register.not_in_kk");
        await Refused(son, "kk-pisah", form, [File("kk-lama")], "attachments.surat-pengantar-rt:attachment.required");
        await Refused(son, "kk-pisah", With(form, "address", null), SplitFiles, "address:form.required");

        // Where the head has died, the members cannot all leave: nobody would stay on the old KK.
        var elder = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.OrphanElder, "+6281234500011"));
        var orphans = new Dictionary<string, string?>(form)
        {
            ["kkNumber"] = p.OrphanKk.KkNumber,
            ["nik"] = p.OrphanElder.Nik,
            ["newHeadNik"] = p.OrphanElder.Nik,
            ["memberNiks"] = $"{p.OrphanElder.Nik},{p.OrphanYounger.Nik}",
        };
        await Refused(elder, "kk-pisah", orphans, SplitFiles, "memberNiks:household.split_nobody_stays");
        await Created(elder, "kk-pisah", With(orphans, "memberNiks", p.OrphanElder.Nik), SplitFiles);

        await Created(son, "kk-pisah", form, SplitFiles);
    }

    [Theory, BothDatabases]
    public async Task Kk_reprint_and_lost_kk(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var mother = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Mother));
        var reprint = new Dictionary<string, string?> { ["nik"] = r.Mother.Nik, ["kkNumber"] = r.Family.KkNumber, ["reason"] = "rusak" };

        await Created(mother, "kk-cetak-ulang", reprint, [File("kk-rusak", Jpeg, "kk.jpg")]);
        await Created(mother, "kk-cetak-ulang", With(reprint, "reason", "tte"), [File("kk-lama")]);
        await Refused(mother, "kk-cetak-ulang", reprint, [File("kk-lama")], "attachments.kk-rusak:attachment.required");
        await Refused(mother, "kk-cetak-ulang", With(reprint, "reason", "hilang"), [File("kk-rusak")], "reason:form.select_invalid");
        await Refused(mother, "kk-cetak-ulang", With(reprint, "kkNumber", r.Other.KkNumber), [File("kk-rusak")], "kkNumber:register.not_in_kk");
        await Refused(mother, "kk-cetak-ulang", With(With(reprint, "nik", r.Neighbour.Nik), "kkNumber", r.Other.KkNumber), [File("kk-rusak")], ":register.not_authorized_household");

        var lost = new Dictionary<string, string?> { ["nik"] = r.Mother.Nik, ["kkNumber"] = r.Family.KkNumber, ["policeReportNumber"] = "LP/B/812/XI/2026/Polresta Balikpapan" };
        await Created(mother, "kk-hilang", lost, [File("surat-kehilangan")]);
        await Refused(mother, "kk-hilang", lost, [], "attachments.surat-kehilangan:attachment.required");
        await Refused(mother, "kk-hilang", With(lost, "policeReportNumber", " "), [File("surat-kehilangan")], "policeReportNumber:form.required");
        await Refused(mother, "kk-hilang", With(lost, "kkNumber", "6471050101159999"), [File("surat-kehilangan")], "kkNumber:register.kk_unknown");
    }

    private static Dictionary<string, string?> DeathForm(TestRegister r, Resident deceased, Resident reporter, string relation = "suami-istri") => new()
    {
        ["nik"] = deceased.Nik,
        ["kkNumber"] = r.Family.KkNumber,
        ["deathDate"] = "20-11-2026",
        ["deathTime"] = "04.30",
        ["deathPlace"] = "RSUD Beriman Balikpapan",
        ["deathCause"] = "sakit",
        ["reporterNik"] = reporter.Nik,
        ["reporterRelation"] = relation,
    };

    private static readonly object[] DeathFiles = [File("surat-kematian"), File("kk-almarhum", Jpeg, "kk.jpg")];

    [Theory, BothDatabases]
    public async Task Death_report_checks_the_deceased_the_reporter_and_the_new_head(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var mother = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Mother, "+6281234500012"));
        var neighbour = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Neighbour, "+6281234500013"));
        var wife = DeathForm(r, r.Mother, r.Father);
        var head = With(DeathForm(r, r.Father, r.Mother), "newHeadNik", r.Mother.Nik);

        await Refused(father, "akta-kematian", With(DeathForm(r, r.Deceased, r.Father), "kkNumber", r.Other.KkNumber), DeathFiles, "nik:death.already_recorded");
        await Refused(father, "akta-kematian", With(wife, "kkNumber", r.Other.KkNumber), DeathFiles, "kkNumber:register.not_in_kk");
        await Refused(father, "akta-kematian", With(wife, "deathDate", "01-01-1980"), DeathFiles, "deathDate:death.before_birth");
        await Refused(father, "akta-kematian", With(wife, "deathDate", "24-11-2026"), DeathFiles, "deathDate:form.date_future");
        await Refused(father, "akta-kematian", With(wife, "deathTime", "25.00"), DeathFiles, "deathTime:form.time_invalid");
        await Refused(father, "akta-kematian", With(wife, "deathCause", "tidak-tahu"), DeathFiles, "deathCause:form.select_invalid");
        await Refused(father, "akta-kematian", With(wife, "reporterNik", r.Mother.Nik), DeathFiles, "reporterNik:death.reporter_is_deceased");
        await Refused(father, "akta-kematian", With(wife, "reporterNik", r.Teen.Nik), DeathFiles, "reporterNik:death.reporter_too_young");
        await Refused(father, "akta-kematian", With(wife, "reporterNik", r.MovedOut.Nik), DeathFiles, "reporterNik:register.moved_out");
        await Refused(neighbour, "akta-kematian", wife, DeathFiles, ":death.applicant_not_reporter");
        await Refused(father, "akta-kematian", With(wife, "newHeadNik", r.Teen.Nik), DeathFiles, "newHeadNik:death.new_head_not_needed");
        await Refused(mother, "akta-kematian", With(head, "newHeadNik", null), DeathFiles, "newHeadNik:death.new_head_required");
        await Refused(mother, "akta-kematian", With(head, "newHeadNik", r.Neighbour.Nik), DeathFiles, "newHeadNik:death.new_head_not_member");
        await Refused(mother, "akta-kematian", With(head, "newHeadNik", r.Teen.Nik), DeathFiles, "newHeadNik:household.new_head_too_young");
        await Refused(mother, "akta-kematian", With(head, "newHeadNik", r.Father.Nik), DeathFiles, "newHeadNik:death.new_head_is_deceased");
        await Refused(father, "akta-kematian", wife, [File("kk-almarhum")], "attachments.surat-kematian:attachment.required");

        await Created(father, "akta-kematian", wife, DeathFiles);
        await Created(mother, "akta-kematian", head, DeathFiles);
        // A relative on another KK may report as the reporter.
        await Created(neighbour, "akta-kematian", DeathForm(r, r.Mother, r.Neighbour, "lainnya"), DeathFiles);

        await using var db = app.Database.NewContext();
        var applications = await db.Applications.Where(a => a.ServiceCode == "akta-kematian").ToListAsync();
        applications.Count.ShouldBe(3);
        applications.Select(a => a.SubjectResidentId).ShouldBe([r.Mother.Id, r.Father.Id, r.Mother.Id], ignoreOrder: true);
    }

    [Theory, BothDatabases]
    public async Task The_services_api_lists_the_new_services_with_their_in_person_step(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        await TestRegister.CreateAsync(app);
        var services = await (await app.CreateClient(null).GetAsync("/api/services?office=BPN")).JsonAsync();
        var byCode = services.EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!);

        foreach (var code in new[] { "kk-perubahan", "ktp-baru", "kk-tambah-anggota", "kk-pisah", "kk-cetak-ulang", "kk-hilang", "akta-kematian" })
        {
            byCode.ShouldContainKey(code);
            byCode[code].GetProperty("open").GetBoolean().ShouldBeTrue();
        }

        byCode["ktp-baru"].GetProperty("inPersonStep").GetString().ShouldBe("Recording");
        byCode["kk-perubahan"].GetProperty("title").GetProperty("id").GetString().ShouldBe("Pembaruan data penduduk");
        var death = byCode["akta-kematian"];
        death.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "newHeadNik").GetProperty("required").GetBoolean().ShouldBeFalse();
        death.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ShouldBe(["surat-kematian", "kk-almarhum", "ktp-almarhum"]);
        byCode["kk-pisah"].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "memberNiks").GetProperty("type").GetString().ShouldBe("NikList");
    }
}
