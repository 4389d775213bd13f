using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>The fields a list row can give; each list maps some of its columns to them.</summary>
public enum ListField
{
    Name = 0,
    Nik = 1,
    KkNumber = 2,
    BirthDate = 3,
    Address = 4,
    Region = 5,
    Sex = 6,
}

/// <summary>Which column of a list holds which field: found from the headers, changed on the mapping step.</summary>
public sealed class ColumnMapping
{
    private readonly Dictionary<ListField, string> columns;

    public ColumnMapping(IReadOnlyDictionary<ListField, string> columns) => this.columns = new Dictionary<ListField, string>(columns);

    public IReadOnlyDictionary<ListField, string> Columns => columns;

    public string? this[ListField field] => columns.TryGetValue(field, out var header) ? header : null;

    /// <summary>A row needs a name and at least one of NIK, KK number, birth date or address.</summary>
    public bool IsComplete =>
        columns.ContainsKey(ListField.Name)
        && (columns.ContainsKey(ListField.Nik) || columns.ContainsKey(ListField.KkNumber) || columns.ContainsKey(ListField.BirthDate) || columns.ContainsKey(ListField.Address));

    public string ToJson() => JsonSerializer.Serialize(columns.ToDictionary(c => c.Key.ToString(), c => c.Value));

    public static ColumnMapping FromJson(string json)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return new ColumnMapping(raw.Where(r => Enum.TryParse<ListField>(r.Key, out _)).ToDictionary(r => Enum.Parse<ListField>(r.Key), r => r.Value));
    }

    /// <summary>
    /// Maps headers by their usual names in Indonesian lists (NIK, NAMA, NO_KK, TGL_LAHIR, ALAMAT, KELURAHAN, JENIS_KELAMIN and
    /// English ones), compared without case, spaces and punctuation. Headers with no known name stay unmapped.
    /// </summary>
    public static ColumnMapping Detect(IReadOnlyList<string> headers)
    {
        var found = new Dictionary<ListField, string>();
        foreach (var header in headers)
        {
            var key = Compact(header);
            foreach (var (field, names) in KnownNames)
            {
                if (!found.ContainsKey(field) && names.Contains(key))
                {
                    found[field] = header;
                    break;
                }
            }
        }

        return new ColumnMapping(found);
    }

    internal static string Compact(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in header)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static readonly (ListField Field, HashSet<string> Names)[] KnownNames =
    [
        (ListField.Nik, Set("nik", "noktp", "nomorktp", "nonik", "nomornik", "nomorindukkependudukan", "ktp", "nikktp", "idnumber", "nationalid")),
        (ListField.KkNumber, Set("nokk", "kk", "nomorkk", "nkk", "nomorkartukeluarga", "kartukeluarga", "familycard", "familycardnumber", "kknumber")),
        (ListField.Name, Set("nama", "namalengkap", "name", "fullname", "namapenerima", "namakpm", "namapeserta", "namaanggota")),
        (ListField.BirthDate, Set("tanggallahir", "tgllahir", "tgllhr", "tanggallhr", "birthdate", "dateofbirth", "dob", "lahir")),
        (ListField.Address, Set("alamat", "alamatlengkap", "address", "jalan", "alamatrumah")),
        (ListField.Region, Set("kelurahan", "desa", "desakelurahan", "kelurahandesa", "kodekelurahan", "kodedesa", "village", "villagecode", "kodewilayah", "wilayah")),
        (ListField.Sex, Set("jeniskelamin", "jk", "kelamin", "sex", "gender", "lp")),
    ];

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}

/// <summary>Reads the values lists write: dates in the usual forms, sex as L/P or words.</summary>
public static class ListValues
{
    private static readonly string[] DateFormats =
    [
        "d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "d-MMM-yyyy", "d MMM yyyy", "d MMMM yyyy",
        "yyyy-M-d H:mm:ss", "yyyy-MM-ddTHH:mm:ss", "d/M/yyyy H:mm:ss", "d-M-yyyy H:mm:ss", "M/d/yyyy H:mm:ss",
    ];

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        foreach (var culture in new[] { CultureInfo.InvariantCulture, Indonesian })
        {
            if (DateTime.TryParseExact(t, DateFormats, culture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                return DateOnly.FromDateTime(parsed);
            }
        }

        // A spreadsheet serial number (days since 1899-12-30), as some XLSX exports leave dates.
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 80000)
        {
            return DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(Math.Floor(serial)));
        }

        return null;
    }

    public static Domain.Population.Sex? Sex(string? text) => text is null ? null : ColumnMapping.Compact(text) switch
    {
        "l" or "lk" or "laki" or "lakilaki" or "pria" or "m" or "male" or "1" => Domain.Population.Sex.Male,
        "p" or "pr" or "perempuan" or "wanita" or "f" or "female" or "2" => Domain.Population.Sex.Female,
        _ => null,
    };
}
