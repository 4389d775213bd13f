using System.Globalization;

namespace Adminduk.Domain.Matching.Evaluation;

/// <summary>A FEBRL record as a person record, with its true entity (the n of rec-n-org / rec-n-dup-k).</summary>
public sealed record FebrlRecord(PersonRecord Person, string Entity);

/// <summary>
/// Reads the FEBRL test files (header, fields separated by ", "): given name and surname make the name,
/// soc_sec_id the identity number, street number, address_1, address_2 and suburb the address, the postcode the
/// region; date_of_birth is YYYYMMDD (an impossible date counts as missing). State is left out: it is coarser than
/// the postcode.
/// </summary>
public static class FebrlRecords
{
    private static readonly string[] Header =
    [
        "rec_id", "given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state",
        "date_of_birth", "soc_sec_id",
    ];

    public static IReadOnlyList<FebrlRecord> Read(TextReader reader)
    {
        var header = reader.ReadLine()?.Split(',').Select(h => h.Trim()).ToArray();
        if (header is null || !header.SequenceEqual(Header, StringComparer.Ordinal))
        {
            throw new FormatException("Not a FEBRL file: the header differs.");
        }

        var result = new List<FebrlRecord>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split(',').Select(x => x.Trim()).ToArray();
            if (f.Length != Header.Length)
            {
                throw new FormatException($"Line {lineNumber}: {f.Length} fields instead of {Header.Length}.");
            }

            var person = new PersonRecord(f[0])
            {
                Name = Join(f[1], f[2]),
                Address = Join(f[3], f[4], f[5], f[6]),
                RegionCode = Empty(f[7]),
                BirthDate = DateOnly.TryParseExact(f[9], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                Nik = Empty(f[10]),
            };
            result.Add(new FebrlRecord(person, Entity(f[0])));
        }

        return result;
    }

    /// <summary>"rec-12-dup-3" and "rec-12-org" are entity "12".</summary>
    public static string Entity(string recordId)
    {
        var parts = recordId.Split('-');
        if (parts.Length < 3 || parts[0] != "rec")
        {
            throw new FormatException($"Not a FEBRL record id: {recordId}.");
        }

        return parts[1];
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;

    private static string? Join(params string[] parts)
    {
        var joined = string.Join(' ', parts.Where(p => p.Length > 0));
        return joined.Length == 0 ? null : joined;
    }
}
