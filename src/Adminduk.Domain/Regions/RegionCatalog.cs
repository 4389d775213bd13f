using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace Adminduk.Domain.Regions;

/// <summary>
/// Every current Indonesian province, regency/city, district and village with its Kemendagri code,
/// from the idn-area-data 4.0.1 dataset (ODbL, see NOTICE) shipped as gzip-compressed embedded CSV.
/// Loaded once per process; lookups are dictionary reads.
/// </summary>
public sealed class RegionCatalog
{
    private static readonly Lazy<RegionCatalog> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Region> byCode;
    private readonly Dictionary<string, List<Region>> children;

    public RegionCatalog(IEnumerable<Region> regions)
    {
        byCode = new Dictionary<string, Region>(StringComparer.Ordinal);
        children = new Dictionary<string, List<Region>>(StringComparer.Ordinal);
        var provinces = new List<Region>();
        foreach (var r in regions)
        {
            byCode[r.Code] = r;
            if (r.ParentCode is null)
            {
                provinces.Add(r);
                continue;
            }

            if (!children.TryGetValue(r.ParentCode, out var list))
            {
                list = [];
                children[r.ParentCode] = list;
            }

            list.Add(r);
        }

        Provinces = provinces;
    }

    /// <summary>The catalogue built from the embedded dataset.</summary>
    public static RegionCatalog Default => LazyDefault.Value;

    public IReadOnlyList<Region> Provinces { get; }

    public int Count => byCode.Count;

    /// <summary>Finds a region by dotted ("64.71") or plain-digit ("6471") code.</summary>
    public Region? Find(string code)
    {
        if (byCode.TryGetValue(code, out var r))
        {
            return r;
        }

        var dotted = RegionCode.FromDigits(code);
        return dotted is not null && byCode.TryGetValue(dotted, out r) ? r : null;
    }

    public IReadOnlyList<Region> ChildrenOf(string code)
    {
        var region = Find(code);
        return region is not null && children.TryGetValue(region.Code, out var list) ? list : [];
    }

    private static RegionCatalog LoadEmbedded()
    {
        var regions = new List<Region>(92_000);
        Read("provinces", RegionLevel.Province, regions);
        Read("regencies", RegionLevel.Regency, regions);
        Read("districts", RegionLevel.District, regions);
        Read("villages", RegionLevel.Village, regions);
        return new RegionCatalog(regions);
    }

    private static void Read(string name, RegionLevel level, List<Region> into)
    {
        var assembly = typeof(RegionCatalog).Assembly;
        var resource = $"Adminduk.Domain.Regions.Data.{name}.csv.gz";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        _ = reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitCsvLine(line);
            // provinces: code,name; the others: code,parent_code,name
            var region = level == RegionLevel.Province
                ? new Region(fields[0], fields[1], level, null)
                : new Region(fields[0], fields[2], level, fields[1]);
            into.Add(region);
        }
    }

    /// <summary>RFC 4180 split of one line: quoted fields may hold commas and doubled quotes.</summary>
    internal static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>(3);
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString());
        return fields;
    }
}
