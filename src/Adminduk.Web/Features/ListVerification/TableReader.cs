using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Adminduk.Web.Features.ListVerification;

public enum ListFormat
{
    Csv = 0,
    Xlsx = 1,
}

/// <summary>
/// Reads a list file row by row without holding it whole: CSV (comma, semicolon or tab, quotes as RFC 4180, UTF-8 with
/// or without BOM) or the first sheet of an XLSX workbook (MiniExcel, streaming). The first row holds the headers.
/// </summary>
public sealed class TableReader : IDisposable
{
    private readonly IEnumerator<string[]> rows;
    private readonly IDisposable? owned;

    private TableReader(IEnumerable<string[]> source, IDisposable? owned)
    {
        this.owned = owned;
        rows = source.GetEnumerator();
        Headers = rows.MoveNext() ? [.. rows.Current.Select(h => h.Trim())] : [];
        Line = 1;
    }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>The line (CSV) or sheet row (XLSX) of the last row read; the header is 1.</summary>
    public int Line { get; private set; }

    public static ListFormat FormatOf(string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ListFormat.Xlsx : ListFormat.Csv;

    /// <summary>Opens a file; XLSX needs a seekable stream (a zip), so files are read from disk.</summary>
    public static TableReader Open(string path, ListFormat format)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return format == ListFormat.Xlsx ? new TableReader(Xlsx(stream), stream) : Open(stream);
    }

    public static TableReader Open(Stream csv)
    {
        var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return new TableReader(Csv(reader), reader);
    }

    /// <summary>The next data row (cells in header order, missing cells empty); false at the end. Blank rows are skipped.</summary>
    public bool Read(out string[] row)
    {
        while (rows.MoveNext())
        {
            Line++;
            var cells = rows.Current;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (cells.Length < Headers.Count)
            {
                Array.Resize(ref cells, Headers.Count);
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] ??= "";
                }
            }

            row = cells;
            return true;
        }

        row = [];
        return false;
    }

    public void Dispose()
    {
        rows.Dispose();
        owned?.Dispose();
    }

    private static IEnumerable<string[]> Xlsx(Stream stream)
    {
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            yield return [.. row.Values.Select(Cell)];
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e17 => n.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static IEnumerable<string[]> Csv(TextReader reader)
    {
        var first = reader.ReadLine();
        if (first is null)
        {
            yield break;
        }

        var delimiter = Delimiter(first);
        var cells = new List<string>();
        var cell = new StringBuilder();
        // The header line is parsed like any other: prepend it to the rest.
        foreach (var row in Records(new ConcatReader(first, reader), delimiter, cells, cell))
        {
            yield return row;
        }
    }

    private static char Delimiter(string header)
    {
        var counts = new[] { (',', header.Count(c => c == ',')), (';', header.Count(c => c == ';')), ('\t', header.Count(c => c == '\t')) };
        return counts.MaxBy(c => c.Item2).Item1;
    }

    private static IEnumerable<string[]> Records(ConcatReader reader, char delimiter, List<string> cells, StringBuilder cell)
    {
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append(ch);
                }

                continue;
            }

            if (ch == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (ch == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                cells.Add(cell.ToString());
                cell.Clear();
                yield return [.. cells];
                cells.Clear();
                any = false;
            }
            else
            {
                cell.Append(ch);
            }
        }

        if (any)
        {
            cells.Add(cell.ToString());
            cell.Clear();
            yield return [.. cells];
            cells.Clear();
        }
    }

    /// <summary>The header line already read, a line break, then the rest of the reader.</summary>
    private sealed class ConcatReader(string first, TextReader rest)
    {
        private int position;

        public int Read()
        {
            if (position < first.Length)
            {
                return first[position++];
            }

            if (position == first.Length)
            {
                position++;
                return '\n';
            }

            return rest.Read();
        }

        public int Peek() => position < first.Length ? first[position] : position == first.Length ? '\n' : rest.Peek();
    }
}
