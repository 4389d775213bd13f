namespace Adminduk.Scale;

/// <summary>The route table of the security tests (tests/Adminduk.Web.Tests/Security/route-access.csv): every route and who may call it.</summary>
public sealed record RouteTable(string Method, string Route, IReadOnlyList<string> Allowed)
{
    private static readonly string[] Columns = ["anonymous", "citizen", "rt-head", "operator", "supervisor", "administrator"];

    public static IReadOnlyList<RouteTable> Load()
    {
        var path = Path.Combine(Cluster.RepositoryRoot, "tests", "Adminduk.Web.Tests", "Security", "route-access.csv");
        return File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Skip(1)
            .Select(l => l.Split(',').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length >= 9 && c[0] != "ANY")
            .Select(c => new RouteTable(c[0], c[1], Columns.Where((_, i) => c[3 + i] == "allow").ToList()))
            .ToList();
    }
}
