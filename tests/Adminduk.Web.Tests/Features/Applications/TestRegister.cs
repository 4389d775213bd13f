using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Features.Applications;

/// <summary>
/// A small Balikpapan register for engine tests: one household in RT 1 / RW 1 of Sepinggan (64.71.05.1002)
/// with a father, mother, a 16-year-old and a 10-year-old, a second household, and a deceased and a moved-out person.
/// </summary>
public sealed class TestRegister
{
    public const string Village = "64.71.05.1002";

    public required Office Office { get; init; }

    public required Household Family { get; init; }

    public required Household Other { get; init; }

    public required Resident Father { get; init; }

    public required Resident Mother { get; init; }

    public required Resident Teen { get; init; }

    public required Resident Child { get; init; }

    public required Resident Neighbour { get; init; }

    public required Resident Deceased { get; init; }

    public required Resident MovedOut { get; init; }

    /// <summary>
    /// Builds the register. A non-zero <paramref name="variant"/> gives another office, RT and serials, so several
    /// registers can share one app (the browser tests share theirs).
    /// </summary>
    public static async Task<TestRegister> CreateAsync(AppFactory app, int variant = 0)
    {
        var office = new Office { Code = variant == 0 ? "BPN" : $"BPN{variant}", Name = "Disdukcapil Kota Balikpapan", RegencyCode = "64.71", TimeZoneId = "Asia/Makassar" };
        var rt = new RtUnit { VillageCode = Village, Rw = 1, Rt = 1 + variant };
        var at = app.Time.GetUtcNow();
        var family = new Household { KkNumber = NumberComposer.KkNumber("647105", new DateOnly(2015, 1, 1), 3 + (variant * 10)), RtUnit = rt, Address = "Jl. Mulawarman No. 7", IssuedOn = new DateOnly(2015, 1, 1) };
        var other = new Household { KkNumber = NumberComposer.KkNumber("647105", new DateOnly(2016, 2, 2), 4 + (variant * 10)), RtUnit = rt, Address = "Jl. Mulawarman No. 9", IssuedOn = new DateOnly(2016, 2, 2) };
        Resident Person(string name, Sex sex, DateOnly born, int serial, Household? h, RelationshipToHead rel, MaritalStatus marital, ResidentStatus status = ResidentStatus.Alive) => new()
        {
            Nik = NumberComposer.Nik("647105", born, sex, serial + (variant * 10)),
            FullName = name,
            Sex = sex,
            BirthPlace = "Balikpapan",
            BirthDate = born,
            Religion = Religion.Islam,
            MaritalStatus = marital,
            Education = Education.Slta,
            Occupation = "Karyawan Swasta",
            Household = h,
            RelationshipToHead = rel,
            RtUnit = rt,
            Status = status,
            DeceasedOn = status == ResidentStatus.Deceased ? new DateOnly(2025, 5, 1) : null,
            MovedOutOn = status == ResidentStatus.MovedOut ? new DateOnly(2025, 6, 1) : null,
            MovedToRegionCode = status == ResidentStatus.MovedOut ? "35.78" : null,
            CreatedAt = at,
            UpdatedAt = at,
        };

        var register = new TestRegister
        {
            Office = office,
            Family = family,
            Other = other,
            Father = Person("Andi Saputra", Sex.Male, new DateOnly(1985, 3, 9), 1, family, RelationshipToHead.KepalaKeluarga, MaritalStatus.Kawin),
            Mother = Person("Siti Rahmawati", Sex.Female, new DateOnly(1988, 7, 1), 1, family, RelationshipToHead.Istri, MaritalStatus.Kawin),
            Teen = Person("Rizky Saputra", Sex.Male, new DateOnly(2010, 1, 15), 1, family, RelationshipToHead.Anak, MaritalStatus.BelumKawin),
            Child = Person("Nadia Saputri", Sex.Female, new DateOnly(2016, 4, 20), 1, family, RelationshipToHead.Anak, MaritalStatus.BelumKawin),
            Neighbour = Person("Bambang Wijaya", Sex.Male, new DateOnly(1979, 11, 2), 1, other, RelationshipToHead.KepalaKeluarga, MaritalStatus.Kawin),
            Deceased = Person("Almarhum Darmo", Sex.Male, new DateOnly(1940, 1, 1), 1, other, RelationshipToHead.OrangTua, MaritalStatus.CeraiMati, ResidentStatus.Deceased),
            MovedOut = Person("Yusuf Pindah", Sex.Male, new DateOnly(1990, 2, 2), 1, other, RelationshipToHead.Anak, MaritalStatus.BelumKawin, ResidentStatus.MovedOut),
        };

        await app.SeedAsync(db =>
        {
            db.Offices.Add(office);
            db.AddRange(register.Father, register.Mother, register.Teen, register.Child, register.Neighbour, register.Deceased, register.MovedOut);
            if (variant == 0)
            {
                db.RtUnits.Add(new RtUnit { VillageCode = Village, Rw = 3, Rt = 12 });
            }

            return Task.CompletedTask;
        });
        return register;
    }

    /// <summary>A citizen account linked to a resident, with a phone for notifications.</summary>
    public static Task<AppUser> CitizenAsync(AppFactory app, Resident? linked, string phone = "+6281234500001") =>
        app.CreateUserAsync(Roles.Citizen, phone, u =>
        {
            u.PhoneNumber = phone;
            u.PhoneNumberConfirmed = true;
            u.ResidentId = linked?.Id;
            u.FullName = linked?.FullName ?? "Pendatang";
        });
}
