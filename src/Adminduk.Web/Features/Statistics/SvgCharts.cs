using System.Globalization;
using System.Xml.Linq;

namespace Adminduk.Web.Features.Statistics;

/// <summary>One bar series of a column chart: its name, colour and one value per column.</summary>
public sealed record ChartSeries(string Name, string Colour, IReadOnlyList<int> Values);

/// <summary>
/// Server-rendered SVG charts for the RT dashboard and the statistics pages: no JavaScript, no style attributes (the CSP
/// allows none), a viewBox 360 units wide so they fit a phone, an accessible title and summary, and a title on every bar.
/// </summary>
public static class SvgCharts
{
    public const int Width = 360;

    /// <summary>Okabe-Ito colours, distinguishable with common colour-vision deficiencies.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    public const string MaleColour = "#0072B2";
    public const string FemaleColour = "#D55E00";

    private const string Ink = "#1d2430";
    private const string Muted = "#4f5b6b";
    private const string Grid = "#d6dbe3";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>One horizontal bar per category, the value written after the bar.</summary>
    public static string Bars(string id, string title, IReadOnlyList<(string Label, int Value)> rows)
    {
        const int rowHeight = 22;
        const int labelWidth = 150;
        const int valueWidth = 52;
        var height = Math.Max(rows.Count, 1) * rowHeight + 6;
        var max = Math.Max(rows.Select(r => r.Value).DefaultIfEmpty(0).Max(), 1);
        var plot = Width - labelWidth - valueWidth;
        var svg = Root(id, title, height, string.Join("; ", rows.Select(r => $"{r.Label}: {Number(r.Value)}")));
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            var y = 3 + (i * rowHeight);
            var length = (double)value / max * plot;
            svg.Add(
                Text(labelWidth - 6, y + 15, Shorten(label, 24), "end", Ink),
                Rect(labelWidth, y + 3, Math.Max(length, value > 0 ? 1 : 0), rowHeight - 6, Palette[0], $"{label}: {Number(value)}"),
                Text(labelWidth + length + 4, y + 15, Number(value), "start", Muted));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>An age pyramid: men to the left, women to the right of the middle, youngest band at the bottom.</summary>
    public static string Pyramid(string id, string title, IReadOnlyList<(string Band, int Male, int Female)> bands, string maleLabel, string femaleLabel)
    {
        const int rowHeight = 16;
        const int top = 22;
        const int labelWidth = 44;
        var height = top + (bands.Count * rowHeight) + 4;
        var max = Math.Max(bands.SelectMany(b => new[] { b.Male, b.Female }).DefaultIfEmpty(0).Max(), 1);
        var half = (Width - labelWidth) / 2.0;
        var middle = half;
        var svg = Root(id, title, height,
            string.Join("; ", bands.Select(b => $"{b.Band}: {maleLabel} {Number(b.Male)}, {femaleLabel} {Number(b.Female)}")));
        svg.Add(
            Text(4, 14, maleLabel, "start", MaleColour),
            Text(Width - 4, 14, femaleLabel, "end", FemaleColour));
        for (var i = 0; i < bands.Count; i++)
        {
            // Oldest band on top.
            var (band, male, female) = bands[bands.Count - 1 - i];
            var y = top + (i * rowHeight);
            var maleLength = male / (double)max * (half - 4);
            var femaleLength = female / (double)max * (half - 4);
            svg.Add(
                Rect(middle - maleLength, y + 1, maleLength, rowHeight - 3, MaleColour, $"{band} {maleLabel}: {Number(male)}"),
                Text(middle + (labelWidth / 2.0), y + 11, band, "middle", Ink, 10),
                Rect(middle + labelWidth, y + 1, femaleLength, rowHeight - 3, FemaleColour, $"{band} {femaleLabel}: {Number(female)}"));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Grouped columns per period (e.g. month), negatives below a zero line.</summary>
    public static string Columns(string id, string title, IReadOnlyList<string> periods, IReadOnlyList<ChartSeries> series)
    {
        const int height = 200;
        const int left = 40;
        const int right = 4;
        const int top = 8;
        const int bottom = 22;
        var values = series.SelectMany(s => s.Values).DefaultIfEmpty(0).ToList();
        var high = NiceCeiling(Math.Max(values.Max(), 1));
        var low = values.Min() < 0 ? -NiceCeiling(-values.Min()) : 0;
        var plotHeight = height - top - bottom;
        double Y(double v) => top + ((high - v) / (high - low) * plotHeight);
        var slot = (Width - left - right) / (double)Math.Max(periods.Count, 1);
        var barWidth = Math.Max((slot - 2) / Math.Max(series.Count, 1), 1);

        var summary = string.Join("; ", periods.Select((p, i) => p + ": " + string.Join(", ", series.Select(s => $"{s.Name} {Number(s.Values[i])}"))));
        var svg = Root(id, title, height, summary);
        foreach (var tick in new[] { low, 0, high }.Distinct())
        {
            svg.Add(
                Line(left, Width - right, Y(tick), tick == 0 ? Muted : Grid),
                Text(left - 4, Y(tick) + 4, Number(tick), "end", Muted));
        }

        for (var p = 0; p < periods.Count; p++)
        {
            var x = left + (p * slot) + 1;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[p];
                var y1 = Y(Math.Max(value, 0));
                var y2 = Y(Math.Min(value, 0));
                svg.Add(Rect(x + (s * barWidth), y1, barWidth, Math.Max(y2 - y1, value == 0 ? 0 : 1), series[s].Colour,
                    $"{periods[p]} {series[s].Name}: {Number(value)}"));
            }

            // Every other label from the last one back when more than six: "Des 25" is wider than a month's slot at 360.
            if (periods.Count <= 6 || (periods.Count - 1 - p) % 2 == 0)
            {
                svg.Add(Text(x + (slot / 2), height - 6, periods[p], "middle", Muted, 10));
            }
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

    private static XElement Root(string id, string title, int height, string summary) =>
        new(Svg + "svg",
            new XAttribute("xmlns", Svg.NamespaceName),
            new XAttribute("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {height}")),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-title {id}-desc"),
            new XAttribute("class", "chart"),
            new XAttribute("id", id),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), summary));

    private static XElement Rect(double x, double y, double width, double height, string fill, string tooltip) =>
        new(Svg + "rect", Attr("x", x), Attr("y", y), Attr("width", width), Attr("height", height), new XAttribute("fill", fill),
            new XElement(Svg + "title", tooltip));

    private static XElement Text(double x, double y, string text, string anchor, string fill, int size = 11) =>
        new(Svg + "text", Attr("x", x), Attr("y", y), new XAttribute("text-anchor", anchor),
            new XAttribute("font-size", size.ToString(CultureInfo.InvariantCulture)), new XAttribute("fill", fill), text);

    private static XElement Line(double x1, double x2, double y, string stroke) =>
        new(Svg + "line", Attr("x1", x1), Attr("x2", x2), Attr("y1", y), Attr("y2", y), new XAttribute("stroke", stroke), new XAttribute("stroke-width", "1"));

    private static XAttribute Attr(string name, double value) => new(name, Math.Round(value, 1).ToString(CultureInfo.InvariantCulture));

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
