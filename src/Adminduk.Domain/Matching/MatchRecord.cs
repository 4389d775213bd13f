using System.Text;

namespace Adminduk.Domain.Matching;

/// <summary>A <see cref="PersonRecord"/> prepared once for matching: folded name and address, cleaned numbers, blocking keys.</summary>
public sealed class MatchRecord
{
    private MatchRecord(PersonRecord record)
    {
        Record = record;
        Name = NameFolding.Fold(record.Name);
        IdDigits = CleanNumber(record.Nik);
        KkDigits = CleanNumber(record.KkNumber);
        Address = AddressFolding.Fold(record.Address);
        AddressJoined = string.Concat(Address);
        Region = string.IsNullOrWhiteSpace(record.RegionCode) ? null : record.RegionCode.Replace(".", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        Keys = BlockingKeys.For(this);
        SortKey = Name.Key + "|" + (record.BirthDate?.DayNumber ?? 0);
    }

    public PersonRecord Record { get; }

    public string Id => Record.Id;

    public FoldedName Name { get; }

    /// <summary>The identity number (NIK) as digits, read leniently (spaces, dots, a letter O for zero); null when too short to be one.</summary>
    public string? IdDigits { get; }

    public string? KkDigits { get; }

    public DateOnly? BirthDate => Record.BirthDate;

    public Population.Sex? Sex => Record.Sex;

    public IReadOnlyList<string> Address { get; }

    /// <summary>The address tokens without spaces ("Burraminga" against "Burra Minga").</summary>
    internal string AddressJoined { get; }

    public string? Region { get; }

    /// <summary>Blocking keys (hashes of <see cref="BlockingKeys.Describe"/>): records sharing none are never compared.</summary>
    public IReadOnlyList<ulong> Keys { get; }

    /// <summary>Order inside a block too large to compare all pairs: by folded name, then birth date.</summary>
    public string SortKey { get; }

    public static MatchRecord From(PersonRecord record) => new(record);

    public override string ToString() => $"{Id}: {Name} {BirthDate:yyyy-MM-dd} {IdDigits}";

    /// <summary>
    /// Digits of a number as lists write it: separators dropped, O read as 0 and I or l as 1 (typed or scanned
    /// confusions); null when fewer than five digits remain or other characters are present.
    /// </summary>
    internal static string? CleanNumber(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        var sb = new StringBuilder(written.Length);
        foreach (var c in written)
        {
            switch (c)
            {
                case >= '0' and <= '9':
                    sb.Append(c);
                    break;
                case 'O' or 'o':
                    sb.Append('0');
                    break;
                case 'I' or 'l':
                    sb.Append('1');
                    break;
                case ' ' or '.' or '-' or '\'' or '"' or '/' or '\t':
                    break;
                default:
                    return null;
            }
        }

        return sb.Length >= 5 ? sb.ToString() : null;
    }
}

/// <summary>
/// Folds an address to comparable tokens: lower-case ASCII words and numbers without leading zeros; street-type and
/// numbering words dropped (jl, jalan, no, gg, blok, komplek, perum, kel, kec); RT and RW kept with their number
/// ("RT. 005" → "rt5") because they locate the house.
/// </summary>
public static class AddressFolding
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "jl", "jln", "jalan", "no", "nomor", "nmr", "nomer", "gg", "gang", "blok", "blk", "komplek", "kompleks", "komp",
        "perum", "perumahan", "kel", "kelurahan", "kec", "kecamatan", "desa", "ds", "dusun", "dsn", "kota", "kab",
        "kabupaten", "rumah",
    };

    public static IReadOnlyList<string> Fold(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return [];
        }

        var raw = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in address)
        {
            var lower = char.ToLowerInvariant(c);
            var isDigit = char.IsAsciiDigit(lower);
            var isLetter = lower is >= 'a' and <= 'z';
            // A change between letters and digits ends a token too: "no12" is "no" "12".
            if (!(isDigit || isLetter) || (sb.Length > 0 && char.IsAsciiDigit(sb[^1]) != isDigit))
            {
                Flush(sb, raw);
            }

            if (isDigit || isLetter)
            {
                sb.Append(lower);
            }
        }

        Flush(sb, raw);
        var tokens = new List<string>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            var t = raw[i];
            if ((t is "rt" or "rw") && i + 1 < raw.Count && char.IsAsciiDigit(raw[i + 1][0]))
            {
                tokens.Add(t + raw[i + 1]);
                i++;
                continue;
            }

            if (!Dropped.Contains(t))
            {
                tokens.Add(t);
            }
        }

        return tokens;
    }

    private static void Flush(StringBuilder sb, List<string> into)
    {
        if (sb.Length == 0)
        {
            return;
        }

        var token = sb.ToString();
        sb.Clear();
        if (char.IsAsciiDigit(token[0]))
        {
            token = token.TrimStart('0');
            if (token.Length == 0)
            {
                token = "0";
            }
        }

        into.Add(token);
    }
}
