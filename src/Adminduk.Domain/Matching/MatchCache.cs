using System.Collections.Concurrent;

namespace Adminduk.Domain.Matching;

/// <summary>
/// Shares the folded forms of values that repeat across records (names, addresses, kelurahan codes, KK numbers, name and
/// address tokens) while a batch of records is prepared: each distinct value is folded once and stored once. Lists drawn
/// from the register repeat its names and addresses, so preparing a large run costs far less time and memory. Thread-safe;
/// meant to live for one run, then be dropped.
/// </summary>
public sealed class MatchCache
{
    private readonly ConcurrentDictionary<string, FoldedName> names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FoldedAddress> addresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> strings = new(StringComparer.Ordinal);

    internal FoldedName Name(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? FoldedName.Empty : names.GetOrAdd(raw, static (r, cache) => cache.Shared(NameFolding.Fold(r)), this);

    internal FoldedAddress Address(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? FoldedAddress.Empty : addresses.GetOrAdd(raw, static (r, cache) => cache.Shared(FoldedAddress.From(r)), this);

    /// <summary>One instance per distinct string value.</summary>
    internal string? Intern(string? value) => value is null ? null : strings.GetOrAdd(value, value);

    private FoldedName Shared(FoldedName name) =>
        name.IsEmpty ? name : new FoldedName([.. name.Tokens.Select(t => Intern(t)!)]);

    private FoldedAddress Shared(FoldedAddress address) =>
        new([.. address.Tokens.Select(t => Intern(t)!)], Intern(address.Joined)!);
}

/// <summary>An address folded to tokens (<see cref="AddressFolding"/>) and the tokens joined without spaces.</summary>
internal sealed record FoldedAddress(IReadOnlyList<string> Tokens, string Joined)
{
    public static readonly FoldedAddress Empty = new([], "");

    public static FoldedAddress From(string? raw)
    {
        var tokens = AddressFolding.Fold(raw);
        return tokens.Count == 0 ? Empty : new FoldedAddress(tokens, string.Concat(tokens));
    }
}
