using System.Globalization;
using System.Text;

namespace Adminduk.Domain.Matching;

/// <summary>
/// Blocking: two records are compared only when they share a key, so the work grows with the number of records times
/// the (small) block sizes instead of with its square. Several passes, each tolerating errors the others do not:
/// <list type="bullet">
/// <item><c>i|</c> the identity number; <c>i0|</c> <c>i1|</c> <c>i2|</c> the number without every third digit
/// (positions 0, 3, 6, ... then 1, 4, 7, ... then 2, 5, 8, ...): one mistyped digit leaves one of the three intact, and
/// each keeps digits of the region, birth date and serial, so blocks stay small.</item>
/// <item><c>nd|</c> each name token (first four letters of the folded token) with the birth date, day and month in
/// either order (a swapped day and month still meet); a typo or a variant in one token leaves the others.</item>
/// <item><c>ny|</c> each pair of name tokens with the birth year (a wrong day or month); <c>nr|</c> each pair with the
/// region (a wrong or missing birth date). Single-token names use the token alone.</item>
/// <item><c>jd|</c> the joined name's first six letters with the birth date: "Nur Hayati" meets "Nurhayati".</item>
/// <item><c>dr|</c> the full birth date with the region: a badly garbled name at the right date and place.</item>
/// </list>
/// Initials take no part (they match too much). Blocks larger than <see cref="MatchOptions.MaxBlockSize"/> are
/// not compared in full: each record meets only its <see cref="MatchOptions.Window"/> nearest neighbours in the block's
/// name order (sorted neighbourhood), which keeps very common names (Muhammad + year) from growing the work
/// quadratically.
/// </summary>
public static class BlockingKeys
{
    private const int TokenPrefix = 4;
    private const int MaxPairTokens = 4;

    /// <summary>The keys of a record as text (for tests and explanations).</summary>
    public static IReadOnlyList<string> Describe(MatchRecord record) => Build(record);

    /// <summary>A stable 64-bit hash of a key (FNV-1a over UTF-16 code units): the same in every process, so it can be stored.</summary>
    public static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    /// <summary>
    /// The hashes of <see cref="Build"/>'s keys, computed over the same characters without building the strings (this
    /// runs for every record of a run; BlockingTests checks both agree).
    /// </summary>
    internal static ulong[] For(MatchRecord record)
    {
        var hashes = new List<ulong>(16);
        var id = record.IdDigits;
        if (id is not null)
        {
            hashes.Add(new Fnv().Add("i|").Add(id).Value);
            if (id.Length >= 6)
            {
                for (var r = 0; r < 3; r++)
                {
                    var h = new Fnv().Add('i').Add((char)('0' + r)).Add('|');
                    for (var i = 0; i < id.Length; i++)
                    {
                        if (i % 3 != r)
                        {
                            h = h.Add(id[i]);
                        }
                    }

                    hashes.Add(h.Value);
                }
            }
        }

        var tokens = Tokens(record);
        var birth = record.BirthDate;
        var region = record.Region;
        var low = 0;
        var high = 0;
        if (birth is { } d)
        {
            (low, high) = d.Day <= d.Month ? (d.Day, d.Month) : (d.Month, d.Day);
            foreach (var t in tokens)
            {
                hashes.Add(new Fnv().Add("nd|").Add(t).Add('|').Number(d.Year, 4).Number(low, 2).Number(high, 2).Value);
            }
        }

        // A pair of tokens "a+b" (or a single token alone), with the birth year and with the region.
        void AddPair(int i, int j)
        {
            Fnv Pair(Fnv h) => j < 0 ? h.Add(tokens[i]) : h.Add(tokens[i]).Add('+').Add(tokens[j]);
            if (birth is { } b)
            {
                hashes.Add(Pair(new Fnv().Add("ny|")).Add('|').Number(b.Year, 0).Value);
            }

            if (region is not null)
            {
                hashes.Add(Pair(new Fnv().Add("nr|")).Add('|').Add(region).Value);
            }
        }

        if (tokens.Count == 1)
        {
            AddPair(0, -1);
        }
        else
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                for (var j = i + 1; j < tokens.Count; j++)
                {
                    AddPair(i, j);
                }
            }
        }

        var joined = record.Name.Joined;
        if (birth is { } jd && joined.Length >= 4)
        {
            hashes.Add(new Fnv().Add("jd|").Add(joined.AsSpan(0, Math.Min(6, joined.Length))).Add('|').Number(jd.Year, 4).Number(low, 2).Number(high, 2).Value);
        }

        if (birth is { } full && region is not null)
        {
            hashes.Add(new Fnv().Add("dr|").Number(full.Year, 4).Number(full.Month, 2).Number(full.Day, 2).Add('|').Add(region).Value);
        }

        var result = hashes.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Name-token prefixes for the name keys: distinct, at most <see cref="MaxPairTokens"/>, sorted.</summary>
    private static List<string> Tokens(MatchRecord record)
    {
        var tokens = new List<string>(MaxPairTokens);
        foreach (var t in record.Name.Tokens)
        {
            if (t.Length < 2)
            {
                continue;
            }

            var prefix = Prefix(t);
            if (!tokens.Contains(prefix, StringComparer.Ordinal))
            {
                tokens.Add(prefix);
                if (tokens.Count == MaxPairTokens)
                {
                    break;
                }
            }
        }

        tokens.Sort(StringComparer.Ordinal);
        return tokens;
    }

    /// <summary>FNV-1a over UTF-16 code units, as <see cref="Hash"/>, fed piece by piece.</summary>
    private readonly struct Fnv
    {
        private const ulong Prime = 1099511628211UL;

        public Fnv()
        {
            Value = 14695981039346656037UL;
        }

        private Fnv(ulong value) => Value = value;

        public ulong Value { get; }

        public Fnv Add(char c) => new((Value ^ c) * Prime);

        public Fnv Add(string s) => Add(s.AsSpan());

        public Fnv Add(ReadOnlySpan<char> s)
        {
            var h = Value;
            foreach (var c in s)
            {
                h = (h ^ c) * Prime;
            }

            return new Fnv(h);
        }

        /// <summary>A non-negative number in decimal, zero-padded to <paramref name="width"/> digits (0: no padding).</summary>
        public Fnv Number(int value, int width)
        {
            Span<char> digits = stackalloc char[11];
            var n = 0;
            do
            {
                digits[n++] = (char)('0' + (value % 10));
                value /= 10;
            }
            while (value > 0);

            while (n < width)
            {
                digits[n++] = '0';
            }

            var h = this;
            for (var i = n - 1; i >= 0; i--)
            {
                h = h.Add(digits[i]);
            }

            return h;
        }
    }

    private static List<string> Build(MatchRecord record)
    {
        var keys = new List<string>(16);
        var id = record.IdDigits;
        if (id is not null)
        {
            keys.Add("i|" + id);
            if (id.Length >= 6)
            {
                for (var r = 0; r < 3; r++)
                {
                    keys.Add(string.Create(CultureInfo.InvariantCulture, $"i{r}|{WithoutEveryThird(id, r)}"));
                }
            }
        }

        var tokens = Tokens(record);
        var birth = record.BirthDate;
        var region = record.Region;
        string? swapTolerantDate = null;
        if (birth is { } d)
        {
            var (low, high) = d.Day <= d.Month ? (d.Day, d.Month) : (d.Month, d.Day);
            swapTolerantDate = string.Create(CultureInfo.InvariantCulture, $"{d.Year:0000}{low:00}{high:00}");
            foreach (var t in tokens)
            {
                keys.Add($"nd|{t}|{swapTolerantDate}");
            }
        }

        foreach (var pair in Pairs(tokens))
        {
            if (birth is { } b)
            {
                keys.Add(string.Create(CultureInfo.InvariantCulture, $"ny|{pair}|{b.Year}"));
            }

            if (region is not null)
            {
                keys.Add($"nr|{pair}|{region}");
            }
        }

        var joined = record.Name.Joined;
        if (swapTolerantDate is not null && joined.Length >= 4)
        {
            keys.Add($"jd|{joined[..Math.Min(6, joined.Length)]}|{swapTolerantDate}");
        }

        if (birth is { } full && region is not null)
        {
            keys.Add(string.Create(CultureInfo.InvariantCulture, $"dr|{full:yyyyMMdd}|{region}"));
        }

        return keys;
    }

    private static string Prefix(string token) => token.Length <= TokenPrefix ? token : token[..TokenPrefix];

    /// <summary>Pairs of tokens (sorted, so order does not matter); a single token stands alone.</summary>
    private static IEnumerable<string> Pairs(List<string> tokens)
    {
        if (tokens.Count == 1)
        {
            yield return tokens[0];
            yield break;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            for (var j = i + 1; j < tokens.Count; j++)
            {
                yield return tokens[i] + "+" + tokens[j];
            }
        }
    }

    private static string WithoutEveryThird(string digits, int residue)
    {
        var sb = new StringBuilder(digits.Length);
        for (var i = 0; i < digits.Length; i++)
        {
            if (i % 3 != residue)
            {
                sb.Append(digits[i]);
            }
        }

        return sb.ToString();
    }
}
