using System.Globalization;
using System.Text;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using NikNumber = Adminduk.Domain.Numbers.Nik;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>
/// The run's report: one line per list row with its status, finding codes and reasons (staff decisions applied),
/// NIKs masked. Rows stream from the database in order, so a million-row report never sits in memory.
/// </summary>
public static class ReportWriter
{
    public static string ContentType(ListFormat format) => format == ListFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static string FileName(int runId, ListFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"verifikasi-{runId}.{(format == ListFormat.Xlsx ? "xlsx" : "csv")}");

    /// <param name="headers">Column titles in the reader's language, in <see cref="Columns"/> order.</param>
    /// <param name="statusNames">Status titles by status number (0 valid, 1 review, 2 problem).</param>
    public static async Task WriteAsync(
        AdmindukDbContext db,
        int runId,
        ListFormat format,
        string path,
        CultureInfo culture,
        IReadOnlyList<string> headers,
        IReadOnlyList<string> statusNames,
        CancellationToken ct)
    {
        var decided = await ReviewService.DecidedByRowAsync(db, runId, ct);
        var listNames = await db.Set<VerificationList>().AsNoTracking().Where(l => l.RunId == runId).ToDictionaryAsync(l => l.Number, l => l.Name, ct);
        var lines = Lines(db, runId, decided, listNames, culture, statusNames);
        await Task.Run(
            () =>
            {
                if (format == ListFormat.Xlsx)
                {
                    var rows = lines.Select(cells =>
                    {
                        var row = new Dictionary<string, object?>(headers.Count);
                        for (var i = 0; i < headers.Count; i++)
                        {
                            row[headers[i]] = cells[i];
                        }

                        return row;
                    });
                    MiniExcel.SaveAs(path, rows, excelType: ExcelType.XLSX, overwriteFile: true);
                    return;
                }

                using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
                writer.WriteLine(string.Join(',', headers.Select(Quote)));
                foreach (var cells in lines)
                {
                    ct.ThrowIfCancellationRequested();
                    writer.WriteLine(string.Join(',', cells.Select(c => Quote(Convert.ToString(c, CultureInfo.InvariantCulture)))));
                }
            },
            ct);
    }

    private static readonly System.Resources.ResourceManager Texts =
        new("Adminduk.Web.Resources.Features.ListVerification.ListVerificationPages", typeof(ReportWriter).Assembly);

    /// <summary>Column titles in a language (Bahasa Indonesia unless English is asked for).</summary>
    public static IReadOnlyList<string> HeadersFor(CultureInfo culture) => [.. Columns.Select(c => Text("Report.Column." + c, culture))];

    public static IReadOnlyList<string> StatusNamesFor(CultureInfo culture) =>
        [.. Enumerable.Range(0, 3).Select(s => Text(ListVerificationPages.StatusKey(s), culture))];

    private static string Text(string key, CultureInfo culture) => Texts.GetString(key, culture) ?? throw new InvalidOperationException($"No text '{key}'.");

    /// <summary>Report column keys (titles come from the resource file as "Report.Column.{key}").</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["List", "Line", "Name", "Nik", "Kk", "BirthDate", "Address", "Region", "Status", "Codes", "Reasons", "RegisterNik", "Group"];

    private static IEnumerable<object?[]> Lines(
        AdmindukDbContext db,
        int runId,
        Dictionary<int, List<DecidedPair>> decided,
        Dictionary<int, string> listNames,
        CultureInfo culture,
        IReadOnlyList<string> statusNames)
    {
        var rows = from r in db.Set<VerificationRow>().AsNoTracking()
                   where r.RunId == runId
                   join p in db.Residents on r.ResidentId equals p.Id into residents
                   from p in residents.DefaultIfEmpty()
                   orderby r.Index
                   select new { Row = r, RegisterNik = p == null ? null : p.Nik };
        foreach (var x in rows.AsEnumerable())
        {
            var r = x.Row;
            var findings = ReviewRules.Deserialize(r.FindingsJson);
            if (decided.TryGetValue(r.Index, out var pairs))
            {
                findings = ReviewRules.Effective(findings, pairs);
            }

            yield return
            [
                listNames.GetValueOrDefault(r.ListNumber, r.ListNumber.ToString(CultureInfo.InvariantCulture)),
                r.Line,
                r.Name,
                r.Nik is null ? null : NikNumber.Mask(r.Nik),
                r.KkNumber is null ? null : NikNumber.Mask(r.KkNumber),
                r.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.Address,
                r.Region,
                statusNames[r.Status],
                r.Codes,
                string.Join(" | ", findings.Select(f => f.MessageFor(culture))),
                x.RegisterNik is null ? null : NikNumber.Mask(x.RegisterNik),
                r.DuplicateGroup is { } g ? g + 1 : null,
            ];
        }
    }

    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // A leading =, +, - or @ would run as a formula in a spreadsheet.
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
