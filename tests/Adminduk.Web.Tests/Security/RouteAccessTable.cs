using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Security;

/// <summary>A row of route-access.csv: a route and, per caller, whether it may call it.</summary>
public sealed record RouteAccessRow(string Method, string Route, string? Sample, IReadOnlyDictionary<string, bool> Allowed, int Line)
{
    public string Key => $"{Method} {Route}";

    public string Path => Sample ?? Route;
}

public static class RouteAccessTable
{
    public const string FileName = "route-access.csv";

    public static IReadOnlyList<RouteAccessRow> Load() =>
        Parse(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Security", FileName)));

    public static IReadOnlyList<RouteAccessRow> Parse(IReadOnlyList<string> lines)
    {
        string[]? header = null;
        var rows = new List<RouteAccessRow>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = cells;
                string[] expected = ["method", "route", "sample", .. Callers.All];
                if (!header.SequenceEqual(expected))
                {
                    throw new FormatException($"{FileName}: header must be '{string.Join(", ", expected)}'.");
                }

                continue;
            }

            if (cells.Length != header.Length)
            {
                throw new FormatException($"{FileName} line {i + 1}: {cells.Length} cells, expected {header.Length}.");
            }

            var allowed = new Dictionary<string, bool>();
            for (var c = 3; c < cells.Length; c++)
            {
                allowed[header[c]] = cells[c] switch
                {
                    "allow" => true,
                    "deny" => false,
                    _ => throw new FormatException($"{FileName} line {i + 1}: '{cells[c]}' is neither allow nor deny."),
                };
            }

            rows.Add(new RouteAccessRow(cells[0].ToUpperInvariant(), cells[1], cells[2].Length > 0 ? cells[2] : null, allowed, i + 1));
        }

        return rows;
    }
}
