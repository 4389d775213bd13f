using QRCoder;
using SkiaSharp;
using static Adminduk.Web.Features.Documents.DocumentText;

namespace Adminduk.Web.Features.Documents;

/// <summary>
/// Draws a <see cref="DocumentLayout"/> as an A4 PDF with SkiaSharp: real text in an embedded font (selectable and
/// searchable), the verification QR code as vector squares at the top right of the first page.
/// </summary>
public static class DocumentRenderer
{
    private const float Margin = 48;
    private const float QrSize = 96;
    private const float LineGap = 1.35f;

    private static readonly Lazy<SKTypeface> Regular = new(() => LoadFont("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> Bold = new(() => LoadFont("DejaVuSans-Bold.ttf"));

    public static byte[] Render(DocumentContent content, DateTimeOffset issuedAt) => Render(DocumentLayouts.For(content), issuedAt);

    public static byte[] Render(DocumentLayout layout, DateTimeOffset issuedAt)
    {
        using var output = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = layout.Title,
            Subject = layout.Header.Number,
            Author = layout.Header.OfficeName,
            Creator = "Adminduk",
            Producer = "Adminduk",
            Creation = issuedAt.UtcDateTime,
            Modified = issuedAt.UtcDateTime,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            new PageWriter(document, layout).Write();
            document.Close();
        }

        return output.ToArray();
    }

    private static SKTypeface LoadFont(string file)
    {
        using var stream = typeof(DocumentRenderer).Assembly.GetManifestResourceStream("Adminduk.Web.Documents.Fonts." + file)
            ?? throw new InvalidOperationException($"Embedded font {file} is missing.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"Font {file} does not load.");
    }

    /// <summary>Lays blocks top to bottom, starting a new page when one is full.</summary>
    private sealed class PageWriter(SKDocument document, DocumentLayout layout)
    {
        private readonly float width = layout.Landscape ? 841.89f : 595.28f;
        private readonly float height = layout.Landscape ? 595.28f : 841.89f;
        private readonly SKPaint ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint rule = new() { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };
        private readonly SKPaint shade = new() { Color = new SKColor(0xEE, 0xEE, 0xEE), Style = SKPaintStyle.Fill };
        private SKCanvas canvas = null!;
        private float y;
        private int page;

        private float Left => Margin;

        private float Right => width - Margin;

        private float Bottom => height - Margin - 14;

        public void Write()
        {
            NewPage();
            DrawLetterhead();
            foreach (var block in layout.Blocks)
            {
                switch (block)
                {
                    case HeadingBlock h:
                        Space(8);
                        Lines(h.Text, Font(true, 10), Left, Right - Left);
                        Space(2);
                        break;
                    case ParagraphBlock p:
                        Space(4);
                        Lines(p.Text, Font(false, 10), Left, Right - Left);
                        Space(4);
                        break;
                    case FieldsBlock f:
                        Fields(f);
                        break;
                    case TableBlock t:
                        Space(6);
                        Table(t);
                        break;
                }
            }

            Footer();
            document.EndPage();
        }

        private static SKFont Font(bool bold, float size) => new((bold ? Bold : Regular).Value, size) { Subpixel = true };

        private void NewPage()
        {
            if (page > 0)
            {
                document.EndPage();
            }

            canvas = document.BeginPage(width, height);
            page++;
            y = Margin;
            using var small = Font(false, 7);
            canvas.DrawText($"{layout.Header.Number} · {Get("Footer.Code", layout.Header.VerificationCode)}", Left, height - Margin + 6, SKTextAlign.Left, small, ink);
        }

        private void Space(float points) => y += points;

        private void Ensure(float needed)
        {
            if (y + needed > Bottom)
            {
                NewPage();
            }
        }

        private void DrawLetterhead()
        {
            var qrLeft = Right - QrSize;
            DrawQr(layout.Header.VerificationUrl, qrLeft, y - 6, QrSize);
            using (var bold = Font(true, 11))
            using (var regular = Font(false, 9))
            {
                var textWidth = qrLeft - Left - 12;
                Lines(Get("Header.Country"), bold, Left, textWidth);
                Lines(Get("Header.Government", layout.Header.RegencyName.ToUpperInvariant()), bold, Left, textWidth);
                Lines(Get("Header.Office"), bold, Left, textWidth);
                Lines(layout.Header.OfficeName, regular, Left, textWidth);
            }

            y = Math.Max(y, Margin + QrSize - 6) + 8;
            canvas.DrawLine(Left, y, Right, y, rule);
            y += 22;
            using var title = Font(true, 15);
            Centered(layout.Title, title);
            using var number = Font(false, 11);
            Centered(layout.NumberLine, number);
            y += 8;
        }

        private void Centered(string text, SKFont font)
        {
            foreach (var line in Wrap(text, font, Right - Left))
            {
                Ensure(font.Size * LineGap);
                y += font.Size;
                canvas.DrawText(line, (Left + Right) / 2, y, SKTextAlign.Center, font, ink);
                y += font.Size * (LineGap - 1);
            }
        }

        /// <summary>Draws wrapped text from the current line downwards.</summary>
        private void Lines(string text, SKFont font, float x, float maxWidth)
        {
            foreach (var line in Wrap(text, font, maxWidth))
            {
                Ensure(font.Size * LineGap);
                y += font.Size;
                canvas.DrawText(line, x, y, SKTextAlign.Left, font, ink);
                y += font.Size * (LineGap - 1);
            }
        }

        /// <summary>"Label : value" rows; on a landscape page in two columns side by side, as on the printed KK.</summary>
        private void Fields(FieldsBlock block)
        {
            if (layout.Landscape && block.Rows.Count > 4)
            {
                var half = (block.Rows.Count + 1) / 2;
                var gap = 24f;
                var columnWidth = (Right - Left - gap) / 2;
                var top = y;
                FieldColumn(block.Rows.Take(half), Left, columnWidth);
                var leftBottom = y;
                y = top;
                FieldColumn(block.Rows.Skip(half), Left + columnWidth + gap, columnWidth);
                y = Math.Max(y, leftBottom);
                return;
            }

            FieldColumn(block.Rows, Left, Right - Left);
        }

        private void FieldColumn(IEnumerable<LabelledValue> rows, float x, float columnWidth)
        {
            using var font = Font(false, 10);
            var labelWidth = Math.Min(190, columnWidth * 0.36f);
            foreach (var row in rows)
            {
                var valueLines = Wrap(row.Value, font, columnWidth - labelWidth - 12);
                Ensure(font.Size * LineGap * valueLines.Count);
                y += font.Size;
                canvas.DrawText(row.Label, x, y, SKTextAlign.Left, font, ink);
                canvas.DrawText(":", x + labelWidth, y, SKTextAlign.Left, font, ink);
                for (var i = 0; i < valueLines.Count; i++)
                {
                    if (i > 0)
                    {
                        y += font.Size * LineGap;
                    }

                    canvas.DrawText(valueLines[i], x + labelWidth + 10, y, SKTextAlign.Left, font, ink);
                }

                y += font.Size * (LineGap - 1);
            }
        }

        private void Table(TableBlock table)
        {
            var size = layout.Landscape ? 8f : 9f;
            using var head = Font(true, size);
            using var body = Font(false, size);
            var total = table.Widths.Sum();
            var widths = table.Widths.Select(w => w / total * (Right - Left)).ToArray();

            void Row(IReadOnlyList<string> cells, SKFont font, bool header)
            {
                var wrapped = cells.Select((c, i) => Wrap(c, font, widths[i] - 6)).ToList();
                var rowHeight = wrapped.Max(w => w.Count) * size * LineGap + 6;
                if (y + rowHeight > Bottom)
                {
                    NewPage();
                    if (!header)
                    {
                        Row(table.Headers, head, true);
                    }
                }

                var x = Left;
                if (header)
                {
                    canvas.DrawRect(Left, y, Right - Left, rowHeight, shade);
                }

                for (var i = 0; i < wrapped.Count; i++)
                {
                    canvas.DrawRect(x, y, widths[i], rowHeight, rule);
                    var lineY = y + 3;
                    foreach (var line in wrapped[i])
                    {
                        lineY += size;
                        canvas.DrawText(line, x + 3, lineY, SKTextAlign.Left, font, ink);
                        lineY += size * (LineGap - 1);
                    }

                    x += widths[i];
                }

                y += rowHeight;
            }

            Row(table.Headers, head, true);
            foreach (var row in table.Rows)
            {
                Row(row, body, false);
            }
        }

        /// <summary>Place, date and officer on the right; beside them, the electronic-issue statement and the code.</summary>
        private void Footer()
        {
            using var font = Font(false, 10);
            using var bold = Font(true, 10);
            using var small = Font(false, 8);
            var header = layout.Header;
            var column = Left + ((Right - Left) * 0.55f);
            var columnWidth = Right - column;
            var signature = new[]
            {
                Get("Footer.PlaceDate", header.Place, Date(header.IssuedOn)),
                Get("Footer.OnBehalf", header.OfficeName),
                Get("Footer.Officer"),
            }.SelectMany(t => Wrap(t, font, columnWidth)).ToList();
            var statement = Wrap(Get("Footer.Electronic", header.VerificationUrl), small, column - Left - 18);
            statement.AddRange(Wrap(Get("Footer.Code", header.VerificationCode), small, column - Left - 18));
            var rightHeight = (signature.Count + 1) * font.Size * LineGap + 22;
            var leftHeight = statement.Count * small.Size * LineGap;
            Ensure(Math.Max(rightHeight, leftHeight) + 16);
            var top = y + 16;
            y = top;
            foreach (var line in signature)
            {
                Lines(line, font, column, columnWidth);
            }

            y += 22;
            Lines(header.OfficerName, bold, column, columnWidth);
            var bottom = y;
            y = top;
            foreach (var line in statement)
            {
                y += small.Size;
                canvas.DrawText(line, Left, y, SKTextAlign.Left, small, ink);
                y += small.Size * (LineGap - 1);
            }

            y = Math.Max(y, bottom);
        }

        private void DrawQr(string url, float x, float top, float size)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
            var matrix = data.ModuleMatrix; // includes the 4-module quiet zone
            var module = size / matrix.Count;
            using var fill = new SKPaint { Color = SKColors.Black, Style = SKPaintStyle.Fill, IsAntialias = false };
            for (var row = 0; row < matrix.Count; row++)
            {
                for (var col = 0; col < matrix[row].Count; col++)
                {
                    if (matrix[row][col])
                    {
                        // A hair of overlap so adjacent squares leave no seams when rasterised.
                        canvas.DrawRect(x + (col * module), top + (row * module), module + 0.05f, module + 0.05f, fill);
                    }
                }
            }
        }

        private static List<string> Wrap(string text, SKFont font, float maxWidth)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var current = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = current.Length == 0 ? word : current + " " + word;
                    if (font.MeasureText(candidate) <= maxWidth)
                    {
                        current = candidate;
                        continue;
                    }

                    if (current.Length > 0)
                    {
                        lines.Add(current);
                    }

                    current = font.MeasureText(word) <= maxWidth ? word : BreakLong(word, font, maxWidth, lines);
                }

                lines.Add(current);
            }

            return lines;
        }

        /// <summary>Splits a word wider than the column (a long URL or number) into pieces that fit; returns the last piece.</summary>
        private static string BreakLong(string word, SKFont font, float maxWidth, List<string> lines)
        {
            var rest = word;
            while (rest.Length > 1 && font.MeasureText(rest) > maxWidth)
            {
                var take = rest.Length - 1;
                while (take > 1 && font.MeasureText(rest.AsSpan(0, take)) > maxWidth)
                {
                    take--;
                }

                lines.Add(rest[..take]);
                rest = rest[take..];
            }

            return rest;
        }
    }
}
