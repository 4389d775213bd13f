using Adminduk.Domain.Applications;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Features.Rt;

/// <summary>
/// A small Balikpapan for the RT and statistics tests: an office (regency 64.71), two kecamatan, RT A (Damai Baru) with
/// known residents and events, RT B (Gunung Samarinda Baru, the "foreign" RT) with its own, and an RT head for each.
/// Today is the app's: Monday 23 November 2026 in Balikpapan.
/// </summary>
internal sealed class RtTestCity
{
    public const string DistrictA = "64.71.01";
    public const string VillageA = "64.71.01.1011";
    public const string DistrictB = "64.71.05";
    public const string VillageB = "64.71.05.1006";
    public const string ForeignName = "Yohanes Asing Sekali";
    public static readonly DateOnly Today = new(2026, 11, 23);

    private static int serial;

    public required Office Office { get; init; }

    public required RtUnit RtA { get; init; }

    public required RtUnit RtB { get; init; }

    public required AppUser HeadA { get; init; }

    public required AppUser HeadB { get; init; }

    /// <summary>RT A's residents in the order created: living first, then one deceased and one moved out.</summary>
    public required IReadOnlyList<Resident> ResidentsA { get; init; }

    public required Resident Foreign { get; init; }

    public required Household HouseholdA1 { get; init; }

    public static async Task<RtTestCity> CreateAsync(AppFactory app)
    {
        var office = await app.CreateOfficeAsync();
        var rtA = new RtUnit { VillageCode = VillageA, Rw = 1, Rt = 1 };
        var rtB = new RtUnit { VillageCode = VillageB, Rw = 4, Rt = 7 };
        var residents = new List<Resident>();
        Resident foreign = null!;
        Household householdA1 = null!;
        await app.SeedAsync(db =>
        {
            db.Regions.AddRange(
                new RegionRecord { Code = DistrictA, Name = "Balikpapan Selatan", Level = RegionLevel.District, ParentCode = "64.71" },
                new RegionRecord { Code = VillageA, Name = "Damai Baru", Level = RegionLevel.Village, ParentCode = DistrictA },
                new RegionRecord { Code = DistrictB, Name = "Balikpapan Utara", Level = RegionLevel.District, ParentCode = "64.71" },
                new RegionRecord { Code = VillageB, Name = "Gunung Samarinda Baru", Level = RegionLevel.Village, ParentCode = DistrictB });
            db.RtUnits.AddRange(rtA, rtB);

            householdA1 = NewHousehold(rtA, "Jl. Mawar No. 1");
            var householdA2 = NewHousehold(rtA, "Jl. Mawar No. 2");
            var householdA3 = NewHousehold(rtA, "Jl. Mawar No. 3");
            // RT A, living: 3 men and 4 women. Ages on 23-11-2026: 46, 44, 16, 5 (born exactly 5 years ago), 4 (5 tomorrow), 80, 30.
            residents.Add(NewResident(householdA1, "Budi Santoso", Sex.Male, new DateOnly(1980, 5, 2), RelationshipToHead.KepalaKeluarga, "Wiraswasta", Education.Slta, Religion.Islam));
            residents.Add(NewResident(householdA1, "Siti Rahmawati", Sex.Female, new DateOnly(1982, 7, 9), RelationshipToHead.Istri, "Mengurus Rumah Tangga", Education.Slta, Religion.Islam));
            residents.Add(NewResident(householdA1, "Andi Santoso", Sex.Male, new DateOnly(2010, 1, 15), RelationshipToHead.Anak, "Pelajar/Mahasiswa", Education.Sltp, Religion.Islam));
            residents.Add(NewResident(householdA1, "Nur Aini", Sex.Female, Today.AddYears(-5), RelationshipToHead.Anak, "Belum/Tidak Bekerja", Education.TidakBelumSekolah, Religion.Islam));
            residents.Add(NewResident(householdA2, "Putri Lestari", Sex.Female, Today.AddYears(-5).AddDays(1), RelationshipToHead.Anak, "Belum/Tidak Bekerja", Education.TidakBelumSekolah, Religion.Kristen));
            residents.Add(NewResident(householdA2, "Maria Goreti", Sex.Female, new DateOnly(1946, 2, 1), RelationshipToHead.KepalaKeluarga, "Pensiunan", Education.Sd, Religion.Katolik));
            residents.Add(NewResident(householdA2, "Made Wirawan", Sex.Male, new DateOnly(1996, 3, 3), RelationshipToHead.FamiliLain, "Karyawan Swasta", Education.DiplomaIvStrataI, Religion.Hindu));
            // Not living in RT A any more: not counted, but listed under their status.
            var deceased = NewResident(householdA3, "Almarhum Slamet", Sex.Male, new DateOnly(1940, 1, 1), RelationshipToHead.KepalaKeluarga, "Pensiunan", Education.Sd, Religion.Islam);
            deceased.Status = ResidentStatus.Deceased;
            deceased.DeceasedOn = new DateOnly(2026, 6, 10);
            residents.Add(deceased);
            var movedOut = NewResident(householdA3, "Rina Pindahan", Sex.Female, new DateOnly(1990, 8, 8), RelationshipToHead.Istri, "Guru", Education.DiplomaIvStrataI, Religion.Islam);
            movedOut.Status = ResidentStatus.MovedOut;
            movedOut.MovedOutOn = new DateOnly(2026, 9, 1);
            residents.Add(movedOut);

            var householdB = NewHousehold(rtB, "Jl. Asing No. 9");
            foreign = NewResident(householdB, ForeignName, Sex.Male, new DateOnly(1975, 4, 4), RelationshipToHead.KepalaKeluarga, "Nelayan", Education.Sd, Religion.Kristen);
            foreach (var name in new[] { "Lukas Asing", "Paulus Asing" })
            {
                NewResident(householdB, name, Sex.Male, new DateOnly(2001, 1, 1), RelationshipToHead.Anak, "Nelayan", Education.Slta, Religion.Kristen);
            }

            db.Households.AddRange(householdA1, householdA2, householdA3, householdB);
            return Task.CompletedTask;
        });

        var now = app.Time.GetUtcNow();
        await app.SeedAsync(db =>
        {
            PopulationEvent Event(PopulationEventKind kind, Resident r, RtUnit rt, DateOnly on) => new()
            {
                Kind = kind,
                ResidentId = r.Id,
                HouseholdId = r.HouseholdId,
                RtUnitId = rt.Id,
                OccurredOn = on,
                RecordedAt = now,
            };
            db.PopulationEvents.AddRange(
                Event(PopulationEventKind.Birth, residents[3], rtA, new DateOnly(2026, 11, 2)),
                Event(PopulationEventKind.Birth, residents[4], rtA, new DateOnly(2026, 11, 20)),
                Event(PopulationEventKind.Death, residents[7], rtA, new DateOnly(2026, 6, 10)),
                Event(PopulationEventKind.Departure, residents[8], rtA, new DateOnly(2026, 9, 1)),
                Event(PopulationEventKind.Arrival, residents[6], rtA, new DateOnly(2025, 12, 1)),
                // Outside the 12 months (December 2025 .. November 2026) or not one of the four kinds: not counted.
                Event(PopulationEventKind.Arrival, residents[6], rtA, new DateOnly(2025, 11, 30)),
                Event(PopulationEventKind.DataChange, residents[0], rtA, new DateOnly(2026, 10, 5)),
                Event(PopulationEventKind.MoveWithinCity, residents[1], rtA, new DateOnly(2026, 10, 6)),
                // Another RT's event never counts for RT A.
                Event(PopulationEventKind.Birth, foreign, rtB, new DateOnly(2026, 11, 3)));
            return Task.CompletedTask;
        });

        var headA = await app.CreateUserAsync(Roles.RtHead, "+6281300000001", u =>
        {
            u.FullName = "Ketua RT Damai Baru";
            u.RtUnitId = rtA.Id;
        });
        var headB = await app.CreateUserAsync(Roles.RtHead, "+6281300000002", u =>
        {
            u.FullName = "Ketua RT Gunung Samarinda";
            u.RtUnitId = rtB.Id;
        });
        return new RtTestCity
        {
            Office = office,
            RtA = rtA,
            RtB = rtB,
            HeadA = headA,
            HeadB = headB,
            ResidentsA = residents,
            Foreign = foreign,
            HouseholdA1 = householdA1,
        };
    }

    /// <summary>An application of the office submitted (and optionally decided) at the given instants.</summary>
    public static Application NewApplication(Office office, string service, DateTimeOffset submittedAt, ApplicationStatus status = ApplicationStatus.Queued,
        DateTimeOffset? decidedAt = null) => new()
        {
            OfficeId = office.Id,
            ServiceCode = service,
            Status = status,
            ApplicantUserId = Guid.NewGuid(),
            FormJson = "{}",
            CreatedAt = submittedAt,
            UpdatedAt = decidedAt ?? submittedAt,
            SubmittedAt = submittedAt,
            QueuedAt = submittedAt,
            DecidedAt = decidedAt,
        };

    private static Household NewHousehold(RtUnit rt, string address)
    {
        var number = Interlocked.Increment(ref serial);
        var district = rt.VillageCode[..8].Replace(".", "", StringComparison.Ordinal);
        return new Household
        {
            KkNumber = NumberComposer.KkNumber(district, new DateOnly(2015, 3, 12), 7000 + number),
            RtUnit = rt,
            Address = address,
            IssuedOn = new DateOnly(2015, 3, 12),
        };
    }

    private static Resident NewResident(Household household, string name, Sex sex, DateOnly birthDate, RelationshipToHead relationship,
        string occupation, Education education, Religion religion)
    {
        var number = Interlocked.Increment(ref serial);
        var resident = new Resident
        {
            Nik = NumberComposer.Nik(household.RtUnit!.VillageCode[..8].Replace(".", "", StringComparison.Ordinal), birthDate, sex, 7000 + number),
            Household = household,
            RtUnit = household.RtUnit,
            RelationshipToHead = relationship,
            FullName = name,
            Sex = sex,
            BirthPlace = "Balikpapan",
            BirthDate = birthDate,
            Religion = religion,
            MaritalStatus = relationship is RelationshipToHead.Anak ? MaritalStatus.BelumKawin : MaritalStatus.Kawin,
            Education = education,
            Occupation = occupation,
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        household.Members.Add(resident);
        return resident;
    }
}
