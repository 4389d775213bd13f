using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Features.Applications;

/// <summary>
/// More people for the household and death services, next to <see cref="TestRegister"/>: a married son with his wife
/// and baby on the family's KK, a widowed grandmother and a young man each alone on their own KK, and two adult
/// siblings whose head of household has died.
/// </summary>
public sealed class HouseholdPeople
{
    public required Resident Son { get; init; }

    public required Resident DaughterInLaw { get; init; }

    public required Resident Grandchild { get; init; }

    public required Resident Grandmother { get; init; }

    public required Household GrandmotherKk { get; init; }

    public required Resident YoungMan { get; init; }

    public required Household OrphanKk { get; init; }

    public required Resident OrphanElder { get; init; }

    public required Resident OrphanYounger { get; init; }

    public static async Task<HouseholdPeople> CreateAsync(AppFactory app, TestRegister r)
    {
        var at = app.Time.GetUtcNow();
        var rtId = r.Family.RtUnitId;
        Resident Person(string name, Sex sex, DateOnly born, Household household, RelationshipToHead rel, MaritalStatus marital, ResidentStatus status = ResidentStatus.Alive) => new()
        {
            Nik = NumberComposer.Nik("647105", born, sex, 5),
            FullName = name,
            Sex = sex,
            BirthPlace = "Balikpapan",
            BirthDate = born,
            Religion = Religion.Islam,
            MaritalStatus = marital,
            Education = Education.Slta,
            Occupation = "Karyawan Swasta",
            HouseholdId = household.Id == 0 ? null : household.Id,
            Household = household.Id == 0 ? household : null,
            RelationshipToHead = rel,
            RtUnitId = rtId,
            Status = status,
            DeceasedOn = status == ResidentStatus.Deceased ? new DateOnly(2024, 1, 1) : null,
            CreatedAt = at,
            UpdatedAt = at,
        };
        Household Kk(DateOnly issued, string address) => new() { KkNumber = NumberComposer.KkNumber("647105", issued, 7), RtUnitId = rtId, Address = address, IssuedOn = issued };

        var grandmotherKk = Kk(new DateOnly(2012, 3, 3), "Jl. Kenari No. 1");
        var youngManKk = Kk(new DateOnly(2021, 4, 4), "Jl. Kenari No. 3");
        var orphanKk = Kk(new DateOnly(2010, 5, 5), "Jl. Kenari No. 5");
        var people = new HouseholdPeople
        {
            Son = Person("Dimas Saputra", Sex.Male, new DateOnly(1998, 1, 15), r.Family, RelationshipToHead.Anak, MaritalStatus.Kawin),
            DaughterInLaw = Person("Ayu Lestari", Sex.Female, new DateOnly(2000, 2, 2), r.Family, RelationshipToHead.Menantu, MaritalStatus.Kawin),
            Grandchild = Person("Bayu Saputra", Sex.Male, new DateOnly(2024, 5, 5), r.Family, RelationshipToHead.Cucu, MaritalStatus.BelumKawin),
            Grandmother = Person("Sri Wahyuni", Sex.Female, new DateOnly(1950, 6, 6), grandmotherKk, RelationshipToHead.KepalaKeluarga, MaritalStatus.CeraiMati),
            GrandmotherKk = grandmotherKk,
            YoungMan = Person("Joko Susilo", Sex.Male, new DateOnly(2001, 7, 7), youngManKk, RelationshipToHead.KepalaKeluarga, MaritalStatus.BelumKawin),
            OrphanKk = orphanKk,
            OrphanElder = Person("Rina Marlina", Sex.Female, new DateOnly(1995, 8, 8), orphanKk, RelationshipToHead.Anak, MaritalStatus.BelumKawin),
            OrphanYounger = Person("Rudi Hartono", Sex.Male, new DateOnly(1997, 9, 9), orphanKk, RelationshipToHead.Anak, MaritalStatus.BelumKawin),
        };
        var lateHead = Person("Hartono", Sex.Male, new DateOnly(1960, 10, 10), orphanKk, RelationshipToHead.KepalaKeluarga, MaritalStatus.CeraiMati, ResidentStatus.Deceased);
        await app.SeedAsync(db =>
        {
            db.AddRange(people.Son, people.DaughterInLaw, people.Grandchild, people.Grandmother, people.YoungMan, people.OrphanElder, people.OrphanYounger, lateHead);
            return Task.CompletedTask;
        });
        return people;
    }
}
