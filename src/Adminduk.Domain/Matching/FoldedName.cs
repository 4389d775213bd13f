namespace Adminduk.Domain.Matching;

/// <summary>A name after <see cref="NameFolding.Fold"/>: lower-case ASCII tokens in written order, titles removed, spellings folded.</summary>
public sealed class FoldedName : IEquatable<FoldedName>
{
    public static readonly FoldedName Empty = new([]);

    internal FoldedName(string[] tokens)
    {
        Tokens = tokens;
        Joined = string.Concat(tokens);
        var sorted = (string[])tokens.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
        Key = string.Join(' ', sorted);
    }

    /// <summary>The tokens in written order.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The tokens without spaces, in written order: "Nur Hayati" and "Nurhayati" give the same.</summary>
    public string Joined { get; }

    /// <summary>The tokens sorted and space-separated: equal for the same name in any order.</summary>
    public string Key { get; }

    public bool IsEmpty => Tokens.Count == 0;

    public bool Equals(FoldedName? other) => other is not null && Key == other.Key;

    public override bool Equals(object? obj) => obj is FoldedName other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    public override string ToString() => string.Join(' ', Tokens);
}
