namespace Adminduk.Domain.Matching;

/// <summary>
/// Evidence weights in bits (log2 of how much likelier a value is among true pairs than among others, in the manner
/// of Fellegi and Sunter): agreement adds, disagreement subtracts, a missing value on either side adds nothing.
/// </summary>
public sealed record MatchWeights
{
    /// <summary>Name weight at token-set similarity 1, 0.9, 0.75, 0.5 and 0 (linear in between).</summary>
    public double NameExact { get; init; } = 7;

    public double NameClose { get; init; } = 4;

    public double NameFair { get; init; } = 0;

    /// <summary>At 0.5: about half the name agrees (one of two names replaced, or a shared Muhammad).</summary>
    public double NameHalf { get; init; } = -3;

    public double NameDifferent { get; init; } = -6;

    public double BirthDateExact { get; init; } = 6;

    /// <summary>Day and month swapped.</summary>
    public double BirthDateSwapped { get; init; } = 3.5;

    /// <summary>Exactly one of day, month or year differs.</summary>
    public double BirthDateOnePart { get; init; } = 1;

    public double BirthDateDifferent { get; init; } = -6;

    public double IdExact { get; init; } = 9;

    /// <summary>One digit wrong, one missing or extra, or two neighbours swapped.</summary>
    public double IdOneEdit { get; init; } = 2.5;

    /// <summary>
    /// The same for two 16-digit NIKs: different people born the same day often hold NIKs one digit apart (serial
    /// 0001 and 0002, or neighbouring district codes), so this is weak evidence.
    /// </summary>
    public double NikOneEdit { get; init; } = 0;

    public double IdDifferent { get; init; } = -5;

    /// <summary>Address weight at token-set similarity 1, 0.8 and 0.5 and below.</summary>
    public double AddressExact { get; init; } = 4;

    public double AddressClose { get; init; } = 1.5;

    public double AddressDifferent { get; init; } = -2;

    public double RegionSame { get; init; } = 1.5;

    /// <summary>Codes one edit apart: a neighbouring kelurahan (codes are numbered within the district) or a mistyped postcode.</summary>
    public double RegionClose { get; init; } = 0;

    public double RegionDifferent { get; init; } = -1.5;

    public double SexSame { get; init; } = 0.5;

    public double SexDifferent { get; init; } = -6;

    /// <summary>Prior log-odds of a compared pair being the same person; the score is the logistic of total + prior.</summary>
    public double Prior { get; init; } = -7;
}

/// <summary>Thresholds and blocking limits. One configuration serves all data sets.</summary>
public sealed record MatchOptions
{
    public static readonly MatchOptions Default = new();

    public MatchWeights Weights { get; init; } = new();

    /// <summary>Pairs scoring at least this are the same person without review.</summary>
    public double SureThreshold { get; init; } = 0.9;

    /// <summary>Pairs scoring at least this (and below <see cref="SureThreshold"/>) go to staff for review.</summary>
    public double ReviewThreshold { get; init; } = 0.5;

    /// <summary>Blocks up to this size are compared in full; larger ones by sorted neighbourhood.</summary>
    public int MaxBlockSize { get; init; } = 60;

    /// <summary>Neighbours on each side compared inside an oversized block.</summary>
    public int Window { get; init; } = 12;

    /// <summary>
    /// How many bits the best register candidate must lead the second by to be taken without review
    /// (twins and namesakes otherwise steal each other's rows).
    /// </summary>
    public double LinkMargin { get; init; } = 1;
}
