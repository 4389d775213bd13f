using System.Globalization;
using Adminduk.Scale;

// Scale-out and durability runs on loopback (scripts/cluster.sh: PostgreSQL, two instances, nginx).
//   dotnet run -c Release --project bench/Adminduk.Scale -- durability [--seconds 80] [--clients 16]
//   dotnet run -c Release --project bench/Adminduk.Scale -- fuzz [--requests 100000]
// Each run writes its figures into docs/benchmarks.md and exits non-zero when its expectation fails.
string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

switch (args.FirstOrDefault())
{
    case "durability":
        {
            var r = await Durability.RunAsync(Number("--clients", 16), TimeSpan.FromSeconds(Number("--seconds", 80)), Number("--residents", 2000));
            var ok = r.ReceiptsMissing == 0 && r.KeysWithDuplicates == 0 && r.KeysWithoutApplication == 0 && r.Receipts > 0;
            var failures = r.FailuresByKind.Count == 0 ? "none" : string.Join(", ", r.FailuresByKind.OrderBy(k => k.Key).Select(k => $"{k.Key}: {k.Value}"));
            var markdown = string.Create(CultureInfo.InvariantCulture, $"""
            ## Durability: kill -9 and a database crash under load

            {DateTime.UtcNow:yyyy-MM-dd}, {Report.Machine()}. `dotnet run -c Release --project bench/Adminduk.Scale -- durability`:
            two instances behind nginx on one PostgreSQL (fsync on), {r.Clients} citizens submitting arrival applications
            without pause for {r.Seconds:0} s, each retrying a failed request with the same Idempotency-Key. At 1/4 of the run
            instance 2 is killed with SIGKILL, at 3/8 started again, at 1/2 PostgreSQL is stopped in immediate mode (a crash)
            and started again.

            | figure | value |
            |---|---|
            | requests sent (including retries) | {r.Attempts} |
            | receipts received | {r.Receipts} |
            | failed requests (retried) | {r.Failures} ({failures}) |
            | receipts missing from the database afterwards | {r.ReceiptsMissing} |
            | idempotency keys with more than one application | {r.KeysWithDuplicates} |
            | keys answered with a receipt but without an application | {r.KeysWithoutApplication} |
            | from kill -9 to the next receipt | {r.KillRecoverySeconds:0.0} s |
            | from the database crash to the next receipt | {r.DatabaseRecoverySeconds:0.0} s |

            Result: {(ok ? "nothing lost, nothing twice" : "FAILED")}.
            """);
            Console.WriteLine(markdown);
            Report.Write("scale:durability", markdown);
            return ok ? 0 : 1;
        }

    case "fuzz":
        {
            var r = await Fuzz.RunAsync(Number("--requests", 100_000), Number("--residents", 2000));
            Console.WriteLine(r.Markdown);
            Report.Write("scale:fuzz", r.Markdown);
            return r.Ok ? 0 : 1;
        }

    default:
        Console.Error.WriteLine("usage: Adminduk.Scale durability|fuzz [options]");
        return 2;
}
