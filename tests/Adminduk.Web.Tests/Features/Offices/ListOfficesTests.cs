using Adminduk.Web.Data;
using Adminduk.Web.Features.Offices;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Adminduk.Web.Tests.Features.Offices;

public class ListOfficesTests
{
    [Theory, BothDatabases]
    public async Task Batch_day_follows_each_offices_time_zone_cutoff_and_holidays(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            var bpn = new Office { Code = "BPN", Name = "Disdukcapil Kota Balikpapan", RegencyCode = "64.71", TimeZoneId = "Asia/Makassar" };
            var plg = new Office { Code = "PLG", Name = "Disdukcapil Kota Palembang", RegencyCode = "16.71", TimeZoneId = "Asia/Jakarta", WalkInPolicy = WalkInPolicy.Serve };
            db.Offices.AddRange(bpn, plg);
            await db.SaveChangesAsync();
            // Tuesday is a local holiday in Palembang only; national holidays have no office.
            db.OfficeHolidays.Add(new OfficeHoliday { OfficeId = plg.Id, Date = new DateOnly(2026, 11, 24), Name = "Libur daerah" });
            db.OfficeHolidays.Add(new OfficeHoliday { OfficeId = null, Date = new DateOnly(2026, 11, 25), Name = "Libur nasional" });
            await db.SaveChangesAsync();
        }

        // Monday 2026-11-23 05:30 UTC = 13:30 WITA (after Balikpapan's cut-off) = 12:30 WIB (before Palembang's).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 5, 30, 0, TimeSpan.Zero));
        await using (var db = database.NewContext())
        {
            var offices = await ListOffices.HandleAsync(db, clock, CancellationToken.None);
            var bpn = offices.Single(o => o.Code == "BPN");
            bpn.BatchDayForSubmissionNow.ShouldBe("2026-11-24");
            bpn.DailyCutoff.ShouldBe("13:00");
            bpn.DailyCapacity.ShouldBe(1500);
            var plg = offices.Single(o => o.Code == "PLG");
            plg.BatchDayForSubmissionNow.ShouldBe("2026-11-23");
            plg.WalkInPolicy.ShouldBe("Serve");
        }

        // Monday 07:00 UTC = 14:00 WIB: Palembang's next working day skips its Tuesday and the national Wednesday.
        clock.Advance(TimeSpan.FromMinutes(90));
        await using (var db = database.NewContext())
        {
            var offices = await ListOffices.HandleAsync(db, clock, CancellationToken.None);
            offices.Single(o => o.Code == "PLG").BatchDayForSubmissionNow.ShouldBe("2026-11-26");
            offices.Single(o => o.Code == "BPN").BatchDayForSubmissionNow.ShouldBe("2026-11-24");
        }
    }
}
