using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Tests.Data;

public class MigrationTests
{
    [Theory, BothDatabases]
    public async Task Migrations_leave_no_pending_model_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration for " + provider);
    }

    [Theory, BothDatabases]
    public async Task Nik_is_unique_and_times_round_trip(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var at = new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);
        await using (var db = database.NewContext())
        {
            db.Residents.Add(NewResident("6471054107900001", at));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var stored = await db.Residents.SingleAsync(r => r.CreatedAt >= at.AddMinutes(-1));
            stored.CreatedAt.ShouldBe(at);
            stored.BirthDate.ShouldBe(new DateOnly(1990, 7, 1));
            db.Residents.Add(NewResident("6471054107900001", at));
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    private static Resident NewResident(string nik, DateTimeOffset at) => new()
    {
        Nik = nik,
        FullName = "Siti Aminah",
        Sex = Sex.Female,
        BirthPlace = "Balikpapan",
        BirthDate = new DateOnly(1990, 7, 1),
        Religion = Religion.Islam,
        MaritalStatus = MaritalStatus.Kawin,
        Education = Education.Slta,
        Occupation = "Karyawan Swasta",
        CreatedAt = at,
        UpdatedAt = at,
    };
}
