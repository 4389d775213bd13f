using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Register.History;
using Adminduk.Web.Tests.Features.Applications;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.Register;

public sealed class ResidentHistoryTests
{
    [Theory, BothDatabases]
    public async Task Every_change_closes_the_old_version_and_the_data_of_any_earlier_moment_can_be_answered(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var created = app.Time.GetUtcNow();

        app.Time.Advance(TimeSpan.FromDays(10));
        var renamed = app.Time.GetUtcNow();
        await app.SeedAsync(async db =>
        {
            var teen = await db.Residents.SingleAsync(x => x.Id == r.Teen.Id);
            teen.FullName = "Rizky Pratama Saputra";
            teen.Occupation = "Pelajar/Mahasiswa";
        });
        app.Time.Advance(TimeSpan.FromDays(10));
        var moved = app.Time.GetUtcNow();
        await app.SeedAsync(async db =>
        {
            var teen = await db.Residents.SingleAsync(x => x.Id == r.Teen.Id);
            teen.HouseholdId = r.Other.Id;
            teen.RelationshipToHead = RelationshipToHead.FamiliLain;
        });

        await using var check = app.Database.NewContext();
        (await ResidentHistory.AsOfAsync(check, r.Teen.Id, created.AddSeconds(-1))).ShouldBeNull();
        var first = (await ResidentHistory.AsOfAsync(check, r.Teen.Id, created.AddDays(5))).ShouldNotBeNull();
        (first.FullName, first.KkNumber, first.RelationshipToHead).ShouldBe(("Rizky Saputra", r.Family.KkNumber, RelationshipToHead.Anak));
        var second = (await ResidentHistory.AsOfAsync(check, r.Teen.Id, renamed)).ShouldNotBeNull();
        (second.FullName, second.Occupation, second.KkNumber).ShouldBe(("Rizky Pratama Saputra", "Pelajar/Mahasiswa", r.Family.KkNumber));
        var third = (await ResidentHistory.AsOfAsync(check, r.Teen.Id, moved.AddDays(1))).ShouldNotBeNull();
        (third.FullName, third.KkNumber, third.Address, third.RelationshipToHead).ShouldBe(("Rizky Pratama Saputra", r.Other.KkNumber, r.Other.Address, RelationshipToHead.FamiliLain));
        third.ValidTo.ShouldBeNull();

        var timeline = await ResidentHistory.TimelineAsync(check, r.Teen.Id);
        timeline.Select(v => (v.ValidFrom, v.ValidTo)).ShouldBe([(created, renamed), (renamed, moved), (moved, (DateTimeOffset?)null)]);
    }

    [Theory, BothDatabases]
    public async Task A_resident_written_without_versions_keeps_its_data_since_creation_on_the_first_change(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        await using (var db = app.Database.NewContext())
        {
            // As the bulk seed leaves it: a resident row and no version.
            await db.Set<ResidentVersion>().ExecuteDeleteAsync();
        }

        var created = app.Time.GetUtcNow();
        (await AsOfAsync(app, r.Father.Id, created.AddDays(1)))!.MaritalStatus.ShouldBe(MaritalStatus.Kawin);
        (await AsOfAsync(app, r.Father.Id, created.AddDays(-1))).ShouldBeNull();

        app.Time.Advance(TimeSpan.FromDays(30));
        var divorced = app.Time.GetUtcNow();
        await app.SeedAsync(async db => (await db.Residents.SingleAsync(x => x.Id == r.Father.Id)).MaritalStatus = MaritalStatus.CeraiHidup);

        (await AsOfAsync(app, r.Father.Id, created.AddDays(1)))!.MaritalStatus.ShouldBe(MaritalStatus.Kawin);
        (await AsOfAsync(app, r.Father.Id, divorced))!.MaritalStatus.ShouldBe(MaritalStatus.CeraiHidup);
        await using var check = app.Database.NewContext();
        (await check.Set<ResidentVersion>().CountAsync(v => v.ResidentId == r.Father.Id)).ShouldBe(2);
        // Nobody else changed: nobody else got a version.
        (await check.Set<ResidentVersion>().CountAsync()).ShouldBe(2);
    }

    [Theory, BothDatabases]
    public async Task A_new_address_of_the_household_is_a_new_version_for_every_member(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        var before = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromDays(3));

        await app.SeedAsync(async db => (await db.Households.SingleAsync(h => h.Id == r.Family.Id)).Address = "Jl. Ahmad Yani No. 1");

        foreach (var member in new[] { r.Father, r.Mother, r.Teen, r.Child })
        {
            (await AsOfAsync(app, member.Id, before))!.Address.ShouldBe("Jl. Mulawarman No. 7");
            (await AsOfAsync(app, member.Id, app.Time.GetUtcNow()))!.Address.ShouldBe("Jl. Ahmad Yani No. 1");
        }

        (await AsOfAsync(app, r.Neighbour.Id, app.Time.GetUtcNow()))!.Address.ShouldBe("Jl. Mulawarman No. 9");
    }

    [Theory, BothDatabases]
    public async Task A_phone_change_is_not_a_register_change(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        app.Time.Advance(TimeSpan.FromDays(1));

        await app.SeedAsync(async db => (await db.Residents.SingleAsync(x => x.Id == r.Mother.Id)).Phone = "+6281299990000");

        await using var check = app.Database.NewContext();
        (await check.Set<ResidentVersion>().CountAsync(v => v.ResidentId == r.Mother.Id)).ShouldBe(1);
    }

    [Theory, BothDatabases]
    public async Task Staff_of_the_office_see_a_residents_data_at_a_date_and_every_look_up_is_audited(DatabaseProvider provider)
    {
        await using var app = await AppFactory.CreateAsync(provider);
        var r = await TestRegister.CreateAsync(app);
        app.Time.Advance(TimeSpan.FromDays(40));
        await app.SeedAsync(async db => (await db.Residents.SingleAsync(x => x.Id == r.Mother.Id)).FullName = "Siti Rahmawati Hasan");
        var operatorUser = await app.CreateUserAsync(Roles.Operator, configure: u => u.OfficeId = r.Office.Id);
        using var staff = await app.CreateClientAsync(operatorUser);
        var palembang = await app.CreateOfficeAsync("Disdukcapil Kota Palembang", "16.71", "Asia/Jakarta");
        using var stranger = await app.CreateClientAsync(await app.CreateUserAsync(Roles.Operator, configure: u => u.OfficeId = palembang.Id));
        var form = new Dictionary<string, string> { ["Nik"] = r.Mother.Nik, ["Date"] = "2026-11-30" };

        var then = await (await staff.PostFormAsync("/Register/History", form)).Content.ReadAsStringAsync();
        form["Date"] = "2027-01-05";
        var now = await (await staff.PostFormAsync("/Register/History", form)).Content.ReadAsStringAsync();
        var refused = await (await stranger.PostFormAsync("/Register/History", form)).Content.ReadAsStringAsync();

        then.ShouldContain("<dd>Siti Rahmawati</dd>");
        then.ShouldNotContain(r.Mother.Nik);
        now.ShouldContain("<dd>Siti Rahmawati Hasan</dd>");
        refused.ShouldContain("NIK tidak ditemukan di wilayah kantor ini.");
        refused.ShouldNotContain("Siti Rahmawati");
        await using var db = app.Database.NewContext();
        (await db.AuditEntries.CountAsync(a => a.Action == "resident.history-read" && a.ActorId == operatorUser.Id && a.SubjectId == r.Mother.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(2);
        (await db.AuditEntries.CountAsync(a => a.Action == "resident.history-not-found")).ShouldBe(1);
    }

    private static async Task<ResidentVersion?> AsOfAsync(AppFactory app, int residentId, DateTimeOffset at)
    {
        await using var db = app.Database.NewContext();
        return await ResidentHistory.AsOfAsync(db, residentId, at);
    }
}
