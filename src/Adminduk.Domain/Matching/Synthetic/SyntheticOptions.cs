namespace Adminduk.Domain.Matching.Synthetic;

/// <summary>Size, seed and planted-error rates of the synthetic Indonesian test set. The defaults give the committed test set.</summary>
public sealed record SyntheticOptions
{
    public int Seed { get; init; } = 20261123;

    /// <summary>Households (KK) in the register; about 3.5 people each.</summary>
    public int Households { get; init; } = 3_600;

    /// <summary>"Today" for ages, NIK centuries and KK issue dates: no clock is read.</summary>
    public DateOnly Today { get; init; } = new(2026, 11, 23);

    /// <summary>Regencies/cities whose kelurahan the register covers.</summary>
    public IReadOnlyList<string> RegencyCodes { get; init; } = ["64.71"];

    /// <summary>Where people outside the register come from.</summary>
    public string OutsiderRegencyCode { get; init; } = "64.72";

    public double DeceasedRate { get; init; } = 0.03;

    public double MovedOutRate { get; init; } = 0.03;

    /// <summary>Share of households with a row on the per-family list.</summary>
    public double PerFamilyListShare { get; init; } = 0.6;

    /// <summary>Share of the remaining register people on the per-person list.</summary>
    public double PerPersonListShare { get; init; } = 0.6;

    /// <summary>People outside the register, as a share of listed register people.</summary>
    public double OutsiderShare { get; init; } = 0.04;

    /// <summary>Share of listed people who get a planted duplicate row.</summary>
    public double DuplicateRate { get; init; } = 0.12;

    /// <summary>Share of duplicated people who get a second planted duplicate.</summary>
    public double SecondCopyRate { get; init; } = 0.15;

    /// <summary>Share of per-family rows whose household gets a second member on that list.</summary>
    public double ExtraHouseholdMemberRate { get; init; } = 0.06;

    /// <summary>Pairs of each hard-negative kind.</summary>
    public int HardNegativePairsPerKind { get; init; } = 120;

    /// <summary>Errors in original rows (relative to the register), so verdicts about disagreeing data have cases.</summary>
    public double BaseNameTypoRate { get; init; } = 0.02;

    public double BaseBirthDateTypoRate { get; init; } = 0.02;

    public double BaseMalformedNikRate { get; init; } = 0.02;

    public double BaseMissingNikRate { get; init; } = 0.03;
}
