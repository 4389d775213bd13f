using System.Globalization;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Adminduk.Web.Features.Statistics;

/// <summary>Published figures never show a count under 5: it reads "&lt;5", so no small group can be picked out.</summary>
public static class SmallCount
{
    public const int Threshold = 5;
    public const string Hidden = "<5";

    public static string Show(int count) => count < Threshold ? Hidden : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>A difference of counts, shown only when none of its parts is hidden (else it would give them away).</summary>
    public static string? ShowDifference(int value, params int[] parts) =>
        parts.Any(p => p < Threshold) ? null : value.ToString(CultureInfo.InvariantCulture);
}

public sealed record PublicArea(string Code, string Name, string Residents, string Men, string Women, string Households);

public sealed record PublicMonth(string Month, string Births, string Deaths, string Arrivals, string Departures, string? Growth);

public sealed record PublicService(string ServiceCode, string Title, IReadOnlyList<string> Counts, string Total);

/// <summary>
/// What anyone may see of an office's statistics: kecamatan and kelurahan (never RT), months and services, every count under
/// 5 as "&lt;5", growth only where its parts are all shown. The same object feeds the public page and the API.
/// </summary>
public sealed record PublicStatistics(
    string Office,
    string OfficeName,
    DateOnly AsOf,
    IReadOnlyList<string> Months,
    string Residents,
    string Households,
    IReadOnlyList<PublicArea> Districts,
    IReadOnlyList<PublicArea> Villages,
    IReadOnlyList<PublicMonth> Growth,
    IReadOnlyList<PublicService> Applications,
    IReadOnlyList<PublicService> DocumentsIssued,
    string DocumentsSource,
    string SmallCountRule)
{
    public const string ApprovedApplicationsSource = "approved-applications";

    public static PublicStatistics From(OfficeStatistics s)
    {
        static PublicArea Area(AreaCount a) =>
            new(a.Code, a.Name, SmallCount.Show(a.Residents), SmallCount.Show(a.Men), SmallCount.Show(a.Women), SmallCount.Show(a.Households));
        static PublicService Service(ServiceMonths m) =>
            new(m.ServiceCode, Domain.Services.ServiceCatalog.Default.Find(m.ServiceCode)?.Title.For(CultureInfo.GetCultureInfo("id")) ?? m.ServiceCode,
                [.. m.Counts.Select(SmallCount.Show)], SmallCount.Show(m.Total));
        return new PublicStatistics(
            s.Office.Code,
            s.Office.Name,
            s.Today,
            [.. s.Months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture))],
            SmallCount.Show(s.Residents),
            SmallCount.Show(s.Households),
            [.. s.Districts.Select(Area)],
            [.. s.Villages.Select(Area)],
            [.. s.Growth.Select(g => new PublicMonth(
                string.Create(CultureInfo.InvariantCulture, $"{g.Year:D4}-{g.Month:D2}"),
                SmallCount.Show(g.Births), SmallCount.Show(g.Deaths), SmallCount.Show(g.Arrivals), SmallCount.Show(g.Departures),
                SmallCount.ShowDifference(g.Growth, g.Births, g.Deaths, g.Arrivals, g.Departures)))],
            [.. s.Applications.Select(Service)],
            [.. s.DocumentsIssued.Select(Service)],
            ApprovedApplicationsSource,
            "Counts under 5 are shown as \"<5\"; growth is left out (null) for a month with a hidden part.");
    }
}

/// <summary>
/// Public statistics per office, computed at most once per <see cref="CacheFor"/> (they aggregate the whole register,
/// so an anonymous caller must not be able to make the database do that on every request).
/// </summary>
public sealed class PublicStatisticsSource(ReadOnlyDatabase reader, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);

    public async Task<PublicStatistics?> ForAsync(string officeCode, CancellationToken ct)
    {
        var key = "public-statistics:" + officeCode.ToUpperInvariant();
        if (cache.TryGetValue(key, out PublicStatistics? cached) && cached is not null)
        {
            return cached;
        }

        await using var read = reader.CreateContext();
        var office = await read.Offices.FirstOrDefaultAsync(o => o.Code == officeCode.ToUpperInvariant(), ct);
        if (office is null)
        {
            return null;
        }

        var statistics = PublicStatistics.From(await StatisticsQuery.ForAsync(read, office, clock.GetUtcNow(), ct));
        cache.Set(key, statistics, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor });
        return statistics;
    }
}
