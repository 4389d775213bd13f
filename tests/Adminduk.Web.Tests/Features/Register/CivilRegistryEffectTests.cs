using System.Net;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.Applications.ApiClient;
using static Adminduk.Web.Tests.Features.Applications.CivilRegistrySubmissionTests;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.Register;

/// <summary>Citizens apply through the API, an operator takes the application and approves it; the register changes with it.</summary>
public class CivilRegistryEffectTests
{
    private static async Task<long> SubmitAsync(AppFactory app, HttpClient client, string service, Dictionary<string, string?> values, object[] files)
    {
        var response = await client.SubmitAsync(service, values, files);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var receipt = (await response.JsonAsync()).GetProperty("receipt").GetString();
        await using var db = app.Database.NewContext();
        return await db.Applications.Where(a => a.ReceiptNumber == receipt).Select(a => a.Id).SingleAsync();
    }

    /// <summary>The operator takes the next application in the queue and approves it.</summary>
    private static async Task<Application> ApproveNextAsync(AppFactory app, StaffMember staff, long expected)
    {
        var claim = (await app.TakeNextAsync(staff)).Application.ShouldNotBeNull();
        claim.Id.ShouldBe(expected);
        (await app.DecideAsync(staff, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve))).Outcome.ShouldBe(DecisionOutcome.Done);
        return claim;
    }

    private static async Task<Resident> ReloadAsync(AppFactory app, Resident resident)
    {
        await using var db = app.Database.NewContext();
        return await db.Residents.SingleAsync(r => r.Id == resident.Id);
    }

    [Theory, BothDatabases]
    public async Task Marriage_then_divorce_of_the_same_couple_pairs_them_through_the_recorded_marriage(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var p = await CivilRegistryPeople.CreateAsync(app, r);
        var groom = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.Groom, "+6281234500201"));
        var staff = Staff(await app.CreateStaffAsync(r.Office));

        var marriage = await SubmitAsync(app, groom, "akta-perkawinan", Marriage(p.Groom, p.Bride), MarriageFiles);
        await ApproveNextAsync(app, staff, marriage);

        (await ReloadAsync(app, p.Groom)).MaritalStatus.ShouldBe(MaritalStatus.Kawin);
        var bride = await ReloadAsync(app, p.Bride);
        bride.MaritalStatus.ShouldBe(MaritalStatus.Kawin);
        bride.HouseholdId.ShouldBe(p.Bride.HouseholdId);
        await using (var db = app.Database.NewContext())
        {
            var events = await db.PopulationEvents.Where(e => e.ApplicationId == marriage).OrderBy(e => e.ResidentId).ToListAsync();
            events.Select(e => (e.Kind, e.ResidentId, e.OccurredOn)).ShouldBe(
                [(PopulationEventKind.Marriage, p.Groom.Id, new DateOnly(2026, 11, 14)), (PopulationEventKind.Marriage, p.Bride.Id, new DateOnly(2026, 11, 14))]);
            events.Single(e => e.ResidentId == p.Groom.Id).Details!.ShouldContain("Istri: Maria Goreti Lestari");
            events.ShouldAllBe(e => !e.Details!.Contains(p.Bride.Nik));
        }

        // They live in two KKs: only the recorded marriage makes them husband and wife for the divorce.
        var divorce = Divorce(p.Groom, p.Bride);
        divorce["rulingDate"] = "20-11-2026";
        var divorceId = await SubmitAsync(app, groom, "akta-perceraian", divorce, CivilDivorceFiles);
        await ApproveNextAsync(app, staff, divorceId);

        (await ReloadAsync(app, p.Groom)).MaritalStatus.ShouldBe(MaritalStatus.CeraiHidup);
        (await ReloadAsync(app, p.Bride)).MaritalStatus.ShouldBe(MaritalStatus.CeraiHidup);
        await using var after = app.Database.NewContext();
        (await after.PopulationEvents.Where(e => e.ApplicationId == divorceId).Select(e => e.Kind).ToListAsync())
            .ShouldBe([PopulationEventKind.Divorce, PopulationEventKind.Divorce]);
        (await after.PopulationEvents.FirstAsync(e => e.ApplicationId == divorceId)).OccurredOn.ShouldBe(new DateOnly(2026, 11, 20));
    }

    [Theory, BothDatabases]
    public async Task Kua_marriage_and_religious_court_divorce_change_the_marital_status(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var p = await CivilRegistryPeople.CreateAsync(app, r);
        var bride = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.MuslimBride, "+6281234500202"));
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father, "+6281234500203"));
        var staff = Staff(await app.CreateStaffAsync(r.Office));

        var marriage = await SubmitAsync(app, bride, "perkawinan-kua", KuaMarriage(p.MuslimGroom, p.MuslimBride), KuaFiles);
        await ApproveNextAsync(app, staff, marriage);
        (await ReloadAsync(app, p.MuslimGroom)).MaritalStatus.ShouldBe(MaritalStatus.Kawin);
        (await ReloadAsync(app, p.MuslimBride)).MaritalStatus.ShouldBe(MaritalStatus.Kawin);

        // A seeded couple: head and wife on one KK, no marriage recorded here.
        var divorce = await SubmitAsync(app, father, "perceraian-pa", Divorce(r.Father, r.Mother, "Pengadilan Agama Balikpapan"), ReligiousDivorceFiles);
        await ApproveNextAsync(app, staff, divorce);
        (await ReloadAsync(app, r.Father)).MaritalStatus.ShouldBe(MaritalStatus.CeraiHidup);
        var mother = await ReloadAsync(app, r.Mother);
        mother.MaritalStatus.ShouldBe(MaritalStatus.CeraiHidup);
        mother.HouseholdId.ShouldBe(r.Family.Id);
        await using var db = app.Database.NewContext();
        (await db.PopulationEvents.CountAsync(e => e.ApplicationId == divorce && e.Kind == PopulationEventKind.Divorce)).ShouldBe(2);
        (await db.PopulationEvents.CountAsync(e => e.ApplicationId == marriage && e.Kind == PopulationEventKind.Marriage)).ShouldBe(2);
    }

    [Theory, BothDatabases]
    public async Task A_marriage_approved_after_a_spouse_married_someone_else_is_not_applied(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var p = await CivilRegistryPeople.CreateAsync(app, r);
        var groom = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.Groom, "+6281234500204"));
        var bride = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, p.Bride, "+6281234500205"));
        var staff = Staff(await app.CreateStaffAsync(r.Office));
        var first = await SubmitAsync(app, groom, "akta-perkawinan", Marriage(p.Groom, p.Bride), MarriageFiles);
        // Valid when submitted: the first marriage was not yet approved.
        var second = await SubmitAsync(app, bride, "akta-perkawinan", Marriage(p.Groom, p.Bride), MarriageFiles);
        await ApproveNextAsync(app, staff, first);

        var claim = (await app.TakeNextAsync(staff)).Application.ShouldNotBeNull();
        claim.Id.ShouldBe(second);
        await Should.ThrowAsync<InvalidOperationException>(() => app.DecideAsync(staff, new DecisionRequest(claim.Id, claim.Version, DecisionKind.Approve)));

        (await app.ReloadAsync(second)).Status.ShouldBe(ApplicationStatus.InReview);
        await using var db = app.Database.NewContext();
        (await db.PopulationEvents.CountAsync(e => e.ApplicationId == second)).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task Departure_marks_the_movers_moved_out_and_keeps_them(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var father = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Father));
        var neighbour = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Neighbour, "+6281234500206"));
        var staff = Staff(await app.CreateStaffAsync(r.Office));

        var some = await SubmitAsync(app, father, "pindah-keluar", Departure(r, r.Father, "sebagian", r.Teen, r.Child), [File("kk"), File("persetujuan-kepala-keluarga")]);
        await ApproveNextAsync(app, staff, some);

        foreach (var mover in new[] { r.Teen, r.Child })
        {
            var moved = await ReloadAsync(app, mover);
            moved.Status.ShouldBe(ResidentStatus.MovedOut);
            moved.MovedOutOn.ShouldBe(new DateOnly(2026, 12, 15));
            moved.MovedToRegionCode.ShouldBe("35.78");
            moved.HouseholdId.ShouldBe(r.Family.Id);
            moved.RtUnitId.ShouldBe(r.Family.RtUnitId);
        }

        (await ReloadAsync(app, r.Father)).Status.ShouldBe(ResidentStatus.Alive);
        (await ReloadAsync(app, r.Mother)).Status.ShouldBe(ResidentStatus.Alive);

        var whole = await SubmitAsync(app, neighbour, "pindah-keluar", Departure(r, r.Neighbour), [File("kk")]);
        await ApproveNextAsync(app, staff, whole);
        (await ReloadAsync(app, r.Neighbour)).Status.ShouldBe(ResidentStatus.MovedOut);
        (await ReloadAsync(app, r.Deceased)).Status.ShouldBe(ResidentStatus.Deceased);

        await using var db = app.Database.NewContext();
        var events = await db.PopulationEvents.Where(e => e.Kind == PopulationEventKind.Departure).OrderBy(e => e.Id).ToListAsync();
        events.Select(e => (e.ResidentId, e.ApplicationId)).ShouldBe([(r.Teen.Id, some), (r.Child.Id, some), (r.Neighbour.Id, whole)], ignoreOrder: true);
        events.ShouldAllBe(e => e.RtUnitId == r.Family.RtUnitId && e.OccurredOn == new DateOnly(2026, 12, 15));
        events[0].Details!.ShouldContain("KOTA SURABAYA", Case.Insensitive);
        (await db.Residents.CountAsync()).ShouldBe(7);
    }

    [Theory, BothDatabases]
    public async Task Move_within_the_city_takes_the_household_and_its_living_members_to_the_new_rt(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var mother = await app.CreateClientAsync(await TestRegister.CitizenAsync(app, r.Mother));
        var staff = Staff(await app.CreateStaffAsync(r.Office));
        int newRt;
        await using (var db = app.Database.NewContext())
        {
            newRt = (await db.RtUnits.SingleAsync(u => u.Rw == 3 && u.Rt == 12)).Id;
        }

        var move = await SubmitAsync(app, mother, "pindah-dalam-kota", MoveWithinCity(r, r.Mother), [File("kk")]);
        await ApproveNextAsync(app, staff, move);

        await using var after = app.Database.NewContext();
        var household = await after.Households.SingleAsync(h => h.Id == r.Family.Id);
        household.RtUnitId.ShouldBe(newRt);
        household.Address.ShouldBe("Jl. Marsma R. Iswahyudi No. 40");
        household.KkNumber.ShouldBe(r.Family.KkNumber);
        var members = await after.Residents.Where(x => x.HouseholdId == r.Family.Id).ToListAsync();
        members.Count.ShouldBe(4);
        members.ShouldAllBe(m => m.RtUnitId == newRt);
        members.Select(m => m.Nik).ShouldBe([r.Father.Nik, r.Mother.Nik, r.Teen.Nik, r.Child.Nik], ignoreOrder: true);
        var events = await after.PopulationEvents.Where(e => e.ApplicationId == move).ToListAsync();
        events.Count.ShouldBe(4);
        events.ShouldAllBe(e => e.Kind == PopulationEventKind.MoveWithinCity && e.RtUnitId == newRt && e.OccurredOn == new DateOnly(2026, 11, 23));
        events[0].Details.ShouldBe("Dari Jl. Mulawarman No. 7, RT 001/RW 001, 64.71.05.1002");
        // The neighbour's KK in the old RT is untouched.
        (await after.Households.SingleAsync(h => h.Id == r.Other.Id)).RtUnitId.ShouldBe(r.Family.RtUnitId);
    }
}
