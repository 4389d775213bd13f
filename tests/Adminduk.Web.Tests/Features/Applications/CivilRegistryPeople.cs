using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Features.Applications;

/// <summary>
/// People for the marriage and divorce services, added next to a <see cref="TestRegister"/>: single Christians and
/// single Muslims each in their parents' KK, a Christian couple heading their own KK, and a married Christian woman
/// in yet another KK (married, but not to the Christian husband).
/// </summary>
public sealed class CivilRegistryPeople
{
    public required Resident Groom { get; init; }

    public required Resident Bride { get; init; }

    public required Resident MuslimGroom { get; init; }

    public required Resident MuslimBride { get; init; }

    public required Resident ChristianHusband { get; init; }

    public required Resident ChristianWife { get; init; }

    public required Resident OtherMarriedWoman { get; init; }

    public required Household GroomFamily { get; init; }

    public static async Task<CivilRegistryPeople> CreateAsync(AppFactory app, TestRegister r)
    {
        var at = app.Time.GetUtcNow();
        var rtUnitId = r.Family.RtUnitId;
        Household Kk(int serial, string address) => new()
        {
            KkNumber = NumberComposer.KkNumber("647105", new DateOnly(2018, 5, 5), serial),
            RtUnitId = rtUnitId,
            Address = address,
            IssuedOn = new DateOnly(2018, 5, 5),
        };
        Resident Person(string name, Sex sex, DateOnly born, Household h, RelationshipToHead rel, Religion religion, MaritalStatus marital) => new()
        {
            Nik = NumberComposer.Nik("647105", born, sex, 60),
            FullName = name,
            Sex = sex,
            BirthPlace = "Balikpapan",
            BirthDate = born,
            Religion = religion,
            MaritalStatus = marital,
            Education = Education.DiplomaIvStrataI,
            Occupation = "Karyawan Swasta",
            Household = h,
            RelationshipToHead = rel,
            RtUnitId = rtUnitId,
            CreatedAt = at,
            UpdatedAt = at,
        };

        var groomFamily = Kk(61, "Jl. Ahmad Yani No. 3");
        var brideFamily = Kk(62, "Jl. Pattimura No. 8");
        var muslimFamily = Kk(63, "Jl. Soekarno-Hatta Km 5");
        var christianCouple = Kk(64, "Jl. Kartini No. 21");
        var otherFamily = Kk(65, "Jl. Gajah Mada No. 4");
        var people = new CivilRegistryPeople
        {
            GroomFamily = groomFamily,
            Groom = Person("Yohanes Sitorus", Sex.Male, new DateOnly(1996, 4, 12), groomFamily, RelationshipToHead.Anak, Religion.Kristen, MaritalStatus.BelumKawin),
            Bride = Person("Maria Goreti Lestari", Sex.Female, new DateOnly(1998, 9, 3), brideFamily, RelationshipToHead.Anak, Religion.Katolik, MaritalStatus.BelumKawin),
            MuslimGroom = Person("Ahmad Fauzi", Sex.Male, new DateOnly(1995, 1, 20), muslimFamily, RelationshipToHead.Anak, Religion.Islam, MaritalStatus.BelumKawin),
            MuslimBride = Person("Nurul Hidayah", Sex.Female, new DateOnly(1999, 2, 14), brideFamily, RelationshipToHead.FamiliLain, Religion.Islam, MaritalStatus.CeraiHidup),
            ChristianHusband = Person("Daniel Wuisan", Sex.Male, new DateOnly(1980, 6, 30), christianCouple, RelationshipToHead.KepalaKeluarga, Religion.Kristen, MaritalStatus.Kawin),
            ChristianWife = Person("Grace Manoppo", Sex.Female, new DateOnly(1983, 8, 17), christianCouple, RelationshipToHead.Istri, Religion.Kristen, MaritalStatus.Kawin),
            OtherMarriedWoman = Person("Ketut Ayu Lestari", Sex.Female, new DateOnly(1984, 12, 1), otherFamily, RelationshipToHead.Istri, Religion.Kristen, MaritalStatus.Kawin),
        };
        await app.SeedAsync(db =>
        {
            db.AddRange(people.Groom, people.Bride, people.MuslimGroom, people.MuslimBride, people.ChristianHusband, people.ChristianWife, people.OtherMarriedWoman);
            return Task.CompletedTask;
        });
        return people;
    }
}
