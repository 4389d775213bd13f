using System.Diagnostics;

namespace Adminduk.Web.Tests.Features.Documents;

/// <summary>
/// Reads PDFs the way a person with a phone would: poppler's pdftoppm turns page 1 into an image, zbarimg reads the QR
/// code from it; pdftotext shows the text is real, selectable text (Debian packages poppler-utils, zbar-tools).
/// </summary>
internal static class PdfTools
{
    /// <summary>The QR codes found on page 1, rendered at 150 dpi.</summary>
    public static async Task<IReadOnlyList<string>> QrCodesOnFirstPageAsync(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("adminduk-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "doc.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            await RunAsync("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(dir.FullName, "page1")]);
            var output = await RunAsync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", Path.Combine(dir.FullName, "page1.png")]);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The document's text as pdftotext extracts it (layout kept).</summary>
    public static async Task<string> TextAsync(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("adminduk-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "doc.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            return await RunAsync("pdftotext", ["-layout", file, "-"]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Page count and the first page's size in points, from pdfinfo.</summary>
    public static async Task<(int Pages, double Width, double Height)> PagesAsync(byte[] pdf)
    {
        var info = await InfoAsync(pdf);
        var pages = System.Text.RegularExpressions.Regex.Match(info, @"^Pages:\s+(\d+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        var size = System.Text.RegularExpressions.Regex.Match(info, @"^Page size:\s+([\d.]+) x ([\d.]+) pts", System.Text.RegularExpressions.RegexOptions.Multiline);
        return (int.Parse(pages.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(size.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> InfoAsync(byte[] pdf)
    {
        var dir = Directory.CreateTempSubdirectory("adminduk-pdf-");
        try
        {
            var file = Path.Combine(dir.FullName, "doc.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            return await RunAsync("pdfinfo", [file]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (scripts/install-deps.sh installs it).");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
