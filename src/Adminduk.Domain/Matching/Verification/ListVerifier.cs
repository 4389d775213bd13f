using System.Globalization;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Population;

namespace Adminduk.Domain.Matching.Verification;

public sealed record VerificationOptions
{
    public MatchOptions Matching { get; init; } = MatchOptions.Default;

    /// <summary>"Today" for reading NIK birth dates (no clock is read here).</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Rows per register look-up batch.</summary>
    public int BatchSize { get; init; } = 20_000;
}

/// <summary>How a row was tied to a register person.</summary>
public enum RegisterLink
{
    None = 0,

    /// <summary>By its NIK (the register person with that NIK is this person).</summary>
    Nik = 1,

    /// <summary>By name, birth date and address: the NIK was missing, malformed, mistyped or someone else's.</summary>
    Fuzzy = 2,
}

public enum RowStatus
{
    /// <summary>Valid and unique.</summary>
    Valid = 0,

    /// <summary>Nothing wrong found for sure, but something needs a person's eye.</summary>
    Review = 1,

    Problem = 2,
}

/// <summary>The verdict on one row: status, reasons, and the register person it was tied to.</summary>
public sealed class RowVerdict
{
    internal RowVerdict(ListRow row, IReadOnlyList<Finding> findings, RegisterLink link, RegisterEntry? register, int? group)
    {
        Row = row;
        Findings = findings;
        Link = link;
        Register = register;
        Group = group;
        Status = findings.Any(f => f.Code != VerdictCodes.Valid && !VerdictCodes.IsReview(f.Code)) ? RowStatus.Problem
            : findings.Any(f => VerdictCodes.IsReview(f.Code)) ? RowStatus.Review
            : RowStatus.Valid;
    }

    public ListRow Row { get; }

    public RowStatus Status { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public RegisterLink Link { get; }

    /// <summary>The register entry the row was tied to, if any.</summary>
    public RegisterEntry? Register { get; }

    /// <summary>The duplicate group (index into <see cref="VerificationResult.DuplicateGroups"/>), if the row has duplicates.</summary>
    public int? Group { get; }

    public bool Has(string code) => Findings.Any(f => f.Code == code);

    public override string ToString() => $"{Row.Record.Id} {Status}: {string.Join("; ", Findings)}";
}

/// <summary>A pair for staff review: two rows, or a row and a register entry.</summary>
public sealed record ReviewPair(int Row, int? OtherRow, string? RegisterId, MatchScore Score);

public sealed class VerificationResult
{
    internal VerificationResult(IReadOnlyList<RowVerdict> rows, IReadOnlyList<IReadOnlyList<int>> groups, IReadOnlyList<ReviewPair> reviews, long compared)
    {
        Rows = rows;
        DuplicateGroups = groups;
        Reviews = reviews;
        ComparedPairs = compared;
        CountByCode = rows.SelectMany(r => r.Findings.Select(f => f.Code).Distinct())
            .GroupBy(c => c, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    public IReadOnlyList<RowVerdict> Rows { get; }

    /// <summary>Rows (indexes) that are one person, two or more per group.</summary>
    public IReadOnlyList<IReadOnlyList<int>> DuplicateGroups { get; }

    public IReadOnlyList<ReviewPair> Reviews { get; }

    /// <summary>Rows carrying each finding code.</summary>
    public IReadOnlyDictionary<string, int> CountByCode { get; }

    /// <summary>Row pairs scored (after blocking).</summary>
    public long ComparedPairs { get; }

    /// <summary>Duplicate group number per row; rows without duplicates get numbers of their own.</summary>
    public int[] Clusters()
    {
        var clusters = new int[Rows.Count];
        var next = DuplicateGroups.Count;
        for (var i = 0; i < Rows.Count; i++)
        {
            clusters[i] = Rows[i].Group ?? next++;
        }

        return clusters;
    }
}

/// <summary>
/// Verifies external lists against the register. Each row is first tied to a register person: by its NIK when the
/// register person with that NIK is like the row, otherwise by name, birth date and address when one register person
/// is surely the row and clearly ahead of the next (<see cref="MatchOptions.LinkMargin"/>). Rows are then compared
/// with each other (blocking, scoring) and grouped: rows tied to the same register person are one person whatever
/// their NIKs; rows tied, or most like, different register people are never grouped (twins, namesakes, fathers and
/// sons stay apart); other sure pairs join groups. Verdict rules then read the ties, groups and lists.
/// </summary>
public static class ListVerifier
{
    private const double SamePerson = double.MaxValue;

    private enum NikState
    {
        Missing,
        Malformed,
        WellFormed,
    }

    private sealed class Tie
    {
        public NikState Nik { get; set; }
        public NikParseResult? Parsed { get; set; }
        public RegisterLink Link { get; set; }
        public RegisterCandidate? Person { get; set; }

        /// <summary>The register person holding the row's NIK when the row was tied to someone else.</summary>
        public RegisterCandidate? NikOwner { get; set; }

        /// <summary>The best register candidate at or above the review threshold (even when not tied).</summary>
        public RegisterCandidate? Likely { get; set; }

        public int ReviewCandidates { get; set; }
        public MatchScore? ReviewScore { get; set; }

        public string? Label => Person?.Id ?? Likely?.Id;
    }

    public static VerificationResult Verify(
        IReadOnlyList<AidList> lists,
        IReadOnlyList<ListRow> rows,
        IRegisterLookup register,
        VerificationOptions options,
        IProgress<int>? progress = null) =>
        Verify(lists, rows, Prepare(rows), register, options, progress);

    /// <summary>The rows prepared for matching (in parallel); callers that need the records first pass them back to Verify.</summary>
    public static List<MatchRecord> Prepare(IReadOnlyList<ListRow> rows, MatchCache? cache = null) =>
        cache is null
            ? rows.AsParallel().AsOrdered().Select(r => MatchRecord.From(r.Record)).ToList()
            : rows.AsParallel().AsOrdered().Select(r => MatchRecord.From(r.Record, cache)).ToList();

    /// <param name="records">The rows prepared by <see cref="Prepare"/>, in row order.</param>
    public static VerificationResult Verify(
        IReadOnlyList<AidList> lists,
        IReadOnlyList<ListRow> rows,
        List<MatchRecord> records,
        IRegisterLookup register,
        VerificationOptions options,
        IProgress<int>? progress = null)
    {
        if (records.Count != rows.Count)
        {
            throw new ArgumentException("One prepared record per row is needed.", nameof(records));
        }

        var m = options.Matching;
        var scorer = new PairScorer(m.Weights);
        var sure = scorer.WeightAt(m.SureThreshold);
        var review = scorer.WeightAt(m.ReviewThreshold);

        var ties = new Tie[rows.Count];
        for (var start = 0; start < rows.Count; start += options.BatchSize)
        {
            var batch = records.GetRange(start, Math.Min(options.BatchSize, rows.Count - start));
            var byNik = register.FindByNik(batch);
            var candidates = register.FindCandidates(batch);
            Parallel.For(0, batch.Count, i => ties[start + i] = TieToRegister(rows[start + i], batch[i], byNik[i], candidates[i], scorer, options, sure, review));
            progress?.Report(Math.Min(rows.Count, start + options.BatchSize));
        }

        // Row against row.
        var index = new BlockIndex(records, m);
        var (pairs, compared) = Deduplicator.ScorePairs(index, scorer, review);
        var clustering = new Clustering(rows.Count, i => ties[i].Label);
        var joined = new List<ScoredPair>(pairs.Where(p => p.Weight >= sure));
        foreach (var samePerson in Enumerable.Range(0, rows.Count).Where(i => ties[i].Person is not null).GroupBy(i => ties[i].Person!.Id, StringComparer.Ordinal))
        {
            var members = samePerson.ToList();
            for (var k = 1; k < members.Count; k++)
            {
                joined.Add(new ScoredPair(members[0], members[k], SamePerson, 1));
            }
        }

        clustering.UnionAll(joined, sure);
        var groups = clustering.Groups();
        var groupOf = new int?[rows.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var i in groups[g])
            {
                groupOf[i] = g;
            }
        }

        var findings = new List<Finding>[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            findings[i] = RegisterFindings(records[i], ties[i], scorer);
        }

        var reviews = new List<ReviewPair>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (ties[i].Person is null && ties[i].ReviewScore is { } s)
            {
                reviews.Add(new ReviewPair(i, null, ties[i].Likely!.Id, s));
            }
        }

        SharedNiks(records, groupOf, findings);
        Duplicates(records, ties, groups, findings);
        PossibleDuplicates(records, ties, pairs, groupOf, scorer, findings, reviews);
        Households(lists, rows, records, ties, groupOf, findings);

        var verdicts = new RowVerdict[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (findings[i].Count == 0)
            {
                findings[i].Add(new Finding(VerdictCodes.Valid));
            }

            verdicts[i] = new RowVerdict(rows[i], findings[i], ties[i].Link, ties[i].Person?.Entry, groupOf[i]);
        }

        return new VerificationResult(verdicts, groups, reviews, compared);
    }

    private static Tie TieToRegister(
        ListRow row,
        MatchRecord record,
        IReadOnlyList<RegisterCandidate> byNik,
        IReadOnlyList<RegisterCandidate> candidates,
        PairScorer scorer,
        VerificationOptions options,
        double sure,
        double review)
    {
        var tie = new Tie();
        var written = row.Record.Nik?.Trim();
        if (string.IsNullOrEmpty(written) || written.All(c => c is '-' or '0' or '.' or ' '))
        {
            tie.Nik = NikState.Missing;
        }
        else
        {
            tie.Parsed = Nik.Parse(written, options.Today);
            tie.Nik = tie.Parsed.Valid ? NikState.WellFormed : NikState.Malformed;
        }

        // One pass over the candidates keeps the best, the runner-up and the NIK holder. Candidates that cannot reach
        // the review threshold only need to be known as such (see WeightIfAtLeast).
        (RegisterCandidate? Candidate, double Weight) best = (null, double.NegativeInfinity);
        (RegisterCandidate? Candidate, double Weight) owner = (null, double.NegativeInfinity);
        var secondWeight = double.NegativeInfinity;
        var atReview = 0;
        void Consider(RegisterCandidate c)
        {
            var weight = scorer.WeightIfAtLeast(record, c.Match, review);
            atReview += weight >= review ? 1 : 0;
            if (weight > best.Weight || (weight == best.Weight && string.CompareOrdinal(c.Id, best.Candidate!.Id) < 0))
            {
                secondWeight = best.Weight;
                best = (c, weight);
            }
            else if (weight > secondWeight)
            {
                secondWeight = weight;
            }

            if (c.Match.IdDigits == record.IdDigits && record.IdDigits is not null && weight > owner.Weight)
            {
                owner = (c, weight);
            }
        }

        // Each candidate once: the blocking candidates are distinct already, and the one or two NIK holders are
        // usually among them (compared by reference: no per-row set, no hashing of ids).
        foreach (var c in candidates)
        {
            Consider(c);
        }

        foreach (var c in byNik)
        {
            var already = false;
            foreach (var other in candidates)
            {
                already |= ReferenceEquals(other, c);
            }

            if (!already)
            {
                Consider(c);
            }
        }

        var margin = options.Matching.LinkMargin;

        if (owner.Candidate is not null)
        {
            var someoneElse = !ReferenceEquals(best.Candidate, owner.Candidate) && best.Weight >= sure && best.Weight - owner.Weight >= margin
                && best.Weight - secondWeight >= margin;
            if (someoneElse && best.Candidate is not null)
            {
                TieTo(tie, RegisterLink.Fuzzy, best.Candidate);
                tie.NikOwner = owner.Candidate;
            }
            else if (owner.Weight >= review)
            {
                // The register person with this NIK, even when some data disagrees: that is a finding, not a reason to look away.
                TieTo(tie, RegisterLink.Nik, owner.Candidate);
            }
            else
            {
                // Name, birth date and the rest say this is not the holder of the NIK.
                tie.NikOwner = owner.Candidate;
            }
        }
        else if (best.Candidate is not null && best.Weight >= sure && best.Weight - secondWeight >= margin)
        {
            TieTo(tie, RegisterLink.Fuzzy, best.Candidate);
        }

        if (best.Candidate is not null && best.Weight >= review)
        {
            tie.Likely = best.Candidate;
            tie.ReviewCandidates = atReview;
            if (tie.Person is null)
            {
                tie.ReviewScore = scorer.Score(record, best.Candidate.Match);
            }
        }

        return tie;
    }

    private static void TieTo(Tie tie, RegisterLink link, RegisterCandidate person)
    {
        tie.Link = link;
        tie.Person = person;
    }

    private static List<Finding> RegisterFindings(MatchRecord record, Tie tie, PairScorer scorer)
    {
        var findings = new List<Finding>();
        var person = tie.Person;
        var registerNik = person?.Entry.Person.Nik is { } n ? Mask(n) : "";
        switch (tie.Nik)
        {
            case NikState.Missing:
                findings.Add(person is null ? new Finding(VerdictCodes.NikMissing) : new Finding(VerdictCodes.NikMissingFound, registerNik));
                break;
            case NikState.Malformed:
                findings.Add(new Finding(VerdictCodes.NikMalformed) { NikIssues = tie.Parsed!.Errors });
                break;
            default:
                var written = Mask(tie.Parsed!.Digits!);
                if (tie.Link == RegisterLink.Fuzzy)
                {
                    findings.Add(tie.NikOwner is not null
                        ? new Finding(VerdictCodes.NikOtherPerson, written, registerNik)
                        : new Finding(VerdictCodes.NikMistyped, written, registerNik));
                }
                else if (person is null && tie.NikOwner is not null)
                {
                    findings.Add(new Finding(VerdictCodes.NikHolderDiffers, written));
                }
                else if (person is null && tie.Likely is null)
                {
                    findings.Add(new Finding(VerdictCodes.NikNotInRegister, written));
                }

                break;
        }

        if (person is null)
        {
            if (tie.Likely is not null)
            {
                findings.Add(new Finding(VerdictCodes.RegisterReview, tie.ReviewCandidates.ToString(CultureInfo.InvariantCulture)));
            }
            else if (tie.Nik != NikState.WellFormed)
            {
                findings.Add(new Finding(VerdictCodes.NotFound));
            }

            return findings;
        }

        switch (person.Entry.Status)
        {
            case ResidentStatus.Deceased:
                findings.Add(new Finding(VerdictCodes.Deceased));
                break;
            case ResidentStatus.MovedOut:
                findings.Add(new Finding(VerdictCodes.MovedOut));
                break;
        }

        // Scored here rather than kept from tying: a field-by-field score per row held for a million rows costs hundreds of MB.
        var score = scorer.Score(record, person.Match);
        var fields = score.Fields
            .Where(f => f.Field switch
            {
                MatchField.Name => f.Outcome is FieldOutcome.Partial or FieldOutcome.Disagree,
                MatchField.BirthDate or MatchField.Region => f.Outcome is FieldOutcome.Partial or FieldOutcome.Disagree,
                MatchField.Address or MatchField.Sex => f.Outcome == FieldOutcome.Disagree,
                _ => false,
            })
            .Select(f => f.Field)
            .ToList();
        var kkDiffers = record.KkDigits is not null && person.Match.KkDigits is not null && record.KkDigits != person.Match.KkDigits;
        if (fields.Count > 0 || kkDiffers)
        {
            findings.Add(new Finding(VerdictCodes.DataDiffers) { Fields = fields, KkDiffers = kkDiffers });
        }

        return findings;
    }

    /// <summary>One NIK on rows that are not one person.</summary>
    private static void SharedNiks(List<MatchRecord> records, int?[] groupOf, List<Finding>[] findings)
    {
        foreach (var same in Enumerable.Range(0, records.Count).Where(i => records[i].IdDigits is not null).GroupBy(i => records[i].IdDigits!, StringComparer.Ordinal))
        {
            var rows = same.ToList();
            if (rows.Count < 2)
            {
                continue;
            }

            foreach (var i in rows)
            {
                var others = rows.Where(j => j != i && (groupOf[j] is null || groupOf[j] != groupOf[i])).ToList();
                if (others.Count > 0)
                {
                    findings[i].Add(new Finding(VerdictCodes.NikShared, Mask(same.Key), RowList(records, others)) { OtherRows = Ids(records, others) });
                }
            }
        }
    }

    private static void Duplicates(List<MatchRecord> records, Tie[] ties, IReadOnlyList<IReadOnlyList<int>> groups, List<Finding>[] findings)
    {
        foreach (var group in groups)
        {
            foreach (var i in group)
            {
                var others = group.Where(j => j != i).ToList();
                var code = others.Any(j => records[j].IdDigits is not null && records[j].IdDigits == records[i].IdDigits) ? VerdictCodes.DuplicateSameNik
                    : ties[i].Person is not null && others.All(j => ties[j].Person?.Id == ties[i].Person!.Id) ? VerdictCodes.DuplicateSamePerson
                    : VerdictCodes.DuplicateFuzzy;
                findings[i].Add(new Finding(code, RowList(records, others)) { OtherRows = Ids(records, others) });

                var elsewhere = others.Where(j => OtherPlace(records[i], records[j])).ToList();
                if (elsewhere.Count > 0)
                {
                    findings[i].Add(new Finding(VerdictCodes.TwoAddresses, RowList(records, elsewhere)) { OtherRows = Ids(records, elsewhere) });
                }
            }
        }
    }

    /// <summary>Different kelurahan, or addresses that are not the same address written differently.</summary>
    private static bool OtherPlace(MatchRecord a, MatchRecord b) =>
        (a.Region is not null && b.Region is not null && a.Region != b.Region)
        || (a.Address.Count > 0 && b.Address.Count > 0 && Similarity.TokenSet(a.Address, b.Address) < 0.8);

    private static void PossibleDuplicates(
        List<MatchRecord> records,
        Tie[] ties,
        List<ScoredPair> pairs,
        int?[] groupOf,
        PairScorer scorer,
        List<Finding>[] findings,
        List<ReviewPair> reviews)
    {
        var others = new Dictionary<int, List<int>>();
        foreach (var p in pairs)
        {
            var sameGroup = groupOf[p.A] is not null && groupOf[p.A] == groupOf[p.B];
            var registerSaysApart = ties[p.A].Label is { } la && ties[p.B].Label is { } lb && la != lb;
            if (sameGroup || registerSaysApart)
            {
                continue;
            }

            reviews.Add(new ReviewPair(p.A, p.B, null, scorer.Score(records[p.A], records[p.B])));
            (others.TryGetValue(p.A, out var a) ? a : others[p.A] = []).Add(p.B);
            (others.TryGetValue(p.B, out var b) ? b : others[p.B] = []).Add(p.A);
        }

        foreach (var (i, list) in others)
        {
            list.Sort();
            findings[i].Add(new Finding(VerdictCodes.DuplicateReview, RowList(records, list)) { OtherRows = Ids(records, list) });
        }
    }

    /// <summary>Per-family lists: rows of different people with one KK (the register's KK for tied rows, else the row's).</summary>
    private static void Households(IReadOnlyList<AidList> lists, IReadOnlyList<ListRow> rows, List<MatchRecord> records, Tie[] ties, int?[] groupOf, List<Finding>[] findings)
    {
        foreach (var list in lists.Where(l => l.PaidPerFamily))
        {
            var byKk = Enumerable.Range(0, rows.Count)
                .Where(i => rows[i].ListId == list.Id)
                .Select(i => (Row: i, Kk: ties[i].Person?.Match.KkDigits ?? records[i].KkDigits))
                .Where(x => x.Kk is not null)
                .GroupBy(x => x.Kk!, StringComparer.Ordinal);
            foreach (var household in byKk)
            {
                var members = household.Select(x => x.Row).ToList();
                foreach (var i in members)
                {
                    var otherPeople = members.Where(j => j != i && (groupOf[i] is null || groupOf[j] != groupOf[i])).ToList();
                    if (otherPeople.Count > 0)
                    {
                        findings[i].Add(new Finding(VerdictCodes.HouseholdMultiple, Mask(household.Key), RowList(records, otherPeople)) { OtherRows = Ids(records, otherPeople) });
                    }
                }
            }
        }
    }

    private static string Mask(string digits) => Nik.Mask(digits);

    private static string RowList(List<MatchRecord> records, IEnumerable<int> rows) => string.Join(", ", rows.Select(r => records[r].Id));

    private static string[] Ids(List<MatchRecord> records, IEnumerable<int> rows) => [.. rows.Select(r => records[r].Id)];
}
