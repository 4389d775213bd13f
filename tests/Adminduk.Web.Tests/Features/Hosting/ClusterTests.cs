using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Tests.Infrastructure;

namespace Adminduk.Web.Tests.Features.Hosting;

/// <summary>
/// The real setup of scripts/cluster.sh: PostgreSQL, two app processes and nginx on loopback. Both instances
/// answer through nginx, a sign-in made on one holds on the other, and nginx, not the client, says who the client is.
/// </summary>
public sealed class ClusterTests
{
    [Fact]
    public async Task Two_instances_behind_nginx_serve_one_signed_in_session_and_one_rate_limit()
    {
        await using var cluster = await Cluster.StartAsync();
        var jar = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = cluster.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var token = await client.GetAntiforgeryTokenAsync(AccountPaths.SignInStaff);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "operator.bpn@adminduk.example",
            ["Input.Password"] = "Demo#2026!",
            ["__RequestVerificationToken"] = token,
        });
        using var signIn = await client.PostAsync(AccountPaths.SignInStaff, form);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var instances = new HashSet<string>();
        for (var i = 0; i < 6; i++)
        {
            using var page = await client.GetAsync("/Staff");
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
            instances.Add(page.Headers.GetValues("X-Adminduk-Instance").Single());
        }

        instances.ShouldBe(["app1", "app2"], ignoreOrder: true);

        // Ten lookups a minute per client (the default). nginx overwrites X-Forwarded-For with the real peer, so a
        // client naming a new address each time still spends one allowance, spread over both instances.
        var statuses = new List<HttpStatusCode>();
        using var anonymous = new HttpClient { BaseAddress = cluster.BaseAddress };
        for (var i = 0; i < 11; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/status-lookup")
            {
                Content = JsonContent.Create(new { receipt = "BPN-20261123-AAAAAAAA", birthDate = "09-03-1985" }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await anonymous.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        statuses.Take(10).ShouldAllBe(s => s == HttpStatusCode.NotFound);
        statuses[10].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    /// <summary>scripts/cluster.sh start / stop around a test.</summary>
    public sealed class Cluster : IAsyncDisposable
    {
        private readonly string directory;

        private Cluster(string directory, Uri baseAddress)
        {
            this.directory = directory;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static async Task<Cluster> StartAsync()
        {
            var directory = Path.Combine(Path.GetTempPath(), "adminduk-cluster-" + Guid.NewGuid().ToString("N")[..8]);
            var output = await RunAsync("start", directory);
            return new Cluster(directory, new Uri(output.Trim().Split('\n')[^1]));
        }

        public async ValueTask DisposeAsync() => await RunAsync("stop", directory);

        private static async Task<string> RunAsync(string command, string directory)
        {
            var script = Path.Combine(RepositoryRoot(), "scripts", "cluster.sh");
            var start = new ProcessStartInfo("bash", [script, command, directory])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"cluster.sh {command} failed ({process.ExitCode}): {await stderr}");
            }

            return await stdout;
        }

        private static string RepositoryRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Adminduk.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
        }
    }
}
