using System.Net;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.Applications.ApiClient;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.Register;

/// <summary>Each household and death service's register change, applied by a real approval of a real submission.</summary>
public class HouseholdEffectTests
{
    private static async Task<string> SubmitAsync(HttpClient citizen, string service, Dictionary<string, string?> values, object[] files)
    {
        var response = await citizen.SubmitAsync(service, values, files);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("receipt").GetString()!;
    }

    /// <summary>The operator takes the next application, which must be this one, and approves it.</summary>
    private static async Task<long> ApproveAsync(AppFactory app, StaffMember staff, string receipt)
    {
        var claim = (await app.TakeNextAsync(staff)).Application.ShouldNotBeNull();
        claim.ReceiptNumber.ShouldBe(receipt);
        (await app.DecideAsync(staff, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve))).Outcome.ShouldBe(DecisionOutcome.Done);
        (await app.ReloadAsync(claim.Id)).Status.ShouldBe(ApplicationStatus.Approved);
        return claim.Id;
    }

    private static async Task<(TestRegister R, HouseholdPeople P, StaffMember Staff)> SetUpAsync(AppFactory app)
    {
        var r = await TestRegister.CreateAsync(app);
        var p = await HouseholdPeople.CreateAsync(app, r);
        return (r, p, Staff(await app.CreateStaffAsync(r.Office, name: "Siti")));
    }

    [Theory, BothDatabases]
    public async Task Data_update_changes_the_resident_and_records_what_changed(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (r, _, staff) = await SetUpAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var receipt = await SubmitAsync(father, "kk-perubahan", new()
        {
            ["nik"] = r.Father.Nik,
            ["kkNumber"] = r.Family.KkNumber,
            ["birthDate"] = "09-03-1985",
            ["newName"] = "Andy Saputra",
            ["newOccupation"] = "Wiraswasta",
            ["newEducation"] = "DiplomaIvStrataI",
            ["reason"] = "Ejaan nama salah sejak KK 2015; sudah lulus S1 dan membuka usaha",
        }, [File("kk-lama"), File("dok-nama"), File("dok-pekerjaan"), File("ijazah")]);

        var id = await ApproveAsync(app, staff, receipt);

        await using var db = app.Database.NewContext();
        var father2 = await db.Residents.SingleAsync(x => x.Id == r.Father.Id);
        father2.FullName.ShouldBe("Andy Saputra");
        father2.Occupation.ShouldBe("Wiraswasta");
        father2.Education.ShouldBe(Education.DiplomaIvStrataI);
        father2.Religion.ShouldBe(Religion.Islam);
        father2.MaritalStatus.ShouldBe(MaritalStatus.Kawin);
        father2.UpdatedAt.ShouldBe(app.Time.GetUtcNow());
        var e = await db.PopulationEvents.SingleAsync(x => x.ApplicationId == id);
        e.Kind.ShouldBe(PopulationEventKind.DataChange);
        e.ResidentId.ShouldBe(r.Father.Id);
        e.HouseholdId.ShouldBe(r.Family.Id);
        e.OccurredOn.ShouldBe(new DateOnly(2026, 11, 23));
        e.Details.ShouldBe("Pembaruan data: nama Andi Saputra menjadi Andy Saputra; pekerjaan Karyawan Swasta menjadi Wiraswasta; "
            + "pendidikan terakhir SLTA/sederajat menjadi Diploma IV/Strata I");
    }

    [Theory, BothDatabases]
    public async Task Adding_a_member_moves_them_from_their_old_kk_with_the_relationship(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (r, p, staff) = await SetUpAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var receipt = await SubmitAsync(father, "kk-tambah-anggota", new()
        {
            ["kkNumber"] = r.Family.KkNumber,
            ["headNik"] = r.Father.Nik,
            ["memberNik"] = p.Grandmother.Nik,
            ["relationship"] = "OrangTua",
        }, [File("kk-tujuan"), File("kk-asal"), File("persetujuan-kepala-keluarga")]);

        var id = await ApproveAsync(app, staff, receipt);

        await using var db = app.Database.NewContext();
        var grandmother = await db.Residents.SingleAsync(x => x.Id == p.Grandmother.Id);
        grandmother.HouseholdId.ShouldBe(r.Family.Id);
        grandmother.RelationshipToHead.ShouldBe(RelationshipToHead.OrangTua);
        grandmother.RtUnitId.ShouldBe(r.Family.RtUnitId);
        grandmother.Status.ShouldBe(ResidentStatus.Alive);
        // The old KK stays, now without living members: history is kept, nothing is deleted.
        (await db.Households.AnyAsync(h => h.Id == p.GrandmotherKk.Id)).ShouldBeTrue();
        var events = await db.PopulationEvents.Where(x => x.ApplicationId == id).OrderBy(x => x.Id).ToListAsync();
        events.Select(x => (x.Kind, x.ResidentId, x.HouseholdId)).ShouldBe([
            (PopulationEventKind.HouseholdChange, p.Grandmother.Id, p.GrandmotherKk.Id),
            (PopulationEventKind.HouseholdChange, p.Grandmother.Id, r.Family.Id)]);
        events[0].Details.ShouldBe($"Keluar dari KK {p.GrandmotherKk.KkNumber}, masuk KK {r.Family.KkNumber}");
        events[1].Details.ShouldBe($"Masuk KK {r.Family.KkNumber} sebagai orang tua");
    }

    [Theory, BothDatabases]
    public async Task Splitting_gives_the_leaving_members_a_new_kk_number_and_head(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (r, p, staff) = await SetUpAsync(app);
        var son = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.Son));
        var receipt = await SubmitAsync(son, "kk-pisah", new()
        {
            ["kkNumber"] = r.Family.KkNumber,
            ["nik"] = p.Son.Nik,
            ["newHeadNik"] = p.Son.Nik,
            ["memberNiks"] = $"{p.DaughterInLaw.Nik} {p.Grandchild.Nik} {p.Son.Nik}",
            ["kelurahan"] = TestRegister.Village,
            ["rw"] = "3",
            ["rt"] = "12",
            ["address"] = "Jl. Ruhui Rahayu No. 2",
        }, [File("kk-lama"), File("buku-nikah"), File("surat-pengantar-rt")]);

        var id = await ApproveAsync(app, staff, receipt);

        await using var db = app.Database.NewContext();
        var created = await db.Households.Include(h => h.RtUnit).Include(h => h.Members).SingleAsync(h => h.Members.Any(m => m.Id == p.Son.Id));
        created.KkNumber.ShouldBe(NumberComposer.KkNumber("647105", new DateOnly(2026, 11, 23), 1));
        created.Address.ShouldBe("Jl. Ruhui Rahayu No. 2");
        created.IssuedOn.ShouldBe(new DateOnly(2026, 11, 23));
        (created.RtUnit!.VillageCode, created.RtUnit.Rw, created.RtUnit.Rt).ShouldBe((TestRegister.Village, 3, 12));
        created.Members.ToDictionary(m => m.Id, m => m.RelationshipToHead).ShouldBe(new Dictionary<int, RelationshipToHead>
        {
            [p.Son.Id] = RelationshipToHead.KepalaKeluarga,
            [p.DaughterInLaw.Id] = RelationshipToHead.Istri,
            [p.Grandchild.Id] = RelationshipToHead.Anak,
        }, ignoreOrder: true);
        created.Members.ShouldAllBe(m => m.RtUnitId == created.RtUnitId);

        var old = await db.Households.Include(h => h.Members).SingleAsync(h => h.Id == r.Family.Id);
        old.KkNumber.ShouldBe(r.Family.KkNumber);
        old.Members.Select(m => m.Id).ShouldBe([r.Father.Id, r.Mother.Id, r.Teen.Id, r.Child.Id], ignoreOrder: true);
        (await db.Residents.SingleAsync(x => x.Id == r.Father.Id)).RelationshipToHead.ShouldBe(RelationshipToHead.KepalaKeluarga);

        var events = await db.PopulationEvents.Where(x => x.ApplicationId == id).ToListAsync();
        events.ShouldAllBe(x => x.Kind == PopulationEventKind.HouseholdChange);
        events.Count(x => x.HouseholdId == r.Family.Id).ShouldBe(3);
        events.Count(x => x.HouseholdId == created.Id).ShouldBe(3);
        events.Single(x => x.ResidentId == p.DaughterInLaw.Id && x.HouseholdId == created.Id).Details.ShouldBe($"Pisah KK: masuk KK baru {created.KkNumber} sebagai istri");
    }

    private static Dictionary<string, string?> Death(TestRegister r, Resident deceased, Resident reporter, string relation) => new()
    {
        ["nik"] = deceased.Nik,
        ["kkNumber"] = r.Family.KkNumber,
        ["deathDate"] = "20-11-2026",
        ["deathTime"] = "04:30",
        ["deathPlace"] = "RSUD Beriman Balikpapan",
        ["deathCause"] = "sakit",
        ["reporterNik"] = reporter.Nik,
        ["reporterRelation"] = relation,
    };

    private static readonly object[] DeathFiles = [File("surat-kematian"), File("kk-almarhum")];

    [Theory, BothDatabases]
    public async Task A_death_marks_the_resident_deceased_and_widows_the_spouse(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (r, _, staff) = await SetUpAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var receipt = await SubmitAsync(father, "akta-kematian", Death(r, r.Mother, r.Father, "suami-istri"), DeathFiles);

        var id = await ApproveAsync(app, staff, receipt);

        await using var db = app.Database.NewContext();
        var mother = await db.Residents.SingleAsync(x => x.Id == r.Mother.Id);
        mother.Status.ShouldBe(ResidentStatus.Deceased);
        mother.DeceasedOn.ShouldBe(new DateOnly(2026, 11, 20));
        mother.HouseholdId.ShouldBe(r.Family.Id);
        mother.RelationshipToHead.ShouldBe(RelationshipToHead.Istri);
        var father2 = await db.Residents.SingleAsync(x => x.Id == r.Father.Id);
        father2.MaritalStatus.ShouldBe(MaritalStatus.CeraiMati);
        father2.RelationshipToHead.ShouldBe(RelationshipToHead.KepalaKeluarga);
        var events = await db.PopulationEvents.Where(x => x.ApplicationId == id).OrderBy(x => x.Id).ToListAsync();
        events.Select(x => (x.Kind, x.ResidentId, x.OccurredOn)).ShouldBe([
            (PopulationEventKind.Death, r.Mother.Id, new DateOnly(2026, 11, 20)),
            (PopulationEventKind.DataChange, r.Father.Id, new DateOnly(2026, 11, 23))]);
        events[0].Details.ShouldBe($"Kematian di RSUD Beriman Balikpapan, sebab: Sakit biasa/tua; dilaporkan oleh NIK {Domain.Numbers.Nik.Mask(r.Father.Nik)} (Suami/istri)");
    }

    [Theory, BothDatabases]
    public async Task The_death_of_the_head_installs_the_new_head_and_restates_every_member(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (r, p, staff) = await SetUpAsync(app);
        var son = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.Son));
        var form = Death(r, r.Father, p.Son, "anak");
        form["newHeadNik"] = p.Son.Nik;
        var receipt = await SubmitAsync(son, "akta-kematian", form, DeathFiles);

        var id = await ApproveAsync(app, staff, receipt);

        await using var db = app.Database.NewContext();
        var members = await db.Residents.Where(x => x.HouseholdId == r.Family.Id).ToDictionaryAsync(x => x.Id);
        members[r.Father.Id].Status.ShouldBe(ResidentStatus.Deceased);
        members.Values.Where(m => m.Status == ResidentStatus.Alive).ToDictionary(m => m.Id, m => m.RelationshipToHead).ShouldBe(new Dictionary<int, RelationshipToHead>
        {
            [p.Son.Id] = RelationshipToHead.KepalaKeluarga,
            [r.Mother.Id] = RelationshipToHead.OrangTua,
            [r.Teen.Id] = RelationshipToHead.FamiliLain,
            [r.Child.Id] = RelationshipToHead.FamiliLain,
            [p.DaughterInLaw.Id] = RelationshipToHead.Istri,
            [p.Grandchild.Id] = RelationshipToHead.Anak,
        }, ignoreOrder: true);
        members[r.Mother.Id].MaritalStatus.ShouldBe(MaritalStatus.CeraiMati);
        members[p.DaughterInLaw.Id].MaritalStatus.ShouldBe(MaritalStatus.Kawin);
        // Exactly one living head; the KK number stays.
        members.Values.Count(m => m.Status == ResidentStatus.Alive && m.RelationshipToHead == RelationshipToHead.KepalaKeluarga).ShouldBe(1);
        (await db.Households.SingleAsync(h => h.Id == r.Family.Id)).KkNumber.ShouldBe(r.Family.KkNumber);

        var events = await db.PopulationEvents.Where(x => x.ApplicationId == id).ToListAsync();
        events.Count(x => x.Kind == PopulationEventKind.Death).ShouldBe(1);
        events.Single(x => x.Kind == PopulationEventKind.DataChange).ResidentId.ShouldBe(r.Mother.Id);
        events.Where(x => x.Kind == PopulationEventKind.HouseholdChange).Select(x => x.ResidentId)
            .ShouldBe([p.Son.Id, r.Mother.Id, r.Teen.Id, r.Child.Id, p.DaughterInLaw.Id, p.Grandchild.Id], ignoreOrder: true);
        events.Single(x => x.Kind == PopulationEventKind.HouseholdChange && x.ResidentId == p.Son.Id).Details
            .ShouldBe("Menjadi kepala keluarga karena kepala keluarga meninggal");
        events.Single(x => x.Kind == PopulationEventKind.HouseholdChange && x.ResidentId == r.Mother.Id).Details
            .ShouldBe("Hubungan dengan kepala keluarga: istri menjadi orang tua (kepala keluarga baru)");
    }

    [Theory, BothDatabases]
    public async Task An_approval_the_register_has_overtaken_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var (r, _, staff) = await SetUpAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var neighbour = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Neighbour, "+6281234500021"));
        var first = await SubmitAsync(father, "akta-kematian", Death(r, r.Mother, r.Father, "suami-istri"), DeathFiles);
        var second = await SubmitAsync(neighbour, "akta-kematian", Death(r, r.Mother, r.Neighbour, "lainnya"), DeathFiles);
        await ApproveAsync(app, staff, first);

        var claim = (await app.TakeNextAsync(staff)).Application.ShouldNotBeNull();
        claim.ReceiptNumber.ShouldBe(second);
        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => app.DecideAsync(staff, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve)));
        thrown.Message.ShouldContain("not a living resident");

        (await app.ReloadAsync(claim.Id)).Status.ShouldBe(ApplicationStatus.InReview);
        await using var db = app.Database.NewContext();
        (await db.PopulationEvents.CountAsync(x => x.ApplicationId == claim.Id)).ShouldBe(0);
        (await db.PopulationEvents.CountAsync(x => x.Kind == PopulationEventKind.Death && x.ResidentId == r.Mother.Id)).ShouldBe(1);
    }
}
