using System.Globalization;
using System.Xml.Linq;

namespace Adminduk.Web.Features.BackOffice.Reports;

/// <summary>
/// A server-rendered SVG of decisions per day over the report's days, stacked per operator, with the office's daily
/// capacity as a dashed line. Presentation attributes only (no style attribute), so it passes the CSP without inline styles.
/// </summary>
public static class WorkloadChart
{
    public const int Width = 600;
    public const int Height = 240;

    /// <summary>Colours people with common colour-vision deficiencies can tell apart (Okabe-Ito).</summary>
    public static readonly IReadOnlyList<string> Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    private const int Left = 40;
    private const int Right = 8;
    private const int Top = 10;
    private const int Bottom = 26;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>The operators in chart order (stack order and legend), each with its colour.</summary>
    public static IReadOnlyList<(Guid Id, string Name, string Colour)> Legend(OfficeReport report) =>
        [.. report.Workload.GroupBy(w => w.OperatorId)
            .Select(g => (Id: g.Key, Name: g.OrderByDescending(w => w.Day).First().Operator))
            .OrderBy(o => o.Name, StringComparer.Ordinal)
            .Select((o, i) => (o.Id, o.Name, Palette[i % Palette.Count]))];

    public static string Render(OfficeReport report, string title, string capacityLabel)
    {
        var days = report.Days.ToList();
        var legend = Legend(report);
        var perDay = report.Workload.ToLookup(w => w.Day);
        var max = Math.Max(report.DailyCapacity, days.Select(d => perDay[d].Sum(w => w.Decided)).DefaultIfEmpty(0).Max());
        var top = NiceCeiling(Math.Max(max, 1));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = (double)plotWidth / days.Count;
        double Y(double value) => Top + plotHeight - (value / top * plotHeight);

        var svg = new XElement(Svg + "svg",
            new XAttribute("xmlns", Svg.NamespaceName),
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "workload-chart-title"),
            new XAttribute("class", "chart"),
            new XElement(Svg + "title", new XAttribute("id", "workload-chart-title"), title));

        foreach (var tick in new[] { 0, top / 2, top }.Distinct())
        {
            svg.Add(
                new XElement(Svg + "line", Attr("x1", Left), Attr("x2", Width - Right), Attr("y1", Y(tick)), Attr("y2", Y(tick)),
                    new XAttribute("stroke", "#d6dbe3"), new XAttribute("stroke-width", "1")),
                new XElement(Svg + "text", Attr("x", Left - 4), Attr("y", Y(tick) + 4), new XAttribute("text-anchor", "end"),
                    new XAttribute("font-size", "11"), new XAttribute("fill", "#4f5b6b"), tick.ToString(CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < days.Count; i++)
        {
            var x = Left + (i * slot) + 1;
            var stacked = 0;
            foreach (var (id, name, colour) in legend)
            {
                var row = perDay[days[i]].FirstOrDefault(w => w.OperatorId == id);
                if (row is null || row.Decided == 0)
                {
                    continue;
                }

                svg.Add(new XElement(Svg + "rect",
                    Attr("x", x), Attr("y", Y(stacked + row.Decided)), Attr("width", Math.Max(slot - 2, 1)), Attr("height", Y(stacked) - Y(stacked + row.Decided)),
                    new XAttribute("fill", colour),
                    new XElement(Svg + "title", string.Create(CultureInfo.InvariantCulture, $"{days[i]:dd-MM} {name}: {row.Decided}"))));
                stacked += row.Decided;
            }

            if (i % 5 == 0 || i == days.Count - 1)
            {
                svg.Add(new XElement(Svg + "text", Attr("x", x + (slot / 2)), Attr("y", Height - 8), new XAttribute("text-anchor", "middle"),
                    new XAttribute("font-size", "11"), new XAttribute("fill", "#4f5b6b"), days[i].ToString("dd-MM", CultureInfo.InvariantCulture)));
            }
        }

        if (report.DailyCapacity > 0)
        {
            svg.Add(
                new XElement(Svg + "line", Attr("x1", Left), Attr("x2", Width - Right), Attr("y1", Y(report.DailyCapacity)), Attr("y2", Y(report.DailyCapacity)),
                    new XAttribute("stroke", "#a61b1b"), new XAttribute("stroke-width", "2"), new XAttribute("stroke-dasharray", "6 4")),
                new XElement(Svg + "text", Attr("x", Width - Right - 2), Attr("y", Y(report.DailyCapacity) - 4), new XAttribute("text-anchor", "end"),
                    new XAttribute("font-size", "11"), new XAttribute("fill", "#a61b1b"), capacityLabel));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above the value: round axis labels.</summary>
    public static int NiceCeiling(int value)
    {
        var power = 1;
        while (true)
        {
            foreach (var step in new[] { 1, 2, 5 })
            {
                if (step * power >= value)
                {
                    return step * power;
                }
            }

            power *= 10;
        }
    }

    private static XAttribute Attr(string name, double value) => new(name, Math.Round(value, 1).ToString(CultureInfo.InvariantCulture));
}
