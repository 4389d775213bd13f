namespace Adminduk.Web.Features.Seeding;

/// <summary>What <see cref="DemoCitySeeder"/> builds.</summary>
public sealed record SeedOptions
{
    public const int DefaultResidents = 20_000;

    /// <summary>Kota Balikpapan's population in the source articles: <c>--residents 704110</c> builds the full city.</summary>
    public const int FullCityResidents = 704_110;

    public const int DefaultRandomSeed = 6471;

    /// <summary>Living residents of Kota Balikpapan (the deceased and the moved-out come on top).</summary>
    public int Residents { get; init; } = DefaultResidents;

    /// <summary>Living residents of Kota Palembang; null means 5 % of <see cref="Residents"/>, at least three per RT.</summary>
    public int? PalembangResidents { get; init; }

    /// <summary>The same seed (and the same day) always yields the same city.</summary>
    public int RandomSeed { get; init; } = DefaultRandomSeed;
}

/// <summary>One step of the seed run, for progress displays.</summary>
public readonly record struct SeedProgress(string Stage, long Done, long Total);

/// <summary>Row counts written by one seed run.</summary>
public sealed record SeedResult(
    int Regions,
    int Offices,
    int RtUnits,
    int Households,
    int Residents,
    int LivingResidents,
    int PopulationEvents,
    int Accounts,
    TimeSpan Elapsed)
{
    public int TotalRows => Regions + Offices + RtUnits + Households + Residents + PopulationEvents + Accounts;
}
