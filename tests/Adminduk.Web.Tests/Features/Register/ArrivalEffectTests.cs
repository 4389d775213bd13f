using Adminduk.Domain.Applications;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Register.Effects;
using Adminduk.Web.Features.Register.History;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.Register;

public sealed class ArrivalEffectTests
{
    private static Dictionary<string, string?> Arrival(string nik = "3578010101900001") => new()
    {
        ["nik"] = nik,
        ["fullName"] = "Budi Santoso",
        ["birthDate"] = "1990-01-01",
        ["birthPlace"] = "Surabaya",
        ["religion"] = "Kristen",
        ["maritalStatus"] = "BelumKawin",
        ["education"] = "DiplomaIvStrataI",
        ["occupation"] = "Guru",
        ["originRegency"] = "35.78",
        ["skpwniNumber"] = "SKPWNI/3578/2026/000123",
        ["destinationKelurahan"] = TestRegister.Village,
        ["rw"] = "3",
        ["rt"] = "12",
        ["address"] = "Jl. Sepinggan Baru No. 4",
        ["kkOption"] = ArrivalEffect.NewKk,
    };

    [Theory, BothDatabases]
    public async Task A_newcomer_keeps_the_nik_and_heads_a_new_household_at_the_chosen_rt(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var siti = Staff(await app.CreateStaffAsync(r.Office));

        var approved = await Approvals.ApprovedAsync(app, r.Office, siti, ArrivalEffect.Code, Arrival());

        await using var db = app.Database.NewContext();
        var budi = await db.Residents.Include(x => x.Household).ThenInclude(h => h!.RtUnit).SingleAsync(x => x.Nik == "3578010101900001");
        budi.FullName.ShouldBe("Budi Santoso");
        budi.Sex.ShouldBe(Sex.Male);
        budi.Religion.ShouldBe(Religion.Kristen);
        budi.Education.ShouldBe(Education.DiplomaIvStrataI);
        budi.Occupation.ShouldBe("Guru");
        budi.Status.ShouldBe(ResidentStatus.Alive);
        budi.RelationshipToHead.ShouldBe(RelationshipToHead.KepalaKeluarga);
        var home = budi.Household.ShouldNotBeNull();
        // Kecamatan 64.71.05, issued Monday 23-11-2026 (office date), first serial.
        home.KkNumber.ShouldBe("6471052311260001");
        home.IssuedOn.ShouldBe(new DateOnly(2026, 11, 23));
        home.Address.ShouldBe("Jl. Sepinggan Baru No. 4");
        (home.RtUnit!.VillageCode, home.RtUnit.Rw, home.RtUnit.Rt).ShouldBe((TestRegister.Village, 3, 12));
        budi.RtUnitId.ShouldBe(home.RtUnitId);
        var e = await db.PopulationEvents.SingleAsync(x => x.ApplicationId == approved.Id);
        (e.Kind, e.ResidentId, e.HouseholdId, e.RtUnitId).ShouldBe((PopulationEventKind.Arrival, budi.Id, (int?)home.Id, (int?)home.RtUnitId));
        e.OccurredOn.ShouldBe(new DateOnly(2026, 11, 23));
        e.Details.ShouldBe("35.78; SKPWNI SKPWNI/3578/2026/000123");
    }

    [Theory, BothDatabases]
    public async Task A_newcomer_joining_a_kk_lives_where_that_household_lives(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var siti = Staff(await app.CreateStaffAsync(r.Office));
        var form = Arrival("3578014101950002");
        form["fullName"] = "Rina Santoso";
        form["kkOption"] = ArrivalEffect.JoinKk;
        form["joinKkNumber"] = r.Family.KkNumber;
        form["relationship"] = "FamiliLain";

        await Approvals.ApprovedAsync(app, r.Office, siti, ArrivalEffect.Code, form);

        await using var db = app.Database.NewContext();
        var rina = await db.Residents.SingleAsync(x => x.Nik == "3578014101950002");
        rina.Sex.ShouldBe(Sex.Female);
        rina.HouseholdId.ShouldBe(r.Family.Id);
        rina.RtUnitId.ShouldBe(r.Family.RtUnitId);
        rina.RelationshipToHead.ShouldBe(RelationshipToHead.FamiliLain);
        (await db.Households.CountAsync()).ShouldBe(2);
        (await db.NumberSerials.CountAsync()).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task Someone_who_moved_out_and_returns_is_resident_again_and_the_register_remembers_the_absence(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var siti = Staff(await app.CreateStaffAsync(r.Office));
        var before = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromDays(1));
        var form = Arrival(r.MovedOut.Nik);
        form["fullName"] = r.MovedOut.FullName;
        form["birthDate"] = r.MovedOut.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        form["maritalStatus"] = "Kawin";

        await Approvals.ApprovedAsync(app, r.Office, siti, ArrivalEffect.Code, form);

        await using var db = app.Database.NewContext();
        var yusuf = await db.Residents.SingleAsync(x => x.Nik == r.MovedOut.Nik);
        yusuf.Id.ShouldBe(r.MovedOut.Id);
        yusuf.Status.ShouldBe(ResidentStatus.Alive);
        yusuf.MovedOutOn.ShouldBeNull();
        yusuf.MovedToRegionCode.ShouldBeNull();
        yusuf.MaritalStatus.ShouldBe(MaritalStatus.Kawin);
        yusuf.HouseholdId.ShouldNotBe(r.Other.Id);
        var then = (await ResidentHistory.AsOfAsync(db, yusuf.Id, before)).ShouldNotBeNull();
        then.Status.ShouldBe(ResidentStatus.MovedOut);
        then.MovedToRegionCode.ShouldBe("35.78");
        then.MaritalStatus.ShouldBe(MaritalStatus.BelumKawin);
        then.KkNumber.ShouldBe(r.Other.KkNumber);
        var now = (await ResidentHistory.AsOfAsync(db, yusuf.Id, app.Time.GetUtcNow())).ShouldNotBeNull();
        now.Status.ShouldBe(ResidentStatus.Alive);
        now.KkNumber.ShouldBe("6471052411260001");
    }

    [Theory, BothDatabases]
    public async Task A_living_resident_cannot_arrive_again(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var siti = Staff(await app.CreateStaffAsync(r.Office));
        var claim = await Approvals.ClaimAsync(app, r.Office, siti, ArrivalEffect.Code, Arrival(r.Neighbour.Nik));

        await Should.ThrowAsync<RegisterEffectException>(() => Approvals.ApproveAsync(app, siti, claim));

        await using var db = app.Database.NewContext();
        (await db.Applications.SingleAsync(a => a.Id == claim.Id)).Status.ShouldBe(ApplicationStatus.InReview);
        (await db.Households.CountAsync()).ShouldBe(2);
        (await db.Set<ResidentVersion>().CountAsync(v => v.ResidentId == r.Neighbour.Id)).ShouldBe(1);
    }
}
