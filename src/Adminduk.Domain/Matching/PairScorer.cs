using System.Globalization;

namespace Adminduk.Domain.Matching;

public enum MatchField
{
    Name = 1,
    BirthDate = 2,
    Nik = 3,
    Address = 4,
    Region = 5,
    Sex = 6,
}

public enum FieldOutcome
{
    /// <summary>One side has no value: no evidence either way.</summary>
    Missing = 0,
    Agree = 1,

    /// <summary>Close but not equal (a typo, a swapped day and month, a variant of the name).</summary>
    Partial = 2,
    Disagree = 3,
}

/// <summary>How one field compared in a pair.</summary>
public sealed record FieldComparison(MatchField Field, FieldOutcome Outcome, double Similarity, double Weight)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Field}:{Outcome}({Similarity:0.00}, {Weight:+0.0;-0.0})");
}

/// <summary>The score of a pair: 0..1, the evidence total in bits, and every field's part in it.</summary>
public sealed record MatchScore(double Score, double Weight, IReadOnlyList<FieldComparison> Fields)
{
    public FieldComparison? this[MatchField field] => Fields.FirstOrDefault(f => f.Field == field);

    public IEnumerable<MatchField> Agreeing => Fields.Where(f => f.Outcome == FieldOutcome.Agree).Select(f => f.Field);

    public IEnumerable<MatchField> Disagreeing => Fields.Where(f => f.Outcome == FieldOutcome.Disagree).Select(f => f.Field);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Score:0.000} ({Weight:+0.0;-0.0} bits) {string.Join(' ', Fields)}");
}

/// <summary>Scores a pair of records field by field (see <see cref="MatchWeights"/>).</summary>
public sealed class PairScorer(MatchWeights weights)
{
    public static readonly PairScorer Default = new(new MatchWeights());

    public MatchWeights Weights { get; } = weights;

    public MatchScore Score(MatchRecord a, MatchRecord b)
    {
        var fields = new List<FieldComparison>(6)
        {
            Field(MatchField.Name, Name(a, b)),
            Field(MatchField.BirthDate, BirthDate(a.BirthDate, b.BirthDate)),
            Field(MatchField.Nik, Id(a.IdDigits, b.IdDigits)),
            Field(MatchField.Address, Address(a, b)),
            Field(MatchField.Region, Region(a.Region, b.Region)),
            Field(MatchField.Sex, Sex(a.Sex, b.Sex)),
        };
        var total = 0.0;
        foreach (var f in fields)
        {
            total += f.Weight;
        }

        return new MatchScore(Logistic(total + Weights.Prior), total, fields);
    }

    /// <summary>Only the evidence total, without the per-field detail and without allocating (the hot path of large runs).</summary>
    public double Weight(MatchRecord a, MatchRecord b) =>
        Name(a, b).Weight + BirthDate(a.BirthDate, b.BirthDate).Weight + Id(a.IdDigits, b.IdDigits).Weight
        + Address(a, b).Weight + Region(a.Region, b.Region).Weight + Sex(a.Sex, b.Sex).Weight;

    /// <summary>
    /// The evidence total when it can reach <paramref name="floor"/>, otherwise any value below the floor: the cheap
    /// fields (dates, numbers, codes) are compared first and the name and address only while the best they could
    /// add still reaches the floor. Most blocked pairs of different people stop there.
    /// </summary>
    public double WeightIfAtLeast(MatchRecord a, MatchRecord b, double floor)
    {
        var w = Weights;
        var total = BirthDate(a.BirthDate, b.BirthDate).Weight + Id(a.IdDigits, b.IdDigits).Weight + Region(a.Region, b.Region).Weight + Sex(a.Sex, b.Sex).Weight;
        var addressBest = Math.Max(0, w.AddressExact);
        if (total + Math.Max(0, w.NameExact) + addressBest < floor)
        {
            return total + Math.Max(0, w.NameExact) + addressBest;
        }

        total += Name(a, b).Weight;
        return total + addressBest < floor ? total + addressBest : total + Address(a, b).Weight;
    }

    public double ScoreOf(double weight) => Logistic(weight + Weights.Prior);

    /// <summary>The evidence total at which the score reaches a threshold.</summary>
    public double WeightAt(double score) => Math.Log2(score / (1 - score)) - Weights.Prior;

    internal static double NameSimilarity(FoldedName a, FoldedName b)
    {
        if (a.Key == b.Key)
        {
            return 1;
        }

        var tokens = Similarity.TokenSet(a.Tokens, b.Tokens);
        // Joined and split writings ("Nurhayati" / "Nur Hayati") differ in token count; compare them as one string.
        if (a.Tokens.Count != b.Tokens.Count && tokens < 1)
        {
            tokens = Math.Max(tokens, Similarity.Edit(a.Joined, b.Joined));
        }

        return tokens;
    }

    private Outcome Name(MatchRecord a, MatchRecord b)
    {
        if (a.Name.IsEmpty || b.Name.IsEmpty)
        {
            return new Outcome(FieldOutcome.Missing, 0, 0);
        }

        var s = NameSimilarity(a.Name, b.Name);
        var w = Weights;
        var weight = Piecewise(s, (0, w.NameDifferent), (0.5, w.NameHalf), (0.75, w.NameFair), (0.9, w.NameClose), (1, w.NameExact));
        // Partial from 0.6: a name and the same name with one part left out ("Budi" / "Budi Santoso"), not a
        // shared common first name alone ("Muhammad Rizki" / "Muhammad Fauzi").
        var outcome = s >= 1 ? FieldOutcome.Agree : s >= 0.6 ? FieldOutcome.Partial : FieldOutcome.Disagree;
        return new Outcome(outcome, s, weight);
    }

    private Outcome BirthDate(DateOnly? a, DateOnly? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return new Outcome(FieldOutcome.Missing, 0, 0);
        }

        if (x == y)
        {
            return new Outcome(FieldOutcome.Agree, 1, Weights.BirthDateExact);
        }

        if (x.Year == y.Year && x.Day == y.Month && x.Month == y.Day)
        {
            return new Outcome(FieldOutcome.Partial, 0.8, Weights.BirthDateSwapped);
        }

        var same = (x.Year == y.Year ? 1 : 0) + (x.Month == y.Month ? 1 : 0) + (x.Day == y.Day ? 1 : 0);
        return same == 2
            ? new Outcome(FieldOutcome.Partial, 0.6, Weights.BirthDateOnePart)
            : new Outcome(FieldOutcome.Disagree, 0, Weights.BirthDateDifferent);
    }

    private Outcome Id(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return new Outcome(FieldOutcome.Missing, 0, 0);
        }

        if (a == b)
        {
            return new Outcome(FieldOutcome.Agree, 1, Weights.IdExact);
        }

        return Similarity.OneEditApart(a, b)
            ? new Outcome(FieldOutcome.Partial, 0.8, a.Length == 16 && b.Length == 16 ? Weights.NikOneEdit : Weights.IdOneEdit)
            : new Outcome(FieldOutcome.Disagree, 0, Weights.IdDifferent);
    }

    private Outcome Address(MatchRecord x, MatchRecord y)
    {
        var (a, b) = (x.Address, y.Address);
        if (a.Count == 0 || b.Count == 0)
        {
            return new Outcome(FieldOutcome.Missing, 0, 0);
        }

        var s = Similarity.TokenSet(a, b);
        if (a.Count != b.Count && s < 1)
        {
            // "Burraminga" / "Burra Minga": compare the address as one string too.
            s = Math.Max(s, Similarity.Edit(x.AddressJoined, y.AddressJoined));
        }

        var w = Weights;
        var weight = Piecewise(s, (0.5, w.AddressDifferent), (0.8, w.AddressClose), (1, w.AddressExact));
        var outcome = s >= 0.999 ? FieldOutcome.Agree : s >= 0.8 ? FieldOutcome.Partial : FieldOutcome.Disagree;
        return new Outcome(outcome, s, weight);
    }

    private Outcome Region(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return new Outcome(FieldOutcome.Missing, 0, 0);
        }

        if (a == b)
        {
            return new Outcome(FieldOutcome.Agree, 1, Weights.RegionSame);
        }

        return Similarity.OneEditApart(a, b)
            ? new Outcome(FieldOutcome.Partial, 0.5, Weights.RegionClose)
            : new Outcome(FieldOutcome.Disagree, 0, Weights.RegionDifferent);
    }

    private Outcome Sex(Population.Sex? a, Population.Sex? b)
    {
        if (a is null || b is null)
        {
            return new Outcome(FieldOutcome.Missing, 0, 0);
        }

        return a == b
            ? new Outcome(FieldOutcome.Agree, 1, Weights.SexSame)
            : new Outcome(FieldOutcome.Disagree, 0, Weights.SexDifferent);
    }

    private static FieldComparison Field(MatchField field, Outcome o) => new(field, o.Result, o.Similarity, o.Weight);

    private readonly record struct Outcome(FieldOutcome Result, double Similarity, double Weight);

    /// <summary>Linear between the given (similarity, weight) points, flat outside them.</summary>
    private static double Piecewise(double s, params ReadOnlySpan<(double At, double Weight)> points)
    {
        if (s <= points[0].At)
        {
            return points[0].Weight;
        }

        for (var i = 1; i < points.Length; i++)
        {
            if (s <= points[i].At)
            {
                var (x0, y0) = points[i - 1];
                var (x1, y1) = points[i];
                return y0 + ((y1 - y0) * (s - x0) / (x1 - x0));
            }
        }

        return points[^1].Weight;
    }

    private static double Logistic(double bits) => 1 / (1 + Math.Pow(2, -bits));
}
