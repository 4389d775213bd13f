using System.Globalization;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Register.Effects;
using Adminduk.Web.Features.Register.History;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Adminduk.Web.Tests.Features.BackOffice.BackOfficeTestData;

namespace Adminduk.Web.Tests.Features.Register;

public sealed class BirthEffectTests
{
    private static readonly DateOnly Born = new(2026, 11, 20);

    private static Dictionary<string, string?> Birth(TestRegister r, string name = "Aisyah Saputri", string sex = "Female", Resident? mother = null) => new()
    {
        ["childName"] = name,
        ["childSex"] = sex,
        ["childBirthDate"] = "2026-11-20",
        ["childBirthTime"] = "04:10",
        ["childBirthPlace"] = "Balikpapan",
        ["birthPlaceType"] = "rumah-sakit",
        ["birthOrder"] = "3",
        ["motherNik"] = (mother ?? r.Mother).Nik,
        ["fatherNik"] = r.Father.Nik,
        ["kkNumber"] = r.Family.KkNumber,
    };

    [Theory, BothDatabases]
    public async Task A_birth_adds_the_child_to_the_household_with_a_new_nik_and_a_birth_event(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var siti = Staff(await app.CreateStaffAsync(r.Office));

        var approved = await Approvals.ApprovedAsync(app, r.Office, siti, BirthEffect.Code, Birth(r));

        await using var db = app.Database.NewContext();
        var child = await db.Residents.SingleAsync(x => x.FullName == "Aisyah Saputri");
        // Household in kecamatan 64.71.05, girl born 20-11-2026: day + 40, first serial of that prefix.
        child.Nik.ShouldBe(NumberComposer.Nik("647105", Born, Sex.Female, 1));
        child.Nik.ShouldBe("6471056011260001");
        child.HouseholdId.ShouldBe(r.Family.Id);
        child.RtUnitId.ShouldBe(r.Family.RtUnitId);
        child.RelationshipToHead.ShouldBe(RelationshipToHead.Anak);
        child.MotherId.ShouldBe(r.Mother.Id);
        child.FatherId.ShouldBe(r.Father.Id);
        child.Sex.ShouldBe(Sex.Female);
        child.BirthDate.ShouldBe(Born);
        child.BirthPlace.ShouldBe("Balikpapan");
        child.Religion.ShouldBe(Religion.Islam);
        child.MaritalStatus.ShouldBe(MaritalStatus.BelumKawin);
        child.Status.ShouldBe(ResidentStatus.Alive);
        var e = await db.PopulationEvents.SingleAsync(x => x.ApplicationId == approved.Id);
        e.Kind.ShouldBe(PopulationEventKind.Birth);
        e.ResidentId.ShouldBe(child.Id);
        e.HouseholdId.ShouldBe(r.Family.Id);
        e.RtUnitId.ShouldBe(r.Family.RtUnitId);
        e.OccurredOn.ShouldBe(Born);
        var version = await db.Set<ResidentVersion>().SingleAsync(v => v.ResidentId == child.Id);
        version.ValidFrom.ShouldBe(app.Time.GetUtcNow());
        version.KkNumber.ShouldBe(r.Family.KkNumber);
        (await db.Applications.SingleAsync(a => a.Id == approved.Id)).Status.ShouldBe(ApplicationStatus.Approved);
    }

    [Theory, BothDatabases]
    public async Task Boys_and_girls_born_the_same_day_count_separately_and_follow_numbers_in_use(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var siti = Staff(await app.CreateStaffAsync(r.Office));

        await Approvals.ApprovedAsync(app, r.Office, siti, BirthEffect.Code, Birth(r, "Putri Satu"));
        await Approvals.ApprovedAsync(app, r.Office, siti, BirthEffect.Code, Birth(r, "Putri Dua"));
        await Approvals.ApprovedAsync(app, r.Office, siti, BirthEffect.Code, Birth(r, "Putra Satu", "Male"));

        await using var db = app.Database.NewContext();
        var niks = await db.Residents.Where(x => x.BirthDate == Born).OrderBy(x => x.Id).Select(x => x.Nik).ToListAsync();
        niks.ShouldBe(["6471056011260001", "6471056011260002", "6471052011260001"]);
    }

    [Theory, BothDatabases]
    public async Task A_grandchild_born_to_the_heads_daughter_is_recorded_as_cucu(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var siti = Staff(await app.CreateStaffAsync(r.Office));
        var daughter = new Resident
        {
            Nik = NumberComposer.Nik("647105", new DateOnly(2004, 5, 5), Sex.Female, 1),
            FullName = "Dewi Saputri",
            Sex = Sex.Female,
            BirthPlace = "Balikpapan",
            BirthDate = new DateOnly(2004, 5, 5),
            Religion = Religion.Islam,
            MaritalStatus = MaritalStatus.Kawin,
            Education = Education.Slta,
            Occupation = "Mengurus Rumah Tangga",
            HouseholdId = r.Family.Id,
            RtUnitId = r.Family.RtUnitId,
            RelationshipToHead = RelationshipToHead.Anak,
        };
        await app.SeedAsync(db =>
        {
            db.Residents.Add(daughter);
            return Task.CompletedTask;
        });
        var form = Birth(r, "Cucu Pertama", mother: daughter);
        form.Remove("fatherNik");

        await Approvals.ApprovedAsync(app, r.Office, siti, BirthEffect.Code, form);

        await using var db = app.Database.NewContext();
        var baby = await db.Residents.SingleAsync(x => x.FullName == "Cucu Pertama");
        baby.RelationshipToHead.ShouldBe(RelationshipToHead.Cucu);
        baby.MotherId.ShouldBe(daughter.Id);
        baby.FatherId.ShouldBeNull();
    }

    [Theory, BothDatabases]
    public async Task A_birth_into_a_kk_that_is_gone_approves_nothing(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var siti = Staff(await app.CreateStaffAsync(r.Office));
        var form = Birth(r);
        form["kkNumber"] = NumberComposer.KkNumber("647105", new DateOnly(2014, 1, 1), 77);
        var claim = await Approvals.ClaimAsync(app, r.Office, siti, BirthEffect.Code, form);

        await Should.ThrowAsync<RegisterEffectException>(() => Approvals.ApproveAsync(app, siti, claim));

        await using var db = app.Database.NewContext();
        (await db.Applications.SingleAsync(a => a.Id == claim.Id)).Status.ShouldBe(ApplicationStatus.InReview);
        (await db.PopulationEvents.CountAsync()).ShouldBe(0);
        (await db.NumberSerials.CountAsync()).ShouldBe(0);
    }

    /// <summary>Operators approving births of one district and birth date at once, each in their own transaction.</summary>
    [Fact]
    public async Task Concurrent_birth_approvals_on_postgres_get_distinct_consecutive_niks()
    {
        const int operators = 8;
        await using var app = await AppFactory.CreateAsync(DatabaseProvider.Postgres);
        var r = await TestRegister.CreateAsync(app);
        var claims = new List<(StaffMember Who, Application Claim)>();
        for (var i = 0; i < operators; i++)
        {
            var who = Staff(await app.CreateStaffAsync(r.Office));
            claims.Add((who, await Approvals.ClaimAsync(app, r.Office, who, BirthEffect.Code,
                Birth(r, string.Create(CultureInfo.InvariantCulture, $"Bayi {i}"), "Male"))));
        }

        using var start = new SemaphoreSlim(0, operators);
        var decisions = claims.Select(c => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Approvals.ApproveAsync(app, c.Who, c.Claim);
        })).ToList();
        start.Release(operators);
        var results = await Task.WhenAll(decisions);

        results.Select(x => x.Outcome).ShouldAllBe(o => o == DecisionOutcome.Done);
        await using var db = app.Database.NewContext();
        var niks = await db.Residents.Where(x => x.FullName.StartsWith("Bayi ")).Select(x => x.Nik).ToListAsync();
        niks.Count.ShouldBe(operators);
        niks.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(1, operators).Select(s => NumberComposer.Nik("647105", Born, Sex.Male, s)));
        (await db.PopulationEvents.CountAsync(e => e.Kind == PopulationEventKind.Birth)).ShouldBe(operators);
        (await db.NumberSerials.SingleAsync(n => n.Prefix.StartsWith("nik:"))).Last.ShouldBe(operators);
    }
}
