namespace Adminduk.Web.Features.Seeding;

/// <summary>
/// SplitMix64. Unlike <see cref="Random"/>, its sequence is fixed by this code alone, so a seed yields the
/// same city on every .NET version and machine.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong state = seed;

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>Uniform in [minInclusive, maxInclusive].</summary>
    public int Between(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Normal distribution (Box-Muller).</summary>
    public double Normal(double mean, double deviation)
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return mean + (deviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>A generator for a sub-task, so adding draws in one place does not shift every other one.</summary>
    public SeededRandom Fork(ulong salt) => new(NextUInt64() ^ (salt * 0x9E3779B97F4A7C15UL));
}

/// <summary>A fixed set of items with weights; picks in O(log n).</summary>
internal sealed class Weighted<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.Where(e => e.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one entry needs a positive weight.", nameof(entries));
        }

        items = [.. list.Select(e => e.Item)];
        cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            cumulative[i] = sum;
        }
    }

    public IReadOnlyList<T> Items => items;

    public T Pick(SeededRandom random)
    {
        var x = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        i = i < 0 ? ~i : i + 1;
        return items[Math.Min(i, items.Length - 1)];
    }
}
