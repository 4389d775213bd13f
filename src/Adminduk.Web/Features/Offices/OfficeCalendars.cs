using Adminduk.Domain.Calendar;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Offices;

/// <summary>Builds an office's working calendar from its stored settings and holidays (national and its own).</summary>
public static class OfficeCalendars
{
    public static async Task<OfficeCalendar> ForAsync(AdmindukDbContext db, Office office, CancellationToken ct)
    {
        var holidays = await db.OfficeHolidays.AsNoTracking()
            .Where(h => h.OfficeId == null || h.OfficeId == office.Id)
            .Select(h => h.Date)
            .ToListAsync(ct);
        return Create(office, holidays);
    }

    public static OfficeCalendar Create(Office office, IEnumerable<DateOnly> holidays) => new(
        TimeZoneInfo.FindSystemTimeZoneById(office.TimeZoneId),
        OfficeCalendar.DaysFromMask(office.WorkingDaysMask),
        holidays,
        office.DailyCutoff,
        office.ServiceOpens,
        office.ServiceCloses);
}
