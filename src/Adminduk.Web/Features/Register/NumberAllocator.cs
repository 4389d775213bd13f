using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register;

/// <summary>
/// Hands out new NIK and KK numbers. In the real system the ministry allocates them nationally; this interface is
/// where such a client would plug in.
/// </summary>
public interface INumberAllocator
{
    /// <summary>A NIK not used before: district (kecamatan) code, birth date (+40 for women), next free serial.</summary>
    Task<string> NextNikAsync(AdmindukDbContext db, string districtDigits, DateOnly birthDate, Sex sex, CancellationToken ct);

    /// <summary>A KK number not used before: district (kecamatan) code, issue date, next free serial.</summary>
    Task<string> NextKkNumberAsync(AdmindukDbContext db, string districtDigits, DateOnly issuedOn, CancellationToken ct);
}

/// <summary>
/// Local allocation from the NumberSerials table. The counter row is bumped by an UPDATE inside the caller's
/// transaction, so a concurrent approval waits for the row lock (PostgreSQL) or the write lock (SQLite) and gets the
/// next serial; an approval that rolls back leaves no gap-filling race behind.
/// </summary>
public sealed class DbNumberAllocator : INumberAllocator
{
    public async Task<string> NextNikAsync(AdmindukDbContext db, string districtDigits, DateOnly birthDate, Sex sex, CancellationToken ct)
    {
        var prefix = NumberComposer.Nik(districtDigits, birthDate, sex, 1)[..12];
        var serial = await NextSerialAsync(db, "nik:" + prefix, () => MaxSerialAsync(db.Residents.Select(r => r.Nik), prefix, ct), ct);
        return NumberComposer.Nik(districtDigits, birthDate, sex, serial);
    }

    public async Task<string> NextKkNumberAsync(AdmindukDbContext db, string districtDigits, DateOnly issuedOn, CancellationToken ct)
    {
        var prefix = NumberComposer.KkNumber(districtDigits, issuedOn, 1)[..12];
        var serial = await NextSerialAsync(db, "kk:" + prefix, () => MaxSerialAsync(db.Households.Select(h => h.KkNumber), prefix, ct), ct);
        return NumberComposer.KkNumber(districtDigits, issuedOn, serial);
    }

    private static async Task<int> MaxSerialAsync(IQueryable<string> numbers, string prefix, CancellationToken ct)
    {
        // Seeded and imported numbers did not come through the counter: start after the highest one in use.
        var highest = await numbers.Where(n => n.StartsWith(prefix)).OrderByDescending(n => n).FirstOrDefaultAsync(ct);
        return highest is null ? 0 : int.Parse(highest.AsSpan(12), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> NextSerialAsync(AdmindukDbContext db, string key, Func<Task<int>> highestInUse, CancellationToken ct)
    {
        var start = await highestInUse();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "NumberSerials" ("Prefix", "Last") VALUES ({key}, {start}) ON CONFLICT ("Prefix") DO NOTHING""", ct);
        var next = await db.Database
            .SqlQuery<int>($"""UPDATE "NumberSerials" SET "Last" = "Last" + 1 WHERE "Prefix" = {key} RETURNING "Last" AS "Value" """)
            .ToListAsync(ct);
        var serial = next.Single();
        if (serial > 9999)
        {
            throw new InvalidOperationException($"No serial left for {key}.");
        }

        return serial;
    }
}
