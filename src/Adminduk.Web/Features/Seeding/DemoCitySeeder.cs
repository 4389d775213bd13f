using System.Diagnostics;
using System.Security.Cryptography;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Seeding;

/// <summary>
/// Builds the demo city into an empty database: the national region tree, the Balikpapan and Palembang
/// offices with national holidays, RT units, households, residents, twelve months of population events,
/// and the accounts (RT heads, staff, administrator, a citizen). Used by start-up and by `adminduk seed`.
/// </summary>
public sealed class DemoCitySeeder(TimeProvider time, ILogger<DemoCitySeeder>? logger = null)
{
    public const string StageRegions = "Regions";
    public const string StagePlan = "Population plan";
    public const string StageOffices = "Offices";
    public const string StageRtUnits = "RT units";
    public const string StageHouseholds = "Households";
    public const string StageResidents = "Residents";
    public const string StageEvents = "Population events";
    public const string StageAccounts = "Accounts";

    private static readonly ILookupNormalizer Normalizer = new UpperInvariantLookupNormalizer();

    /// <summary>Seeds the city. Throws <see cref="InvalidOperationException"/> when the database already has offices.</summary>
    public async Task<SeedResult> SeedAsync(AdmindukDbContext db, SeedOptions options, IProgress<SeedProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        if (await db.Offices.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already has offices: the demo city is only seeded into an empty database.");
        }

        var catalog = RegionCatalog.Default;
        var data = SeedData.Default;
        var now = time.GetUtcNow();
        var random = new SeededRandom((ulong)options.RandomSeed);
        var rows = new SeedRows
        {
            NextRtId = (await db.RtUnits.MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0) + 1,
            NextHouseholdId = (await db.Households.MaxAsync(h => (int?)h.Id, cancellationToken) ?? 0) + 1,
            NextResidentId = (await db.Residents.MaxAsync(r => (int?)r.Id, cancellationToken) ?? 0) + 1,
            NextEventId = (await db.PopulationEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0) + 1,
        };
        foreach (var reserved in new[] { DemoAccounts.BalikpapanRtHead, DemoAccounts.PalembangRtHead, DemoAccounts.Citizen })
        {
            rows.Phones.Add(reserved);
        }

        // 1. Plan the population in memory (no database work).
        progress?.Report(new SeedProgress(StagePlan, 0, 2));
        var balikpapan = Plan(CityProfile.Balikpapan, catalog, data, random.Fork(1), rows, now, options.Residents);
        progress?.Report(new SeedProgress(StagePlan, 1, 2));
        var palembangRts = CityProfile.Palembang.LayOutRts(catalog).Count;
        var palembangResidents = options.PalembangResidents ?? Math.Max(options.Residents / 20, palembangRts * 3);
        var palembang = Plan(CityProfile.Palembang, catalog, data, random.Fork(2), rows, now, palembangResidents);
        progress?.Report(new SeedProgress(StagePlan, 2, 2));
        var accountsRandom = random.Fork(3);
        var demoCitizen = PrepareDemoResidents(rows, balikpapan, palembang);

        // 2. Write everything in one transaction.
        var writer = BulkWriter.For(db);
        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(cancellationToken);
        int regions;
        int offices;
        int accounts;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            regions = await WriteRegionsAsync(db, writer, catalog, progress, cancellationToken);

            progress?.Report(new SeedProgress(StageOffices, 0, 1));
            var newOffices = DemoOffices.Create();
            offices = newOffices.Count;
            db.Offices.AddRange(newOffices);
            db.OfficeHolidays.AddRange(DemoOffices.NationalHolidays());
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            progress?.Report(new SeedProgress(StageOffices, 1, 1));

            await WriteAsync(writer, StageRtUnits, rows.RtUnits, progress, cancellationToken);
            await WriteAsync(writer, StageHouseholds, rows.Households, progress, cancellationToken);
            await WriteAsync(writer, StageResidents, rows.Residents, progress, cancellationToken);
            await WriteAsync(writer, StageEvents, rows.Events, progress, cancellationToken);

            accounts = await WriteAccountsAsync(db, writer, rows, newOffices, demoCitizen, accountsRandom, now, progress, cancellationToken);

            await writer.ResetIdentityAsync<RtUnit>(cancellationToken);
            await writer.ResetIdentityAsync<Household>(cancellationToken);
            await writer.ResetIdentityAsync<Resident>(cancellationToken);
            await writer.ResetIdentityAsync<PopulationEvent>(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = previousDetect;
            await db.Database.CloseConnectionAsync();
        }

        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Fresh planner statistics for the tables that just grew from nothing.
            await db.Database.ExecuteSqlRawAsync(
                "ANALYZE \"Regions\", \"RtUnits\", \"Households\", \"Residents\", \"PopulationEvents\", \"AspNetUsers\"", cancellationToken);
        }

        var result = new SeedResult(
            regions,
            offices,
            rows.RtUnits.Count,
            rows.Households.Count,
            rows.Residents.Count,
            balikpapan.Living + palembang.Living,
            rows.Events.Count,
            accounts,
            stopwatch.Elapsed);
        logger?.LogInformation(
            "Seeded the demo city in {Seconds:F1} s: {Residents} residents ({Living} living), {Households} households, {Events} events, {RtUnits} RT units, {Accounts} accounts",
            result.Elapsed.TotalSeconds, result.Residents, result.LivingResidents, result.Households, result.PopulationEvents, result.RtUnits, result.Accounts);
        return result;
    }

    private static PopulationGenerator Plan(CityProfile city, RegionCatalog catalog, SeedData data, SeededRandom random, SeedRows rows,
        DateTimeOffset now, int living)
    {
        var office = DemoOffices.Create().Single(o => o.Code == city.OfficeCode);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(office.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var generator = new PopulationGenerator(city, catalog, data, random, rows, DateOnly.FromDateTime(local.DateTime), local.Offset);
        generator.CreateRts();
        generator.Populate(living);
        return generator;
    }

    /// <summary>Gives the demo RT heads and the demo citizen their fixed phone numbers; returns the citizen.</summary>
    private static Resident PrepareDemoResidents(SeedRows rows, PopulationGenerator balikpapan, PopulationGenerator palembang)
    {
        var bpnRt = DemoRt(balikpapan, DemoAccounts.BalikpapanRtHeadVillage);
        var plgRt = DemoRt(palembang, DemoAccounts.PalembangRtHeadVillage);
        rows.Phones.Remove(rows.RtHeads[bpnRt.Id].Phone!);
        rows.Phones.Remove(rows.RtHeads[plgRt.Id].Phone!);
        rows.RtHeads[bpnRt.Id].Phone = DemoAccounts.BalikpapanRtHead;
        rows.RtHeads[plgRt.Id].Phone = DemoAccounts.PalembangRtHead;

        // The citizen is an adult of the demo RT other than its head, else of the same kelurahan, else of the city.
        var heads = rows.RtHeads.Values.ToHashSet();
        var villageRts = balikpapan.Rts.Where(r => r.VillageCode == bpnRt.VillageCode).Select(r => r.Id).ToHashSet();
        var cityRts = balikpapan.Rts.Select(r => r.Id).ToHashSet();
        var citizen = rows.Residents
            .Where(r => r.Status == ResidentStatus.Alive && !heads.Contains(r) && r.RtUnitId is { } id && cityRts.Contains(id)
                && PopulationGenerator.AgeOn(r.BirthDate, balikpapan.Today) is >= 18 and <= 70)
            .OrderBy(r => r.RtUnitId == bpnRt.Id ? 0 : villageRts.Contains(r.RtUnitId!.Value) ? 1 : 2)
            .ThenBy(r => r.Id)
            .FirstOrDefault()
            ?? throw new InvalidOperationException("No adult besides the RT heads lives in Balikpapan.");
        if (citizen.Phone is { } old)
        {
            rows.Phones.Remove(old);
        }

        citizen.Phone = DemoAccounts.Citizen;
        return citizen;
    }

    private static RtUnit DemoRt(PopulationGenerator city, string villageCode) =>
        city.Rts.FirstOrDefault(r => r.VillageCode == villageCode && r.Rw == 1 && r.Rt == 1)
            ?? throw new InvalidOperationException($"The demo RT 001/RW 001 of {villageCode} is missing.");

    private static async Task<int> WriteRegionsAsync(AdmindukDbContext db, BulkWriter writer, RegionCatalog catalog, IProgress<SeedProgress>? progress,
        CancellationToken cancellationToken)
    {
        var existing = (await db.Regions.Select(r => r.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var records = new List<RegionRecord>(catalog.Count);
        var queue = new Queue<Region>(catalog.Provinces);
        while (queue.TryDequeue(out var region))
        {
            if (!existing.Contains(region.Code))
            {
                records.Add(new RegionRecord { Code = region.Code, Name = region.Name, Level = region.Level, ParentCode = region.ParentCode });
            }

            foreach (var child in catalog.ChildrenOf(region.Code))
            {
                queue.Enqueue(child);
            }
        }

        await WriteAsync(writer, StageRegions, records, progress, cancellationToken);
        return records.Count;
    }

    private static async Task WriteAsync<T>(BulkWriter writer, string stage, IReadOnlyCollection<T> rows, IProgress<SeedProgress>? progress,
        CancellationToken cancellationToken)
        where T : class
    {
        progress?.Report(new SeedProgress(stage, 0, rows.Count));
        await writer.InsertAsync(rows, done => progress?.Report(new SeedProgress(stage, done, rows.Count)), cancellationToken);
        progress?.Report(new SeedProgress(stage, rows.Count, rows.Count));
    }

    private static async Task<int> WriteAccountsAsync(AdmindukDbContext db, BulkWriter writer, SeedRows rows, IReadOnlyList<Office> offices,
        Resident demoCitizen, SeededRandom random, DateTimeOffset now, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new SeedProgress(StageAccounts, 0, rows.RtHeads.Count));
        var roles = await EnsureRolesAsync(db, random, cancellationToken);
        var hasher = new PasswordHasher<AppUser>();
        var users = new List<AppUser>(rows.RtHeads.Count + 8);
        var links = new List<IdentityUserRole<Guid>>(rows.RtHeads.Count + 8);
        var officeIds = offices.ToDictionary(o => o.Code, o => o.Id, StringComparer.Ordinal);

        AppUser NewUser(string userName, string fullName, string role)
        {
            var user = new AppUser
            {
                Id = NewGuid(random),
                UserName = userName,
                NormalizedUserName = Normalizer.NormalizeName(userName),
                FullName = fullName,
                SecurityStamp = NewSecurityStamp(),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                CreatedAt = now,
            };
            users.Add(user);
            links.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
            return user;
        }

        foreach (var (userName, fullName, role, officeCode) in DemoAccounts.Staff)
        {
            var user = NewUser(userName, fullName, role);
            user.Email = userName;
            user.NormalizedEmail = Normalizer.NormalizeEmail(userName);
            user.EmailConfirmed = true;
            user.OfficeId = officeCode is null ? null : officeIds[officeCode];
            user.PasswordHash = hasher.HashPassword(user, DemoAccounts.Password);
        }

        var citizen = NewUser(DemoAccounts.Citizen, demoCitizen.FullName, Roles.Citizen);
        citizen.PhoneNumber = DemoAccounts.Citizen;
        citizen.PhoneNumberConfirmed = true;
        citizen.ResidentId = demoCitizen.Id;
        citizen.PasswordHash = hasher.HashPassword(citizen, DemoAccounts.Password);

        // Hashing costs tens of milliseconds: the shared first password is hashed once per run and must be changed.
        var initialHash = hasher.HashPassword(new AppUser(), DemoAccounts.InitialRtHeadPassword);
        foreach (var (rtId, head) in rows.RtHeads.OrderBy(e => e.Key))
        {
            var phone = head.Phone!;
            var user = NewUser(phone, head.FullName, Roles.RtHead);
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = true;
            user.RtUnitId = rtId;
            var demo = phone is DemoAccounts.BalikpapanRtHead or DemoAccounts.PalembangRtHead;
            user.PasswordHash = demo ? hasher.HashPassword(user, DemoAccounts.Password) : initialHash;
            user.MustChangePassword = !demo;
        }

        await writer.InsertAsync(users, null, cancellationToken);
        await writer.InsertAsync(links, null, cancellationToken);
        progress?.Report(new SeedProgress(StageAccounts, rows.RtHeads.Count, rows.RtHeads.Count));
        return users.Count;
    }

    private static async Task<Dictionary<string, Guid>> EnsureRolesAsync(AdmindukDbContext db, SeededRandom random, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.ToListAsync(cancellationToken);
        var result = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var name in Roles.All)
        {
            var normalized = Normalizer.NormalizeName(name);
            var role = existing.FirstOrDefault(r => r.NormalizedName == normalized);
            if (role is null)
            {
                role = new AppRole { Id = NewGuid(random), Name = name, NormalizedName = normalized, ConcurrencyStamp = Guid.NewGuid().ToString() };
                db.Roles.Add(role);
            }

            result[name] = role.Id;
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static Guid NewGuid(SeededRandom random)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, random.NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], random.NextUInt64());
        // RFC 9562 version 4 and variant bits, so the ids look like any other random GUID.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Like Identity's own stamps: 20 random bytes in Base32.</summary>
    private static string NewSecurityStamp()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[32];
        int buffer = 0, bits = 0, next = 0;
        foreach (var b in bytes)
        {
            buffer = ((buffer << 8) | b) & 0xFFFF;
            bits += 8;
            while (bits >= 5)
            {
                chars[next++] = alphabet[(buffer >> (bits - 5)) & 0x1F];
                bits -= 5;
            }
        }

        return new string(chars);
    }
}
