using System.Globalization;
using System.Text.RegularExpressions;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Seeding;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.Seeding;

public partial class DemoCitySeederTests(SeededCityFixture fixture) : IClassFixture<SeededCityFixture>
{
    private const string Bpn = DemoOffices.BalikpapanRegency;
    private const string Plg = DemoOffices.PalembangRegency;
    private static readonly DateOnly WindowStart = SeededCityFixture.Today.AddYears(-1);

    [Theory, BothDatabases]
    public async Task Balikpapan_has_6_kecamatan_34_kelurahan_and_1143_rt(DatabaseProvider provider)
    {
        var city = await fixture.GetAsync(provider);
        city.Regions.Count.ShouldBe(RegionCatalog.Default.Count);
        var districts = city.Regions.Where(r => r.ParentCode == Bpn).Select(r => r.Code).ToHashSet();
        districts.Count.ShouldBe(6);
        var villages = city.Regions.Where(r => r.ParentCode is not null && districts.Contains(r.ParentCode)).ToList();
        villages.Count.ShouldBe(34);
        villages.ShouldAllBe(v => v.Level == RegionLevel.Village);

        var rts = city.RtsOf(Bpn).ToList();
        rts.Count.ShouldBe(1_143);
        rts.Select(r => r.VillageCode).Distinct().Count().ShouldBe(34);
        rts.ShouldAllBe(r => r.Rw >= 1 && r.Rt >= 1);
        rts.GroupBy(r => (r.VillageCode, r.Rw)).ShouldAllBe(g => g.Count() <= 9 && g.Select(r => r.Rt).Order().SequenceEqual(Enumerable.Range(1, g.Count())));

        // Palembang exists so that nothing is tied to one city.
        city.Regions.Count(r => r.ParentCode == Plg).ShouldBe(18);
        city.RtsOf(Plg).Select(r => r.VillageCode).Distinct().Count().ShouldBe(RegionCatalog.Default.ChildrenOf(Plg).Sum(d => RegionCatalog.Default.ChildrenOf(d.Code).Count));
        city.RtUnits.Count.ShouldBe(city.Result.RtUnits);
    }

    [Theory, BothDatabases]
    public async Task Offices_have_their_settings_and_the_national_holidays(DatabaseProvider provider)
    {
        var city = await fixture.GetAsync(provider);
        var bpn = city.Offices.Single(o => o.Code == DemoOffices.BalikpapanCode);
        bpn.RegencyCode.ShouldBe(Bpn);
        bpn.TimeZoneId.ShouldBe("Asia/Makassar");
        bpn.DailyCutoff.ShouldBe(new TimeOnly(13, 0));
        bpn.WalkInPolicy.ShouldBe(WalkInPolicy.TurnAway);
        var main = bpn.ServicePoints.Single(p => p.Kind == ServicePointKind.MainOffice);
        main.Address.ShouldContain("MT Haryono");
        main.Address.ShouldContain("Damai Baru");
        main.Address.ShouldContain("Balikpapan Selatan");
        bpn.ServicePoints.ShouldContain(p => p.Kind == ServicePointKind.Uptd);

        var plg = city.Offices.Single(o => o.Code == DemoOffices.PalembangCode);
        plg.TimeZoneId.ShouldBe("Asia/Jakarta");
        plg.WalkInPolicy.ShouldBe(WalkInPolicy.Serve);
        (plg.OperatorCount, plg.ApplicationsPerOperatorPerDay).ShouldBe((3, 500));
        plg.ServicePoints.Count(p => p.Kind == ServicePointKind.Uptd).ShouldBeGreaterThanOrEqualTo(2);

        city.Holidays.ShouldAllBe(h => h.OfficeId == null);
        var dates = city.Holidays.Select(h => h.Date).ToHashSet();
        dates.ShouldContain(new DateOnly(2026, 1, 1));
        dates.ShouldContain(new DateOnly(2026, 8, 17));
        dates.ShouldContain(new DateOnly(2026, 12, 25));
        dates.ShouldContain(new DateOnly(2027, 8, 17));
        city.Holidays.Count(h => h.Date.Year == 2026).ShouldBeGreaterThanOrEqualTo(20);
        city.Holidays.Count(h => h.Date.Year == 2027).ShouldBeGreaterThanOrEqualTo(15);
        dates.Count.ShouldBe(city.Holidays.Count);
    }

    [Theory, BothDatabases]
    public async Task Nik_and_kk_numbers_are_well_formed_and_unique(DatabaseProvider provider)
    {
        var city = await fixture.GetAsync(provider);
        city.Residents.Select(r => r.Nik).Distinct().Count().ShouldBe(city.Residents.Count);
        foreach (var r in city.Residents)
        {
            var nik = r.Nik;
            DigitsOnly().IsMatch(nik).ShouldBeTrue(nik);
            var district = RegionCode.FromDigits(nik[..6])!;
            (RegionCatalog.Default.Find(district)?.Level == RegionLevel.District || RenumberedRegencies.IsOldDistrict(district))
                .ShouldBeTrue($"{nik}: {district} is no district");
            var day = int.Parse(nik[6..8], CultureInfo.InvariantCulture);
            day.ShouldBe(r.BirthDate.Day + (r.Sex == Sex.Female ? 40 : 0), nik);
            nik[8..10].ShouldBe(r.BirthDate.Month.ToString("00", CultureInfo.InvariantCulture), nik);
            nik[10..12].ShouldBe((r.BirthDate.Year % 100).ToString("00", CultureInfo.InvariantCulture), nik);
            int.Parse(nik[12..], CultureInfo.InvariantCulture).ShouldBeInRange(1, 9999);
        }

        var rts = city.RtUnits.ToDictionary(r => r.Id);
        city.Households.Select(h => h.KkNumber).Distinct().Count().ShouldBe(city.Households.Count);
        foreach (var h in city.Households)
        {
            var kk = h.KkNumber;
            DigitsOnly().IsMatch(kk).ShouldBeTrue(kk);
            kk[..6].ShouldBe(RegionCode.ParentOf(rts[h.RtUnitId].VillageCode)!.Replace(".", "", StringComparison.Ordinal), kk);
            kk[6..12].ShouldBe(h.IssuedOn.ToString("ddMMyy", CultureInfo.InvariantCulture), kk);
            int.Parse(kk[12..], CultureInfo.InvariantCulture).ShouldBeInRange(1, 9999);
            h.IssuedOn.ShouldBeLessThan(SeededCityFixture.Today);
        }
    }

    [Theory, BothDatabases]
    public async Task Households_and_their_members_are_consistent(DatabaseProvider provider)
    {
        var city = await fixture.GetAsync(provider);
        var today = SeededCityFixture.Today;
        var byHousehold = city.Residents.ToLookup(r => r.HouseholdId);
        city.Residents.ShouldAllBe(r => r.HouseholdId != null);
        foreach (var h in city.Households)
        {
            var members = byHousehold[h.Id].ToList();
            members.ShouldNotBeEmpty();
            members.ShouldAllBe(m => m.RtUnitId == h.RtUnitId);
            var head = members.Single(m => m.RelationshipToHead == RelationshipToHead.KepalaKeluarga);
            if (members.Any(m => m.Status == ResidentStatus.Alive))
            {
                head.Status.ShouldBe(ResidentStatus.Alive, head.Nik);
            }

            (Age(head.BirthDate, today) >= 17 || head.Status != ResidentStatus.Alive).ShouldBeTrue(head.Nik);
            var spouses = members.Where(m => m.RelationshipToHead is RelationshipToHead.Istri or RelationshipToHead.Suami).ToList();
            foreach (var spouse in spouses.Where(s => s.Status == ResidentStatus.Alive))
            {
                spouse.MaritalStatus.ShouldBe(MaritalStatus.Kawin, spouse.Nik);
                head.MaritalStatus.ShouldBe(MaritalStatus.Kawin, head.Nik);
                spouse.Sex.ShouldNotBe(head.Sex);
            }

            if (spouses.Count > 0 && spouses.All(s => s.Status == ResidentStatus.Deceased))
            {
                head.MaritalStatus.ShouldBe(MaritalStatus.CeraiMati, head.Nik);
            }

            foreach (var child in members.Where(m => m.RelationshipToHead == RelationshipToHead.Anak))
            {
                foreach (var parent in spouses.Append(head))
                {
                    (child.BirthDate.DayNumber - parent.BirthDate.DayNumber).ShouldBeGreaterThan(15 * 365, $"{child.Nik} vs {parent.Nik}");
                }
            }

            foreach (var grandchild in members.Where(m => m.RelationshipToHead == RelationshipToHead.Cucu))
            {
                grandchild.BirthDate.ShouldBeGreaterThan(head.BirthDate.AddYears(30));
            }
        }
    }

    [Theory, BothDatabases]
    public async Task Statuses_dates_education_and_occupation_fit_each_resident(DatabaseProvider provider)
    {
        var city = await fixture.GetAsync(provider);
        var today = SeededCityFixture.Today;
        foreach (var r in city.Residents)
        {
            r.BirthDate.ShouldBeLessThan(today);
            switch (r.Status)
            {
                case ResidentStatus.Alive:
                    (r.DeceasedOn, r.MovedOutOn, r.MovedToRegionCode).ShouldBe((null, null, null), r.Nik);
                    break;
                case ResidentStatus.Deceased:
                    r.DeceasedOn.ShouldNotBeNull(r.Nik);
                    r.DeceasedOn.Value.ShouldBeGreaterThanOrEqualTo(r.BirthDate);
                    r.DeceasedOn.Value.ShouldBeLessThan(today);
                    r.MovedOutOn.ShouldBeNull();
                    break;
                case ResidentStatus.MovedOut:
                    r.MovedOutOn.ShouldNotBeNull(r.Nik);
                    r.MovedOutOn.Value.ShouldBeLessThan(today);
                    RegionCatalog.Default.Find(r.MovedToRegionCode!).ShouldNotBeNull(r.Nik);
                    r.MovedToRegionCode!.StartsWith(Bpn + ".", StringComparison.Ordinal).ShouldBeFalse();
                    r.DeceasedOn.ShouldBeNull();
                    break;
            }

            var age = Age(r.BirthDate, r.DeceasedOn ?? r.MovedOutOn ?? today);
            if (age < 17)
            {
                r.MaritalStatus.ShouldBe(MaritalStatus.BelumKawin, r.Nik);
            }

            Demography.MinimumAge(r.Education).ShouldBeLessThanOrEqualTo(age, r.Nik);
            if (age < 5)
            {
                r.Occupation.ShouldBe("Belum/Tidak Bekerja", r.Nik);
            }
            else if (age < 16)
            {
                r.Occupation.ShouldBe("Pelajar/Mahasiswa", r.Nik);
            }

            if (r.Occupation is "Pensiunan")
            {
                age.ShouldBeGreaterThanOrEqualTo(58, r.Nik);
            }

            if (r.Occupation is "Dokter" or "Guru")
            {
                (r.Education >= Education.DiplomaIvStrataI).ShouldBeTrue(r.Nik);
            }

            r.Citizenship.ShouldBe(Citizenship.Wni);
            r.UpdatedAt.ShouldBeGreaterThanOrEqualTo(r.CreatedAt);
            r.CreatedAt.ShouldBeLessThan(SeededCityFixture.Now);
            r.UpdatedAt.ShouldBeLessThan(SeededCityFixture.Now);
        }
    }

    [Theory, BothDatabases]
    public async Task The_population_looks_like_balikpapan(DatabaseProvider provider)
    {
        var city = await fixture.GetAsync(provider);
        var today = SeededCityFixture.Today;
        var bpnRts = city.RtIdsOf(Bpn);
        var living = city.Residents.Where(r => r.Status == ResidentStatus.Alive && bpnRts.Contains(r.RtUnitId!.Value)).ToList();
        living.Count.ShouldBe(SeededCityFixture.Residents);
        city.Result.LivingResidents.ShouldBe(city.Residents.Count(r => r.Status == ResidentStatus.Alive));

        var men = living.Count(r => r.Sex == Sex.Male);
        ((double)men / (living.Count - men)).ShouldBeInRange(0.9, 1.1);
        Share(living, r => Age(r.BirthDate, today) < 15).ShouldBeInRange(0.20, 0.35);
        Share(living, r => Age(r.BirthDate, today) < 1).ShouldBeInRange(0.005, 0.04);
        Share(living, r => Age(r.BirthDate, today) is >= 15 and < 45).ShouldBeInRange(0.40, 0.60);
        Share(living, r => Age(r.BirthDate, today) >= 65).ShouldBeInRange(0.02, 0.10);
        Share(living, r => r.Religion == Religion.Islam).ShouldBeInRange(0.75, 0.93);
        Share(living, r => r.Religion is Religion.Kristen or Religion.Katolik).ShouldBeInRange(0.05, 0.20);
        Share(living, r => !r.Nik.StartsWith("6471", StringComparison.Ordinal)).ShouldBeInRange(0.08, 0.25);
        Share(living, r => r.Phone is not null).ShouldBeInRange(0.3, 0.7);
        Share(living, r => r.Occupation == "Pelajar/Mahasiswa").ShouldBeInRange(0.15, 0.35);
        living.Select(r => r.Occupation).Distinct().Count().ShouldBeGreaterThanOrEqualTo(15);
        living.Select(r => r.FullName).Distinct().Count().ShouldBeGreaterThan(living.Count * 9 / 10);
        living.Select(r => r.FullName.Split(' ')[0]).Distinct().Count().ShouldBeGreaterThan(500);
        living.Count(r => r.RelationshipToHead == RelationshipToHead.KepalaKeluarga).ShouldBeInRange(living.Count / 5, living.Count / 3);

        // Everyone's household is in Balikpapan and some people have left or died.
        city.Residents.Count(r => r.Status == ResidentStatus.Deceased).ShouldBeGreaterThan(0);
        city.Residents.Count(r => r.Status == ResidentStatus.MovedOut).ShouldBeGreaterThan(0);
        var phones = city.Residents.Where(r => r.Phone is not null).Select(r => r.Phone!).ToList();
        phones.ShouldAllBe(p => PhonePattern().IsMatch(p));
        phones.Distinct().Count().ShouldBe(phones.Count);
    }

    [Theory, BothDatabases]
    public async Task Events_of_the_last_twelve_months_match_the_residents(DatabaseProvider provider)
    {
        var city = await fixture.GetAsync(provider);
        var today = SeededCityFixture.Today;
        var residents = city.Residents.ToDictionary(r => r.Id);
        foreach (var kind in new[]
        {
            PopulationEventKind.Birth, PopulationEventKind.Death, PopulationEventKind.Arrival, PopulationEventKind.Departure,
            PopulationEventKind.MoveWithinCity, PopulationEventKind.DataChange,
        })
        {
            city.Events.ShouldContain(e => e.Kind == kind, kind.ToString());
        }

        foreach (var e in city.Events)
        {
            // The register as it stood at the start of the day: nothing dated today, no time in the future.
            e.OccurredOn.ShouldBeInRange(WindowStart, today.AddDays(-1));
            DateOnly.FromDateTime(e.RecordedAt.ToOffset(TimeSpan.FromHours(8)).DateTime).ShouldBeGreaterThanOrEqualTo(e.OccurredOn);
            e.RecordedAt.ShouldBeLessThan(SeededCityFixture.Now);
            e.Details.ShouldNotBeNullOrWhiteSpace();
            var r = residents[e.ResidentId];
            e.RtUnitId.ShouldBe(r.RtUnitId);
            e.HouseholdId.ShouldBe(r.HouseholdId);
            switch (e.Kind)
            {
                case PopulationEventKind.Birth:
                    r.BirthDate.ShouldBe(e.OccurredOn);
                    break;
                case PopulationEventKind.Death:
                    (r.Status, r.DeceasedOn).ShouldBe((ResidentStatus.Deceased, e.OccurredOn));
                    break;
                case PopulationEventKind.Departure:
                    (r.Status, r.MovedOutOn).ShouldBe((ResidentStatus.MovedOut, e.OccurredOn));
                    break;
                case PopulationEventKind.Arrival:
                    r.BirthDate.ShouldBeLessThan(e.OccurredOn);
                    r.Nik.StartsWith(r.RtUnitId is { } id && city.RtIdsOf(Plg).Contains(id) ? "1671" : "6471", StringComparison.Ordinal).ShouldBeFalse(r.Nik);
                    break;
                case PopulationEventKind.Marriage:
                    r.MaritalStatus.ShouldBe(MaritalStatus.Kawin);
                    break;
                case PopulationEventKind.MoveWithinCity or PopulationEventKind.DataChange:
                    r.Status.ShouldBe(ResidentStatus.Alive);
                    break;
            }
        }

        // The other way round: every birth, death and departure in the window has its event.
        var byResident = city.Events.ToLookup(e => e.ResidentId);
        foreach (var r in city.Residents)
        {
            var kinds = byResident[r.Id].Select(e => e.Kind).ToList();
            if (r.BirthDate >= WindowStart)
            {
                kinds.ShouldContain(k => k == PopulationEventKind.Birth || k == PopulationEventKind.Arrival, r.Nik);
            }

            if (r.DeceasedOn >= WindowStart)
            {
                kinds.ShouldContain(PopulationEventKind.Death, r.Nik);
            }

            if (r.MovedOutOn >= WindowStart)
            {
                kinds.ShouldContain(PopulationEventKind.Departure, r.Nik);
            }
        }
    }

    [Theory, BothDatabases]
    public async Task Every_rt_has_a_head_account_and_the_demo_accounts_sign_in(DatabaseProvider provider)
    {
        var city = await fixture.GetAsync(provider);
        var roles = city.Roles.ToDictionary(r => r.Id);
        city.Roles.Select(r => r.Name).Order().ShouldBe(Roles.All.Order());
        city.Roles.ShouldAllBe(r => r.NormalizedName == r.Name!.ToUpperInvariant());
        var roleOf = city.UserRoles.GroupBy(l => l.UserId).ToDictionary(g => g.Key, g => g.Select(l => roles[l.RoleId].Name!).Single());
        city.Users.ShouldAllBe(u => roleOf.ContainsKey(u.Id));
        city.Users.ShouldAllBe(u => u.NormalizedUserName == u.UserName!.ToUpperInvariant() && !string.IsNullOrEmpty(u.SecurityStamp)
            && !string.IsNullOrEmpty(u.ConcurrencyStamp) && u.PasswordHash != null && u.LockoutEnabled);
        city.Users.Select(u => u.NormalizedUserName).Distinct().Count().ShouldBe(city.Users.Count);

        var heads = city.Users.Where(u => roleOf[u.Id] == Roles.RtHead).ToList();
        heads.Count.ShouldBe(city.RtUnits.Count);
        heads.Select(u => u.RtUnitId).Distinct().Count().ShouldBe(city.RtUnits.Count);
        var residentsByPhone = city.Residents.Where(r => r.Phone is not null).ToDictionary(r => r.Phone!);
        foreach (var head in heads)
        {
            PhonePattern().IsMatch(head.UserName!).ShouldBeTrue(head.UserName);
            head.PhoneNumber.ShouldBe(head.UserName);
            var resident = residentsByPhone[head.UserName!];
            (resident.RtUnitId, resident.Status, resident.FullName).ShouldBe((head.RtUnitId, ResidentStatus.Alive, head.FullName));
        }

        var hasher = new PasswordHasher<AppUser>();
        var demoHeads = heads.Where(u => !u.MustChangePassword).ToList();
        demoHeads.Select(u => u.UserName).Order().ShouldBe([DemoAccounts.BalikpapanRtHead, DemoAccounts.PalembangRtHead]);
        var demoRt = city.RtUnits.Single(r => r.Id == demoHeads.Single(u => u.UserName == DemoAccounts.BalikpapanRtHead).RtUnitId);
        (demoRt.VillageCode, demoRt.Rw, demoRt.Rt).ShouldBe((DemoAccounts.BalikpapanRtHeadVillage, 1, 1));
        foreach (var user in demoHeads)
        {
            hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoAccounts.Password).ShouldNotBe(PasswordVerificationResult.Failed);
        }

        var other = heads.First(u => u.MustChangePassword);
        hasher.VerifyHashedPassword(other, other.PasswordHash!, DemoAccounts.InitialRtHeadPassword).ShouldNotBe(PasswordVerificationResult.Failed);
        hasher.VerifyHashedPassword(other, other.PasswordHash!, DemoAccounts.Password).ShouldBe(PasswordVerificationResult.Failed);

        var offices = city.Offices.ToDictionary(o => o.Code, o => o.Id);
        foreach (var (userName, _, role, officeCode) in DemoAccounts.Staff)
        {
            var user = city.Users.Single(u => u.UserName == userName);
            roleOf[user.Id].ShouldBe(role);
            user.OfficeId.ShouldBe(officeCode is null ? null : offices[officeCode]);
            (user.Email, user.EmailConfirmed, user.MustChangePassword).ShouldBe((userName, true, false));
            hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoAccounts.Password).ShouldNotBe(PasswordVerificationResult.Failed);
        }

        var citizen = city.Users.Single(u => u.UserName == DemoAccounts.Citizen);
        roleOf[citizen.Id].ShouldBe(Roles.Citizen);
        var linked = city.Residents.Single(r => r.Id == citizen.ResidentId);
        (linked.Phone, linked.Status, linked.FullName).ShouldBe((DemoAccounts.Citizen, ResidentStatus.Alive, citizen.FullName));
        city.RtIdsOf(Bpn).ShouldContain(linked.RtUnitId!.Value);
        hasher.VerifyHashedPassword(citizen, citizen.PasswordHash!, DemoAccounts.Password).ShouldNotBe(PasswordVerificationResult.Failed);
    }

    [Theory, BothDatabases]
    public async Task A_database_with_offices_is_refused(DatabaseProvider provider)
    {
        var city = await fixture.GetAsync(provider);
        await using var db = city.Database.NewContext();
        await Should.ThrowAsync<InvalidOperationException>(
            () => new DemoCitySeeder(TimeProvider.System).SeedAsync(db, new SeedOptions { Residents = 2_000 }));
        (await db.Residents.CountAsync()).ShouldBe(city.Residents.Count);
    }

    [Theory, BothDatabases]
    public async Task Seeding_leaves_the_schema_as_migrated(DatabaseProvider provider)
    {
        // On PostgreSQL the bulk copy drops and rebuilds indexes and foreign keys of the big tables.
        var city = await fixture.GetAsync(provider);
        city.Residents.Count.ShouldBeGreaterThan(1_000);
        await using var fresh = await TestDatabase.CreateAsync(provider);
        var expected = await SchemaAsync(fresh);
        expected.ShouldContain(s => s.Contains("IX_Residents_Nik", StringComparison.Ordinal));
        (await SchemaAsync(city.Database)).ShouldBe(expected);
    }

    [Theory, BothDatabases]
    public async Task The_same_seed_builds_the_same_city_and_another_seed_another(DatabaseProvider provider)
    {
        var options = new SeedOptions { Residents = 1_500, PalembangResidents = 1_000, RandomSeed = 77 };
        await using var first = await TestDatabase.CreateAsync(provider);
        await using var second = await TestDatabase.CreateAsync(provider);
        await using var third = await TestDatabase.CreateAsync(provider);
        await SeededCityFixture.SeedAsync(first, options);
        await SeededCityFixture.SeedAsync(second, options);
        await SeededCityFixture.SeedAsync(third, options with { RandomSeed = 78 });

        var a = await SnapshotAsync(first);
        var b = await SnapshotAsync(second);
        var c = await SnapshotAsync(third);
        a.Count.ShouldBeGreaterThan(2_500);
        b.ShouldBe(a);
        c.ShouldNotBe(a);
    }

    [Fact]
    public void The_name_lists_hold_over_a_thousand_given_and_family_names()
    {
        var data = SeedData.Default;
        data.DistinctGivenNames.Count.ShouldBeGreaterThanOrEqualTo(1_000);
        data.DistinctFamilyNames.Count.ShouldBeGreaterThanOrEqualTo(1_000);
        foreach (var tradition in Tradition.All.Keys.Where(k => k is not "arab" and not "islam"))
        {
            data.Given(tradition, Sex.Male).ShouldNotBeEmpty(tradition);
            data.Given(tradition, Sex.Female).ShouldNotBeEmpty(tradition);
        }

        foreach (var tradition in Tradition.All.Keys)
        {
            data.Family(tradition, Sex.Male).ShouldNotBeEmpty(tradition);
        }

        data.Given("islam", Sex.Female).ShouldContain("Siti");
        data.Given("islam", Sex.Male).ShouldNotContain("Siti");
        data.Streets[Bpn].ShouldContain("Jl. MT Haryono");
    }

    [Fact]
    public void Migrants_carry_nik_prefixes_of_their_origin_including_renumbered_regions()
    {
        // A larger city in memory only: old Kalimantan Utara and Papua prefixes are rare.
        var rows = new SeedRows();
        var generator = new PopulationGenerator(CityProfile.Balikpapan, RegionCatalog.Default, SeedData.Default, new SeededRandom(5), rows,
            SeededCityFixture.Today, TimeSpan.FromHours(8));
        generator.CreateRts();
        generator.Populate(60_000);

        generator.Living.ShouldBe(60_000);
        var prefixes = rows.Residents.Select(r => r.Nik[..4]).ToList();
        prefixes.ShouldContain(p => p.StartsWith("35", StringComparison.Ordinal));
        prefixes.ShouldContain(p => p.StartsWith("73", StringComparison.Ordinal));
        prefixes.ShouldContain(p => p.StartsWith("63", StringComparison.Ordinal));
        var retired = prefixes.Where(p => RenumberedRegencies.Regencies.Any(h => h.OldCode.Replace(".", "", StringComparison.Ordinal) == p)).ToList();
        retired.ShouldContain(p => p.StartsWith("64", StringComparison.Ordinal));
        retired.ShouldContain(p => p.StartsWith("91", StringComparison.Ordinal) || p.StartsWith("92", StringComparison.Ordinal));
        retired.ShouldAllBe(p => RegionCatalog.Default.Find(p) == null);
        rows.Residents.Where(r => RenumberedRegencies.IsOldDistrict(RegionCode.FromDigits(r.Nik[..6])!))
            .ShouldAllBe(r => r.BirthPlace != "Balikpapan");

        // At city density the households and the age pyramid are those of a young, growing city.
        var living = rows.Residents.Where(r => r.Status == ResidentStatus.Alive).ToList();
        var today = SeededCityFixture.Today;
        ((double)living.Count / living.Select(r => r.HouseholdId).Distinct().Count()).ShouldBeInRange(3.3, 4.1);
        Share(living, r => Age(r.BirthDate, today) < 15).ShouldBeInRange(0.22, 0.33);
        Share(living, r => Age(r.BirthDate, today) < 1).ShouldBeInRange(0.012, 0.025);
        Share(living, r => Age(r.BirthDate, today) >= 65).ShouldBeInRange(0.03, 0.07);
        Share(living, r => r.Religion == Religion.Islam).ShouldBeInRange(0.80, 0.90);
        Share(living, r => !r.Nik.StartsWith("6471", StringComparison.Ordinal)).ShouldBeInRange(0.12, 0.18);
        var men = living.Count(r => r.Sex == Sex.Male);
        ((double)men / (living.Count - men)).ShouldBeInRange(0.93, 1.07);
        rows.RtHeads.Count.ShouldBe(1_143);
    }

    [Fact]
    public void Apportion_keeps_the_total_and_the_minimum()
    {
        var shares = CityProfile.Apportion(1_143, [0.5, 1.8, 1.0, 0.7], minimum: 1);
        shares.Sum().ShouldBe(1_143);
        shares[1].ShouldBeGreaterThan(shares[0]);
        CityProfile.Apportion(4, [0.1, 5, 5, 5], minimum: 1).ShouldBe([1, 1, 1, 1]);
        Should.Throw<ArgumentOutOfRangeException>(() => CityProfile.Apportion(3, [1, 1, 1, 1], minimum: 1));
    }

    private static async Task<List<string>> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var residents = (await db.Residents.AsNoTracking().OrderBy(r => r.Id).ToListAsync())
            .Select(r => string.Join('|', r.Nik, r.FullName, r.BirthDate, r.Status, r.RtUnitId, r.HouseholdId, r.Phone, r.Occupation));
        var households = (await db.Households.AsNoTracking().OrderBy(h => h.Id).ToListAsync()).Select(h => h.KkNumber + "|" + h.Address);
        var events = (await db.PopulationEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync())
            .Select(e => string.Join('|', e.Kind, e.ResidentId, e.OccurredOn, e.RecordedAt.ToUnixTimeSeconds(), e.Details));
        var heads = await db.Users.AsNoTracking().Where(u => u.RtUnitId != null).OrderBy(u => u.RtUnitId).Select(u => u.UserName!).ToListAsync();
        return [.. residents, .. households, .. events, .. heads];
    }

    private static async Task<List<string>> SchemaAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = database.Provider == DatabaseProvider.Postgres
            ? """
              SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()
              UNION ALL
              SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
              WHERE connamespace = current_schema()::regnamespace
              """
            : "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL";
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetString(0));
        }

        return [.. result.Order(StringComparer.Ordinal)];
    }

    private static double Share(List<Resident> residents, Func<Resident, bool> predicate) => (double)residents.Count(predicate) / residents.Count;

    private static int Age(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return on < birth.AddYears(age) ? age - 1 : age;
    }

    [GeneratedRegex("^[0-9]{16}$")]
    private static partial Regex DigitsOnly();

    [GeneratedRegex(@"^\+628[0-9]{8,11}$")]
    private static partial Regex PhonePattern();
}
