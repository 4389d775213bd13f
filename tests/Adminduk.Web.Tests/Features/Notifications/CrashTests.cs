using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Tests.Features.Notifications.Loopback;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Adminduk.Web.Tests.Features.Notifications;

/// <summary>
/// At-least-once delivery across a real crash: the web app runs as its own <c>dotnet</c> process on PostgreSQL, the
/// provider stand-in holds its answer so a send is in flight, the process is killed with SIGKILL and started again.
/// Waiting here is on wall time because a real child process is on the other side.
/// </summary>
public class CrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_send_in_flight_when_the_process_is_killed_is_sent_again_with_the_same_key()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        List<OutboxMessage> messages;
        await using (var db = database.NewContext())
        {
            var outbox = new Outbox(db, clock);
            messages = [.. Enumerable.Range(1, 5).Select(i => outbox.Add(
                string.Create(CultureInfo.InvariantCulture, $"+62812345670{i:D2}"),
                "application-approved",
                new Dictionary<string, string> { ["receipt"] = $"PLG-20261123-CRASH00{i}", ["service"] = "Penggantian KTP-el" }))];
            await db.SaveChangesAsync();
        }

        await using var provider = await ProviderStandIn.StartAsync();
        var release = new TaskCompletionSource<StandInReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        // The first send is held: the app is killed while it waits for the answer.
        provider.Reply = request => Interlocked.Increment(ref held) == 1
            ? release.Task
            : Task.FromResult(new StandInReply(200, $$"""{"messages":[{"id":"wamid.{{request.Header("Idempotency-Key")}}"}]}"""));

        using (var first = AppProcess.Start(database.ConnectionString, provider))
        {
            await provider.WaitForRequestsAsync(1, Patience);
            first.KillHard();
        }

        await using (var db = database.NewContext())
        {
            var inFlight = await db.OutboxMessages.SingleAsync(m => m.Id == messages[0].Id);
            inFlight.Status.ShouldBe(OutboxStatus.Pending);
            inFlight.LockedUntil.ShouldNotBeNull(); // leased by the dead process, never recorded as sent
            (await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)).ShouldBe(0);
        }

        using (var second = AppProcess.Start(database.ConnectionString, provider))
        {
            var deadline = DateTime.UtcNow + Patience;
            while (true)
            {
                await using var db = database.NewContext();
                if (await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent) == messages.Count)
                {
                    break;
                }

                DateTime.UtcNow.ShouldBeLessThan(deadline, "all messages sent after the restart\n" + second.Output);
                await Task.Delay(200);
            }

            second.KillHard();
        }

        release.TrySetResult(new StandInReply(200, "{}"));
        var keys = provider.Requests.Select(r => r.Header("Idempotency-Key")).ToList();
        foreach (var message in messages)
        {
            keys.ShouldContain(message.IdempotencyKey.ToString(), "every message reached the provider at least once");
        }

        keys.Count(k => k == messages[0].IdempotencyKey.ToString()).ShouldBe(2, "the send in flight was repeated once, with the same key");
        keys.Distinct().Count().ShouldBe(messages.Count);
        foreach (var request in provider.Requests)
        {
            // A repeat is the same message: same key, same recipient.
            var message = messages.Single(m => m.IdempotencyKey.ToString() == request.Header("Idempotency-Key"));
            request.Body.ShouldContain($"\"to\":\"{message.Recipient.TrimStart('+')}\"");
        }

        await using (var db = database.NewContext())
        {
            var sent = await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync();
            sent.ShouldAllBe(m => m.ProviderMessageId == "wamid." + m.IdempotencyKey.ToString());
        }
    }

    /// <summary>The published web app (src/Adminduk.Web's build output) as a child process on a free loopback port.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process process;
        private readonly ConcurrentQueue<string> output = new();

        private AppProcess(Process process) => this.process = process;

        public string Output => string.Join('\n', output.TakeLast(60));

        public static AppProcess Start(string connectionString, ProviderStandIn whatsApp)
        {
            var dll = WebAppPath();
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(dll);
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}"));
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Adminduk"] = connectionString,
                ["Seed__OnStartup"] = "false",
                ["FollowUp__Enabled"] = "false",
                ["Outbox__PollInterval"] = "00:00:00.200",
                ["Outbox__Lease"] = "00:00:05",
                ["Notifications__WhatsApp__BaseUrl"] = whatsApp.BaseAddress.ToString(),
                ["Notifications__WhatsApp__PhoneNumberId"] = "1055000000001",
                ["Notifications__WhatsApp__AccessToken"] = "crash-test-token",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
            var app = new AppProcess(process);
            process.OutputDataReceived += (_, e) => app.Collect(e.Data);
            process.ErrorDataReceived += (_, e) => app.Collect(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return app;
        }

        /// <summary>SIGKILL: no shutdown, no flushing, nothing recorded after the send began.</summary>
        public void KillHard()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(30_000).ShouldBeTrue();
            }
        }

        public void Dispose()
        {
            KillHard();
            process.Dispose();
        }

        private void Collect(string? line)
        {
            if (line is not null)
            {
                output.Enqueue(line);
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>src/Adminduk.Web/bin/{configuration}/net10.0/Adminduk.Web.dll, built with the test project.</summary>
        private static string WebAppPath()
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var root = testOutput;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Adminduk.slnx")))
            {
                root = root.Parent;
            }

            var path = Path.Combine(root!.FullName, "src", "Adminduk.Web", "bin", configuration, framework, "Adminduk.Web.dll");
            File.Exists(path).ShouldBeTrue($"the web app is built at {path}");
            return path;
        }
    }
}
