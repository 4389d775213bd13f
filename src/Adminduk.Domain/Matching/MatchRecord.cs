using System.Text;

namespace Adminduk.Domain.Matching;

/// <summary>A <see cref="PersonRecord"/> prepared once for matching: folded name and address, cleaned numbers, blocking keys.</summary>
public sealed class MatchRecord
{
    private MatchRecord(PersonRecord record, MatchCache? cache)
    {
        Record = record;
        Name = cache is null ? NameFolding.Fold(record.Name) : cache.Name(record.Name);
        IdDigits = CleanNumber(record.Nik);
        KkDigits = cache is null ? CleanNumber(record.KkNumber) : cache.Intern(CleanNumber(record.KkNumber));
        var address = cache is null ? FoldedAddress.From(record.Address) : cache.Address(record.Address);
        Address = address.Tokens;
        AddressJoined = address.Joined;
        var region = string.IsNullOrWhiteSpace(record.RegionCode) ? null : record.RegionCode.Replace(".", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        Region = cache is null ? region : cache.Intern(region);
        Keys = BlockingKeys.For(this);
    }

    /// <summary>The same folded forms for a slimmer record (see <see cref="WithoutText"/>).</summary>
    private MatchRecord(MatchRecord other, PersonRecord record)
    {
        Record = record;
        Name = other.Name;
        IdDigits = other.IdDigits;
        KkDigits = other.KkDigits;
        Address = other.Address;
        AddressJoined = other.AddressJoined;
        Region = other.Region;
        Keys = other.Keys;
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

    /// <summary>Order inside a block too large to compare all pairs: by folded name, then birth date (see <see cref="CompareOrder"/>).</summary>
    public string SortKey => Name.Key + "|" + (Record.BirthDate?.DayNumber ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static MatchRecord From(PersonRecord record) => new(record, null);

    /// <summary>Prepares a record sharing folded values through <paramref name="cache"/>.</summary>
    public static MatchRecord From(PersonRecord record, MatchCache cache) => new(record, cache);

    /// <summary>Sort order inside a block: folded name, then birth date, without building a key per record.</summary>
    public static int CompareOrder(MatchRecord a, MatchRecord b)
    {
        var c = string.CompareOrdinal(a.Name.Key, b.Name.Key);
        return c != 0 ? c : (a.Record.BirthDate?.DayNumber ?? 0).CompareTo(b.Record.BirthDate?.DayNumber ?? 0);
    }

    /// <summary>
    /// The same record for matching without the written name and address (matching reads only the folded forms), for
    /// large registers held in memory: keeps id, NIK, birth date and sex.
    /// </summary>
    public MatchRecord WithoutText() =>
        new(this, new PersonRecord(Record.Id) { Nik = Record.Nik, BirthDate = Record.BirthDate, Sex = Record.Sex });

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
