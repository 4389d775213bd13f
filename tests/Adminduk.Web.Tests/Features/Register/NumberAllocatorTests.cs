using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Register;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Features.Register;

public sealed class NumberAllocatorTests
{
    private static readonly DateOnly BirthDate = new(2026, 11, 20);

    [Theory, BothDatabases]
    public async Task A_new_nik_follows_the_highest_serial_in_use_for_its_prefix(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Residents.Add(Resident(NumberComposer.Nik("647101", BirthDate, Sex.Female, 5)));
            db.Residents.Add(Resident(NumberComposer.Nik("647101", BirthDate, Sex.Male, 9)));
            await db.SaveChangesAsync();
        }

        var allocator = new DbNumberAllocator();
        await using var ctx = database.NewContext();
        var first = await allocator.NextNikAsync(ctx, "647101", BirthDate, Sex.Female, default);
        var second = await allocator.NextNikAsync(ctx, "647101", BirthDate, Sex.Female, default);
        var boy = await allocator.NextNikAsync(ctx, "647101", BirthDate, Sex.Male, default);

        first.ShouldBe("6471016011260006");
        second.ShouldBe("6471016011260007");
        boy.ShouldBe("6471012011260010");
    }

    [Theory, BothDatabases]
    public async Task Kk_numbers_count_per_district_and_issue_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var allocator = new DbNumberAllocator();
        await using var ctx = database.NewContext();
        var issued = new DateOnly(2026, 11, 23);

        (await allocator.NextKkNumberAsync(ctx, "647102", issued, default)).ShouldBe("6471022311260001");
        (await allocator.NextKkNumberAsync(ctx, "647102", issued, default)).ShouldBe("6471022311260002");
        (await allocator.NextKkNumberAsync(ctx, "647103", issued, default)).ShouldBe("6471032311260001");
    }

    [Fact]
    public async Task Concurrent_allocations_on_postgres_never_share_a_number()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var allocator = new DbNumberAllocator();
        var numbers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await using var ctx = database.NewContext();
            await using var tx = await ctx.Database.BeginTransactionAsync();
            var nik = await allocator.NextNikAsync(ctx, "647104", BirthDate, Sex.Male, default);
            ctx.Residents.Add(Resident(nik));
            await ctx.SaveChangesAsync();
            await tx.CommitAsync();
            return nik;
        }));

        numbers.Distinct().Count().ShouldBe(12);
        await using var check = database.NewContext();
        (await check.Residents.CountAsync(r => r.Nik.StartsWith("647104"))).ShouldBe(12);
        numbers.Select(n => n[12..]).Order().ShouldBe(Enumerable.Range(1, 12).Select(i => i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Resident Resident(string nik) => new()
    {
        Nik = nik,
        FullName = "Bayi " + nik[12..],
        BirthPlace = "Balikpapan",
        BirthDate = BirthDate,
        Occupation = "Belum/Tidak Bekerja",
    };
}
