using System.Globalization;
using System.Xml.Linq;

namespace Adminduk.Web.Features.Ektp;

/// <summary>
/// A server-rendered SVG of blank cards used per day (bars) and the balance at the end of each day (line), with the
/// balance at which the reorder alert starts as a dashed line. Presentation attributes only, so it passes the CSP.
/// </summary>
public static class StockChart
{
    public const int Width = 600;
    public const int Height = 260;
    public const string UseColour = "#E69F00";
    public const string BalanceColour = "#0072B2";
    public const string AlertColour = "#D55E00";

    private const int Left = 48;
    private const int Right = 48;
    private const int Top = 12;
    private const int Bottom = 28;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(IReadOnlyList<StockDay> days, double alertBalance, string title)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var balanceTop = Nice(Math.Max(1, Math.Max(alertBalance, days.Select(d => d.Balance).DefaultIfEmpty(0).Max())));
        var useTop = Nice(Math.Max(1, days.Select(d => d.Used).DefaultIfEmpty(0).Max()));
        var slot = days.Count == 0 ? plotWidth : (double)plotWidth / days.Count;
        double YBalance(double v) => Top + plotHeight - (v / balanceTop * plotHeight);
        double YUse(double v) => Top + plotHeight - (v / useTop * plotHeight);

        var svg = new XElement(Svg + "svg",
            new XAttribute("xmlns", Svg.NamespaceName),
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", "stock-chart-title"),
            new XAttribute("class", "chart"),
            new XElement(Svg + "title", new XAttribute("id", "stock-chart-title"), title));
        foreach (var tick in new[] { 0, balanceTop / 2, balanceTop })
        {
            svg.Add(
                new XElement(Svg + "line", Attr("x1", Left), Attr("x2", Width - Right), Attr("y1", YBalance(tick)), Attr("y2", YBalance(tick)),
                    new XAttribute("stroke", "#d6dbe3"), new XAttribute("stroke-width", "1")),
                Label(Left - 4, YBalance(tick) + 4, "end", BalanceColour, tick),
                Label(Width - Right + 4, YBalance(tick) + 4, "start", UseColour, tick * useTop / balanceTop));
        }

        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            if (d.Used > 0)
            {
                svg.Add(new XElement(Svg + "rect",
                    Attr("x", Left + (i * slot) + (slot * 0.15)), Attr("y", YUse(d.Used)),
                    Attr("width", slot * 0.7), Attr("height", Top + plotHeight - YUse(d.Used)),
                    new XAttribute("fill", UseColour),
                    new XElement(Svg + "title", string.Create(CultureInfo.InvariantCulture, $"{d.Day:dd-MM}: {d.Used} / {d.Balance}"))));
            }

            if (i % Math.Max(1, days.Count / 6) == 0)
            {
                svg.Add(new XElement(Svg + "text", Attr("x", Left + (i * slot) + (slot / 2)), Attr("y", Height - 8),
                    new XAttribute("text-anchor", "middle"), new XAttribute("font-size", "11"), new XAttribute("fill", "#4f5b6b"),
                    d.Day.ToString("dd-MM", CultureInfo.InvariantCulture)));
            }
        }

        if (days.Count > 0)
        {
            var points = string.Join(" ", days.Select((d, i) =>
                string.Create(CultureInfo.InvariantCulture, $"{Left + (i * slot) + (slot / 2):0.#},{YBalance(d.Balance):0.#}")));
            svg.Add(new XElement(Svg + "polyline", new XAttribute("points", points), new XAttribute("fill", "none"),
                new XAttribute("stroke", BalanceColour), new XAttribute("stroke-width", "2.5")));
        }

        if (alertBalance > 0)
        {
            svg.Add(new XElement(Svg + "line", Attr("x1", Left), Attr("x2", Width - Right), Attr("y1", YBalance(alertBalance)), Attr("y2", YBalance(alertBalance)),
                new XAttribute("stroke", AlertColour), new XAttribute("stroke-width", "1.5"), new XAttribute("stroke-dasharray", "6 4")));
        }

        return svg.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Label(double x, double y, string anchor, string colour, double value) =>
        new(Svg + "text", Attr("x", x), Attr("y", y), new XAttribute("text-anchor", anchor), new XAttribute("font-size", "11"),
            new XAttribute("fill", colour), Math.Round(value).ToString("N0", CultureInfo.InvariantCulture));

    private static XAttribute Attr(string name, double value) => new(name, value.ToString("0.#", CultureInfo.InvariantCulture));

    private static int Nice(double max)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= max)
            {
                return (int)Math.Ceiling(step * magnitude);
            }
        }

        return (int)Math.Ceiling(10 * magnitude);
    }
}
