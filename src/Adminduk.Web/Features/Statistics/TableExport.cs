using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Adminduk.Web.Features.Statistics;

/// <summary>A table to export: a sheet name, column headers and rows of numbers or text.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>CSV (UTF-8 with BOM, so spreadsheet programs read the accents) and XLSX (MiniExcel) from the same tables.</summary>
public static class TableExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(ExportTable table)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', table.Headers.Select(Field)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One workbook, one sheet per table.</summary>
    public static async Task<byte[]> XlsxAsync(IReadOnlyList<ExportTable> tables, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            sheets[SheetName(table.Name)] = table.Rows
                .Select(row => (IDictionary<string, object?>)table.Headers.Select((h, i) => KeyValuePair.Create(h, row[i])).ToDictionary())
                .ToList();
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, printHeader: true, excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>
    /// Quotes when needed, and defuses text a spreadsheet would run as a formula (=, +, -, @ first) with a leading apostrophe.
    /// </summary>
    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            string s => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>Excel allows 31 characters and no []:*?/\ in sheet names.</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '-' : c)]);
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
