using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Adminduk.Domain.Matching;
using Adminduk.Domain.Matching.Verification;
using Adminduk.Domain.Regions;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using NikNumber = Adminduk.Domain.Numbers.Nik;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>One list of a run as the engine reads it.</summary>
public sealed record ListSource(int Number, string Name, bool PaidPerFamily, ColumnMapping Mapping, Func<TableReader> Open);

/// <summary>Where a run is, readable from another thread (the heartbeat that saves it, the CLI's progress bar).</summary>
public sealed class VerificationProgress
{
    private int phase;
    private long done;
    private long total;

    public VerificationPhase Phase => (VerificationPhase)Volatile.Read(ref phase);

    public long Done => Interlocked.Read(ref done);

    public long Total => Interlocked.Read(ref total);

    public void Set(VerificationPhase newPhase, long newDone, long newTotal)
    {
        Interlocked.Exchange(ref total, newTotal);
        Interlocked.Exchange(ref done, newDone);
        Volatile.Write(ref phase, (int)newPhase);
    }

    public void Report(long newDone) => Interlocked.Exchange(ref done, newDone);
}

/// <summary>A list that cannot be read as mapped (missing column).</summary>
public sealed class ListFormatException(string message) : Exception(message);

/// <summary>
/// Runs one verification: reads the lists row by row, reads the register once (one streaming query), ties and
/// compares the rows (<see cref="ListVerifier"/>), carries earlier staff decisions over to the pairs found again,
/// and writes rows and pairs in bulk. The same code serves the background worker and the CLI.
/// </summary>
public sealed class VerificationEngine(TimeProvider time)
{
    private const int WriteBatch = 10_000;

    public MatchOptions Options { get; init; } = MatchOptions.Default;

    public async Task RunAsync(AdmindukDbContext db, int runId, IReadOnlyList<ListSource> sources, VerificationProgress progress, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(8));
        await db.Set<VerificationPair>().Where(p => p.RunId == runId).ExecuteDeleteAsync(ct);
        await db.Set<VerificationRow>().Where(r => r.RunId == runId).ExecuteDeleteAsync(ct);

        // 1. The lists.
        progress.Set(VerificationPhase.Reading, 0, 0);
        var regions = await RegionNames.ForRegisterAsync(db, ct);
        var cache = new MatchCache();
        using var read = ReadLists(sources, regions, cache, progress);
        foreach (var source in sources)
        {
            var count = read.ListNumbers.Count(n => n == source.Number);
            await db.Set<VerificationList>().Where(l => l.RunId == runId && l.Number == source.Number)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.RowCount, count), ct);
        }

        var records = read.Records;

        // 2. The register: only residents who share a NIK or a blocking key with some row. The row keys as one sorted
        // array (a hash set of millions of keys would cost several times the memory).
        var niks = new HashSet<string>(records.Where(r => r.IdDigits is not null).Select(r => r.IdDigits!), StringComparer.Ordinal);
        var keys = DistinctSorted(records);
        progress.Set(VerificationPhase.Register, 0, 0);
        var register = await RegisterReader.LoadAsync(
            db,
            m => (m.IdDigits is not null && niks.Contains(m.IdDigits)) || m.Keys.Any(k => Array.BinarySearch(keys, k) >= 0),
            cache,
            Options,
            (done, total) => progress.Set(VerificationPhase.Register, done, total),
            ct);
        niks = null;
        keys = null;
        cache = null;

        // 3. Matching.
        progress.Set(VerificationPhase.Matching, 0, read.Rows.Count);
        var lists = sources.Select(s => new AidList(ListId(s.Number), s.PaidPerFamily)).ToList();
        var options = new VerificationOptions { Matching = Options, Today = today };
        var result = await Task.Run(() => ListVerifier.Verify(lists, read.Rows, records, register, options, new Progress(progress)), ct);
        records = null;
        // The rows' folded forms are no longer needed; free them before the rows are written.
        read.Records.Clear();
        read.Records.TrimExcess();

        // 4. Earlier decisions on the same pairs.
        var pairs = Pairs(runId, result, read, register);
        await ReuseDecisionsAsync(db, pairs, ct);

        // 5. Rows and pairs, in batches.
        progress.Set(VerificationPhase.Saving, 0, read.Rows.Count);
        var decidedByRow = DecidedByRow(pairs, read, register);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int valid = 0, review = 0, problem = 0;
        var batch = new List<VerificationRow>(WriteBatch);
        using var texts = SpilledText(read).GetEnumerator();
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var verdict = result.Rows[i];
            texts.MoveNext();
            var text = texts.Current;
            var original = verdict.Findings.Select(StoredFinding.From).ToList();
            var effective = decidedByRow.TryGetValue(i, out var decided) ? ReviewRules.Effective(original, decided) : original;
            var status = ReviewRules.StatusOf(effective);
            switch (status)
            {
                case RowStatus.Valid:
                    valid++;
                    break;
                case RowStatus.Review:
                    review++;
                    break;
                default:
                    problem++;
                    break;
            }

            foreach (var code in effective.Select(f => f.Code).Distinct(StringComparer.Ordinal))
            {
                counts[code] = counts.GetValueOrDefault(code) + 1;
            }

            var person = verdict.Row.Record;
            batch.Add(new VerificationRow
            {
                RunId = runId,
                Index = i,
                ListNumber = read.ListNumbers[i],
                Line = read.Lines[i],
                Name = Clip(text.Name, 300),
                Nik = Clip(text.Nik, 40),
                KkNumber = Clip(text.KkNumber, 40),
                BirthDate = person.BirthDate,
                Address = Clip(text.Address, 400),
                Region = Clip(text.Region, 100),
                Sex = Clip(text.Sex, 20),
                Status = (int)status,
                Codes = Clip(ReviewRules.CodesOf(effective), 400)!,
                FindingsJson = ReviewRules.Serialize(original),
                ResidentId = verdict.Register is { } entry ? int.Parse(entry.Person.Id, CultureInfo.InvariantCulture) : null,
                Link = (int)verdict.Link,
                DuplicateGroup = verdict.Group,
                Fingerprint = Hex(read.Fingerprints[i]),
            });
            if (batch.Count == WriteBatch)
            {
                await RowWriter.WriteRowsAsync(db, batch, ct);
                batch.Clear();
                progress.Report(i + 1);
            }
        }

        await RowWriter.WriteRowsAsync(db, batch, ct);
        await RowWriter.WritePairsAsync(db, pairs, ct);
        progress.Report(result.Rows.Count);

        await db.Set<VerificationRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(
            s => s
                .SetProperty(r => r.RowCount, result.Rows.Count)
                .SetProperty(r => r.ValidCount, valid)
                .SetProperty(r => r.ReviewCount, review)
                .SetProperty(r => r.ProblemCount, problem)
                .SetProperty(r => r.DuplicateGroupCount, result.DuplicateGroups.Count)
                .SetProperty(r => r.ComparedPairs, result.ComparedPairs)
                .SetProperty(r => r.CountsJson, JsonSerializer.Serialize(counts, (JsonSerializerOptions?)null)),
            ct);
        progress.Set(VerificationPhase.Done, result.Rows.Count, result.Rows.Count);
    }

    private static ulong[] DistinctSorted(List<MatchRecord> records)
    {
        var all = new ulong[records.Sum(r => r.Keys.Count)];
        var n = 0;
        foreach (var r in records)
        {
            foreach (var k in r.Keys)
            {
                all[n++] = k;
            }
        }

        Array.Sort(all);
        var distinct = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (distinct == 0 || all[i] != all[distinct - 1])
            {
                all[distinct++] = all[i];
            }
        }

        Array.Resize(ref all, distinct);
        return all;
    }

    internal static string ListId(int number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>"list:line", the label rows carry in messages and reports.</summary>
    internal static string RowLabel(int list, int line) => string.Create(CultureInfo.InvariantCulture, $"{list}:{line}");

    /// <summary>
    /// The rows as matching needs them (slim records: id, NIK, birth date, sex; folded forms in <see cref="Records"/>),
    /// and the written text of each row spilled to a temporary file in row order, read back when rows are saved: a
    /// million rows' names and addresses need not sit in memory through matching.
    /// </summary>
    private sealed class ListsRead : IDisposable
    {
        public List<ListRow> Rows { get; } = [];
        public List<MatchRecord> Records { get; } = [];
        public List<int> ListNumbers { get; } = [];
        public List<int> Lines { get; } = [];
        public List<UInt128> Fingerprints { get; } = [];
        public string SpillPath { get; } = Path.GetTempFileName();

        public void Dispose() => File.Delete(SpillPath);
    }

    /// <summary>A row's written text, as saved with its verdict.</summary>
    private sealed record RowText(string? Name, string? Nik, string? KkNumber, string? Address, string? Region, string? Sex);

    private const int FoldBatch = 20_000;

    private static ListsRead ReadLists(IReadOnlyList<ListSource> sources, RegionNames regions, MatchCache cache, VerificationProgress progress)
    {
        var read = new ListsRead();
        using var spill = new BinaryWriter(new FileStream(read.SpillPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), Encoding.UTF8);
        var batch = new List<(PersonRecord Person, RowText Text)>(FoldBatch);

        void Flush()
        {
            // Fold the batch in parallel, keep slim records, spill the text.
            var folded = batch.AsParallel().AsOrdered().Select(b => MatchRecord.From(b.Person, cache).WithoutText()).ToList();
            for (var i = 0; i < batch.Count; i++)
            {
                var slim = folded[i];
                read.Records.Add(slim);
                var listId = read.ListNumbers[read.Rows.Count].ToString(CultureInfo.InvariantCulture);
                read.Rows.Add(new ListRow(listId, slim.Record));
                var t = batch[i].Text;
                foreach (var value in new[] { t.Name, t.Nik, t.KkNumber, t.Address, t.Region, t.Sex })
                {
                    spill.Write(value is not null);
                    if (value is not null)
                    {
                        spill.Write(value);
                    }
                }
            }

            batch.Clear();
            progress.Report(read.Rows.Count);
        }

        foreach (var source in sources)
        {
            using var reader = source.Open();
            var column = new int?[Enum.GetValues<ListField>().Length];
            foreach (var (field, header) in source.Mapping.Columns)
            {
                var at = reader.Headers.ToList().FindIndex(h => string.Equals(h, header.Trim(), StringComparison.OrdinalIgnoreCase));
                column[(int)field] = at >= 0 ? at : throw new ListFormatException($"List {source.Number} ({source.Name}) has no column '{header}'.");
            }

            while (reader.Read(out var cells))
            {
                string? Cell(ListField f) => column[(int)f] is { } c && c < cells.Length && !string.IsNullOrWhiteSpace(cells[c]) ? cells[c].Trim() : null;
                var regionText = Cell(ListField.Region);
                var sexText = Cell(ListField.Sex);
                var person = new PersonRecord(RowLabel(source.Number, reader.Line))
                {
                    Name = Cell(ListField.Name),
                    Nik = Cell(ListField.Nik),
                    KkNumber = Cell(ListField.KkNumber),
                    BirthDate = ListValues.Date(Cell(ListField.BirthDate)),
                    Address = Cell(ListField.Address),
                    RegionCode = regions.Resolve(regionText),
                    Sex = ListValues.Sex(sexText),
                };
                read.ListNumbers.Add(source.Number);
                read.Lines.Add(reader.Line);
                read.Fingerprints.Add(Fingerprint(person, regionText, sexText));
                batch.Add((person, new RowText(person.Name, person.Nik, person.KkNumber, person.Address, regionText, sexText)));
                if (batch.Count == FoldBatch)
                {
                    Flush();
                }
            }
        }

        Flush();
        return read;
    }

    private static IEnumerable<RowText> SpilledText(ListsRead read)
    {
        using var spill = new BinaryReader(new FileStream(read.SpillPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), Encoding.UTF8);
        for (var i = 0; i < read.Rows.Count; i++)
        {
            string? Next() => spill.ReadBoolean() ? spill.ReadString() : null;
            yield return new RowText(Next(), Next(), Next(), Next(), Next(), Next());
        }
    }

    /// <summary>The row's content, case and spacing aside: the same row in next month's list has the same fingerprint.</summary>
    internal static UInt128 Fingerprint(PersonRecord p, string? region, string? sex)
    {
        var text = string.Join('\u001f', Norm(p.Name), Norm(p.Nik), Norm(p.KkNumber), p.BirthDate?.ToString("yyyyMMdd", CultureInfo.InvariantCulture), Norm(p.Address), Norm(region), Norm(sex));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash);

        static string Norm(string? s) => s is null ? "" : string.Join(' ', s.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A fingerprint as stored: 32 lower-case hex digits.</summary>
    internal static string Hex(UInt128 fingerprint) => fingerprint.ToString("x32", CultureInfo.InvariantCulture);

    internal static string PairKey(string rowFingerprint, string otherFingerprint) =>
        string.CompareOrdinal(rowFingerprint, otherFingerprint) <= 0 ? rowFingerprint + ":" + otherFingerprint : otherFingerprint + ":" + rowFingerprint;

    internal static string PairKey(string rowFingerprint, int residentId) =>
        rowFingerprint + ":R" + residentId.ToString(CultureInfo.InvariantCulture);

    internal static string FieldsJson(MatchScore score) =>
        JsonSerializer.Serialize(score.Fields.Select(f => new PairField(f.Field.ToString(), f.Outcome.ToString(), Math.Round(f.Similarity, 3))).ToList(), (JsonSerializerOptions?)null);

    private static List<VerificationPair> Pairs(int runId, VerificationResult result, ListsRead read, InMemoryRegister register)
    {
        var pairs = new List<VerificationPair>(result.Reviews.Count);
        foreach (var review in result.Reviews)
        {
            var pair = new VerificationPair
            {
                RunId = runId,
                Index = pairs.Count,
                RowIndex = review.Row,
                OtherRowIndex = review.OtherRow,
                Score = Math.Round(review.Score.Score, 4),
                FieldsJson = FieldsJson(review.Score),
                PairKey = "",
            };
            if (review.OtherRow is { } other)
            {
                pair.PairKey = PairKey(Hex(read.Fingerprints[review.Row]), Hex(read.Fingerprints[other]));
            }
            else
            {
                var resident = int.Parse(review.RegisterId!, CultureInfo.InvariantCulture);
                pair.ResidentId = resident;
                pair.ResidentStatus = register.Get(review.RegisterId!)?.Entry.Status;
                pair.PairKey = PairKey(Hex(read.Fingerprints[review.Row]), resident);
            }

            pairs.Add(pair);
        }

        return pairs;
    }

    /// <summary>The latest decision on each pair key found again, applied to this run's pair (marked as reused).</summary>
    private static async Task ReuseDecisionsAsync(AdmindukDbContext db, List<VerificationPair> pairs, CancellationToken ct)
    {
        var byKey = pairs.GroupBy(p => p.PairKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var chunk in byKey.Keys.Chunk(500))
        {
            var decisions = await db.Set<VerificationDecision>().AsNoTracking()
                .Where(d => chunk.Contains(d.PairKey))
                .Select(d => new { d.Id, d.PairKey, d.Decision })
                .ToListAsync(ct);
            foreach (var latest in decisions.GroupBy(d => d.PairKey).Select(g => g.MaxBy(d => d.Id)!))
            {
                foreach (var pair in byKey[latest.PairKey])
                {
                    pair.Decision = latest.Decision;
                    pair.DecisionReused = true;
                    pair.DecisionId = latest.Id;
                }
            }
        }
    }

    private static Dictionary<int, List<DecidedPair>> DecidedByRow(List<VerificationPair> pairs, ListsRead read, InMemoryRegister register)
    {
        var byRow = new Dictionary<int, List<DecidedPair>>();
        foreach (var pair in pairs.Where(p => p.Decision is not null))
        {
            foreach (var (row, other) in Sides(pair))
            {
                var nik = pair.ResidentId is { } id ? register.Get(id.ToString(CultureInfo.InvariantCulture))?.Entry.Person.Nik : null;
                var decided = new DecidedPair(
                    pair.Decision!.Value,
                    other is { } o ? RowLabel(read.ListNumbers[o], read.Lines[o]) : null,
                    nik is null ? null : NikNumber.Mask(nik),
                    pair.ResidentStatus);
                (byRow.TryGetValue(row, out var list) ? list : byRow[row] = []).Add(decided);
            }
        }

        return byRow;
    }

    internal static IEnumerable<(int Row, int? Other)> Sides(VerificationPair pair)
    {
        yield return (pair.RowIndex, pair.OtherRowIndex);
        if (pair.OtherRowIndex is { } other)
        {
            yield return (other, pair.RowIndex);
        }
    }

    private static string? Clip(string? s, int max) => s is null || s.Length <= max ? s : s[..max];

    private sealed class Progress(VerificationProgress target) : IProgress<int>
    {
        public void Report(int value) => target.Report(value);
    }
}

/// <summary>Kelurahan names of the register's villages, so lists that write names instead of codes still compare by place.</summary>
public sealed class RegionNames
{
    private readonly Dictionary<string, string> codeByName;

    private RegionNames(Dictionary<string, string> codeByName) => this.codeByName = codeByName;

    public static async Task<RegionNames> ForRegisterAsync(AdmindukDbContext db, CancellationToken ct)
    {
        var villages = await db.RtUnits.AsNoTracking().Select(u => u.VillageCode).Distinct().ToListAsync(ct);
        var names = villages.Select(c => RegionCatalog.Default.Find(c)).Where(r => r is not null)
            .GroupBy(r => ColumnMapping.Compact(r!.Name))
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single()!.Code, StringComparer.Ordinal);
        return new RegionNames(names);
    }

    /// <summary>A code as written (any digits), or the code of a register village with this name; otherwise nothing.</summary>
    public string? Resolve(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Any(char.IsAsciiDigit))
        {
            return text.Trim();
        }

        var compact = ColumnMapping.Compact(text);
        foreach (var prefix in new[] { "kelurahan", "kel", "desa" })
        {
            if (compact.StartsWith(prefix, StringComparison.Ordinal) && codeByName.TryGetValue(compact[prefix.Length..], out var bare))
            {
                return bare;
            }
        }

        return codeByName.TryGetValue(compact, out var code) ? code : null;
    }
}
