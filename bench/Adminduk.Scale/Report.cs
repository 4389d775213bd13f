using System.Globalization;
using System.Runtime.InteropServices;

namespace Adminduk.Scale;

/// <summary>Writes a run's figures into docs/benchmarks.md between its markers, with the machine and date.</summary>
public static class Report
{
    public static string Machine() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");

    public static void Write(string section, string markdown)
    {
        var path = Path.Combine(Cluster.RepositoryRoot, "docs", "benchmarks.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var begin = $"<!-- {section} -->";
        var end = $"<!-- /{section} -->";
        var block = $"{begin}\n{markdown.TrimEnd()}\n{end}";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        text = start >= 0 && stop > start
            ? text[..start] + block + text[(stop + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
        Console.WriteLine($"figures written to {path} ({section})");
    }
}
