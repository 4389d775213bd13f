using System.Linq.Expressions;
using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Rt;

/// <summary>An RT with its kelurahan and kecamatan names and the local date of its office.</summary>
public sealed record RtArea(int Id, int Rt, int Rw, string VillageCode, string VillageName, string DistrictCode, string DistrictName, DateOnly Today);

public sealed record AgeBand(string Label, int Male, int Female);

public sealed record MonthEvents(int Year, int Month, int Births, int Deaths, int Arrivals, int Departures)
{
    public int Growth => Births - Deaths + Arrivals - Departures;
}

/// <summary>What an RT head sees of their own RT: living residents and the last 12 months of the register's events.</summary>
public sealed record RtDashboard(
    RtArea Area,
    int Residents,
    int Households,
    int Men,
    int Women,
    IReadOnlyList<AgeBand> AgeBands,
    IReadOnlyList<(string Occupation, int Count)> Occupations,
    IReadOnlyList<(Education Education, int Count)> Education,
    IReadOnlyList<(Religion Religion, int Count)> Religion,
    IReadOnlyList<MonthEvents> Months);

/// <summary>
/// The RT dashboard's figures, counted by the database (GROUP BY over the RT's rows through the (RtUnitId, Status) and
/// (RtUnitId, OccurredOn) indexes), so a request reads a few dozen result rows whatever the RT's size.
/// </summary>
public static class RtDashboardQuery
{
    public const int BandYears = 5;
    public const int Bands = 16; // 0-4 ... 70-74, 75+
    public const int MonthsShown = 12;

    /// <summary>Most frequent occupations listed one by one; the rest are summed as "others".</summary>
    public const int TopOccupations = 10;

    public const string OtherOccupations = "";

    /// <summary>Time zone for an RT whose city has no office in this database (WIB).</summary>
    public const string FallbackTimeZone = "Asia/Jakarta";

    public static async Task<RtArea?> AreaAsync(AdmindukDbContext db, int rtUnitId, DateTimeOffset now, CancellationToken ct)
    {
        var unit = await db.RtUnits.AsNoTracking().Where(u => u.Id == rtUnitId)
            .Select(u => new { u.Id, u.Rt, u.Rw, u.VillageCode })
            .FirstOrDefaultAsync(ct);
        if (unit is null)
        {
            return null;
        }

        var districtCode = RegionCode.ParentOf(unit.VillageCode) ?? "";
        var regencyCode = RegionCode.ParentOf(districtCode) ?? "";
        var names = await db.Regions.AsNoTracking()
            .Where(r => r.Code == unit.VillageCode || r.Code == districtCode)
            .Select(r => new { r.Code, r.Name })
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var zoneId = await db.Offices.AsNoTracking().Where(o => o.RegencyCode == regencyCode).Select(o => o.TimeZoneId).FirstOrDefaultAsync(ct)
            ?? FallbackTimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime);
        return new RtArea(unit.Id, unit.Rt, unit.Rw, unit.VillageCode,
            names.GetValueOrDefault(unit.VillageCode, unit.VillageCode), districtCode, names.GetValueOrDefault(districtCode, districtCode), today);
    }

    public static async Task<RtDashboard> LoadAsync(AdmindukDbContext db, RtArea area, CancellationToken ct)
    {
        var id = area.Id;
        var living = db.Residents.AsNoTracking().Where(r => r.RtUnitId == id && r.Status == ResidentStatus.Alive);

        // KK cards of the RT not emptied by deaths and departures (a card whose every member died or left is history).
        var households = await db.Households.AsNoTracking()
            .CountAsync(h => h.RtUnitId == id && (h.Members.Any(m => m.Status == ResidentStatus.Alive) || !h.Members.Any()), ct);

        var sexAndBand = await living.Select(BandOf(area.Today))
            .GroupBy(x => new { x.Sex, x.Band })
            .Select(g => new { g.Key.Sex, g.Key.Band, Count = g.Count() })
            .ToListAsync(ct);

        var occupations = await living.GroupBy(r => r.Occupation)
            .Select(g => new { Occupation = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var education = await living.GroupBy(r => r.Education)
            .Select(g => new { Education = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var religion = await living.GroupBy(r => r.Religion)
            .Select(g => new { Religion = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var first = new DateOnly(area.Today.Year, area.Today.Month, 1).AddMonths(-(MonthsShown - 1));
        PopulationEventKind[] counted = [PopulationEventKind.Birth, PopulationEventKind.Death, PopulationEventKind.Arrival, PopulationEventKind.Departure];
        var events = await db.PopulationEvents.AsNoTracking()
            .Where(e => e.RtUnitId == id && e.OccurredOn >= first && e.OccurredOn <= area.Today && counted.Contains(e.Kind))
            .GroupBy(e => new { e.Kind, e.OccurredOn.Year, e.OccurredOn.Month })
            .Select(g => new { g.Key.Kind, g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);

        int Count(Sex sex, int band) => sexAndBand.Where(x => x.Sex == sex && x.Band == band).Sum(x => x.Count);
        var bands = Enumerable.Range(0, Bands)
            .Select(b => new AgeBand(BandLabel(b), Count(Sex.Male, b), Count(Sex.Female, b)))
            .ToList();

        var ranked = occupations.OrderByDescending(o => o.Count).ThenBy(o => o.Occupation, StringComparer.Ordinal).ToList();
        var occupationRows = ranked.Take(TopOccupations).Select(o => (o.Occupation, o.Count)).ToList();
        if (ranked.Count > TopOccupations)
        {
            occupationRows.Add((OtherOccupations, ranked.Skip(TopOccupations).Sum(o => o.Count)));
        }

        var months = Enumerable.Range(0, MonthsShown).Select(i => first.AddMonths(i)).Select(m =>
        {
            int Of(PopulationEventKind kind) => events.Where(e => e.Kind == kind && e.Year == m.Year && e.Month == m.Month).Sum(e => e.Count);
            return new MonthEvents(m.Year, m.Month, Of(PopulationEventKind.Birth), Of(PopulationEventKind.Death),
                Of(PopulationEventKind.Arrival), Of(PopulationEventKind.Departure));
        }).ToList();

        var men = bands.Sum(b => b.Male);
        var women = bands.Sum(b => b.Female);
        return new RtDashboard(
            area,
            men + women,
            households,
            men,
            women,
            bands,
            occupationRows,
            [.. education.OrderBy(e => e.Education).Select(e => (e.Education, e.Count))],
            [.. religion.OrderBy(r => r.Religion).Select(r => (r.Religion, r.Count))],
            months);
    }

    /// <summary>"0-4", "5-9", ..., "75+".</summary>
    public static string BandLabel(int band) =>
        band == Bands - 1
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{band * BandYears}+")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{band * BandYears}-{(band * BandYears) + BandYears - 1}");

    /// <summary>
    /// The resident's sex and five-year age band on <paramref name="today"/> as one SQL CASE over the birth date: someone
    /// is at least 5k years old when born on or before today minus 5k years, which both providers compare natively.
    /// </summary>
    internal static Expression<Func<Resident, SexBand>> BandOf(DateOnly today)
    {
        var resident = Expression.Parameter(typeof(Resident), "r");
        var birthDate = Expression.Property(resident, nameof(Resident.BirthDate));
        Expression band = Expression.Constant(Bands - 1);
        for (var b = Bands - 2; b >= 0; b--)
        {
            // Younger than (b + 1) * 5 years: born after today minus that many years.
            var cutoff = Expression.Constant(today.AddYears(-(b + 1) * BandYears));
            band = Expression.Condition(Expression.GreaterThan(birthDate, cutoff), Expression.Constant(b), band);
        }

        var body = Expression.MemberInit(
            Expression.New(typeof(SexBand)),
            Expression.Bind(typeof(SexBand).GetProperty(nameof(SexBand.Sex))!, Expression.Property(resident, nameof(Resident.Sex))),
            Expression.Bind(typeof(SexBand).GetProperty(nameof(SexBand.Band))!, band));
        return Expression.Lambda<Func<Resident, SexBand>>(body, resident);
    }

    internal sealed class SexBand
    {
        public Sex Sex { get; init; }

        public int Band { get; init; }
    }
}
