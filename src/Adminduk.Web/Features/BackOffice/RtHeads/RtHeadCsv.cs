using System.Text;

namespace Adminduk.Web.Features.BackOffice.RtHeads;

/// <summary>
/// Reads an RT-head list: one row per RT with RT code, name, phone. Comma- or semicolon-separated (spreadsheets set
/// to Indonesian save with semicolons), fields may be quoted ("Haji Ahmad, S.Pd"); a first row that is not an RT code
/// is taken as the header. Line numbers are the file's, so the report points at the row to fix.
/// </summary>
public static class RtHeadCsv
{
    public const int MaxRows = 5_000;

    public static IReadOnlyList<RtHeadRow> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var first = lines.FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        var separator = first.Contains(';', StringComparison.Ordinal) && !first.Contains(',', StringComparison.Ordinal) ? ';' : ',';
        var rows = new List<RtHeadRow>();
        var headerSeen = false;
        for (var i = 0; i < lines.Length && rows.Count < MaxRows; i++)
        {
            var line = lines[i].TrimStart('\uFEFF');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = Split(line, separator);
            if (!headerSeen && rows.Count == 0)
            {
                headerSeen = true;
                if (RtCode.Parse(fields[0]) is null && !fields[0].Trim().Any(char.IsAsciiDigit))
                {
                    continue;
                }
            }

            rows.Add(new RtHeadRow(i + 1, fields.ElementAtOrDefault(0) ?? "", fields.ElementAtOrDefault(1) ?? "", fields.ElementAtOrDefault(2) ?? ""));
        }

        return rows;
    }

    private static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().Trim());
        return fields;
    }
}
