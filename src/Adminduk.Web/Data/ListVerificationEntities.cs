using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Data;

public enum VerificationRunStatus
{
    /// <summary>Lists uploaded, column mapping not yet confirmed.</summary>
    Draft = 0,

    /// <summary>Waiting for a worker.</summary>
    Queued = 1,

    Running = 2,

    Completed = 3,

    Failed = 4,
}

public enum VerificationPhase
{
    Waiting = 0,
    Reading = 1,
    Register = 2,
    Matching = 3,
    Saving = 4,
    Done = 5,
}

/// <summary>
/// One verification of one or more external lists against the register. A worker holds it under a lease
/// (<see cref="LeaseOwner"/> until <see cref="LeaseExpiresAt"/>), so on several instances exactly one runs it and another
/// takes over when the holder dies.
/// </summary>
public class VerificationRun
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public VerificationRunStatus Status { get; set; }

    public VerificationPhase Phase { get; set; }

    /// <summary>Work done and to do in the current phase (rows read, residents read, rows tied, rows written).</summary>
    public long ProgressDone { get; set; }

    public long ProgressTotal { get; set; }

    public Guid? CreatedById { get; set; }

    public required string CreatedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>How many times a worker has started it (a retaken run starts again from the lists).</summary>
    public int Attempts { get; set; }

    public string? Error { get; set; }

    public int RowCount { get; set; }

    public int ValidCount { get; set; }

    public int ReviewCount { get; set; }

    public int ProblemCount { get; set; }

    public int DuplicateGroupCount { get; set; }

    /// <summary>Rows per finding code, as JSON ({"register.deceased": 12, ...}).</summary>
    public string? CountsJson { get; set; }

    public long ComparedPairs { get; set; }

    public List<VerificationList> Lists { get; set; } = [];
}

/// <summary>One uploaded list of a run (a CSV or XLSX file), stored in chunks so any instance can read it.</summary>
public class VerificationList
{
    public int Id { get; set; }

    public int RunId { get; set; }

    public VerificationRun? Run { get; set; }

    /// <summary>Order of the list within the run (1, 2, ...).</summary>
    public int Number { get; set; }

    /// <summary>The programme or list name shown in results (the file name unless changed).</summary>
    public required string Name { get; set; }

    public required string FileName { get; set; }

    public long FileSize { get; set; }

    /// <summary>Aid paid once per household: two members of one KK on it is a finding.</summary>
    public bool PaidPerFamily { get; set; }

    /// <summary>The file's column headers in order, as JSON.</summary>
    public required string HeadersJson { get; set; }

    /// <summary>Field → header, as JSON (see ListFields).</summary>
    public required string MappingJson { get; set; }

    public int RowCount { get; set; }
}

public class VerificationListChunk
{
    public int ListId { get; set; }

    public int Index { get; set; }

    public required byte[] Data { get; set; }
}

/// <summary>One list row with its verdict. Keyed by run and row index (0-based across the run's lists).</summary>
public class VerificationRow
{
    public int RunId { get; set; }

    public int Index { get; set; }

    public int ListNumber { get; set; }

    /// <summary>The row's line in its file (the header is line 1).</summary>
    public int Line { get; set; }

    public string? Name { get; set; }

    /// <summary>As written in the list (shown masked).</summary>
    public string? Nik { get; set; }

    public string? KkNumber { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Address { get; set; }

    public string? Region { get; set; }

    public string? Sex { get; set; }

    /// <summary>0 valid, 1 review, 2 problem (Adminduk.Domain.Matching.Verification.RowStatus).</summary>
    public int Status { get; set; }

    /// <summary>Finding codes separated by spaces, for filters and counts.</summary>
    public required string Codes { get; set; }

    /// <summary>Findings with their messages in both languages, as JSON.</summary>
    public required string FindingsJson { get; set; }

    public int? ResidentId { get; set; }

    /// <summary>How the row was tied to <see cref="ResidentId"/>: 0 none, 1 by NIK, 2 by name/birth date/address.</summary>
    public int Link { get; set; }

    /// <summary>Duplicate group within the run.</summary>
    public int? DuplicateGroup { get; set; }

    /// <summary>Identifies the row's content across runs, so review decisions carry over.</summary>
    public required string Fingerprint { get; set; }
}

public enum PairDecisionKind
{
    Duplicate = 1,
    NotDuplicate = 2,
}

/// <summary>A pair for staff review: two rows, or a row and a register resident.</summary>
public class VerificationPair
{
    public int RunId { get; set; }

    public int Index { get; set; }

    public int RowIndex { get; set; }

    public int? OtherRowIndex { get; set; }

    public int? ResidentId { get; set; }

    /// <summary>The resident's status when the pair was found (for the verdict once staff say "same person").</summary>
    public Adminduk.Domain.Population.ResidentStatus? ResidentStatus { get; set; }

    public double Score { get; set; }

    /// <summary>Field outcomes ("Name:Partial:0.82 ..."), as JSON.</summary>
    public required string FieldsJson { get; set; }

    /// <summary>Both sides' fingerprints: the key of <see cref="VerificationDecision"/>.</summary>
    public required string PairKey { get; set; }

    public PairDecisionKind? Decision { get; set; }

    /// <summary>The decision came from an earlier run.</summary>
    public bool DecisionReused { get; set; }

    public long? DecisionId { get; set; }
}

/// <summary>A staff decision on a pair, kept across runs by <see cref="PairKey"/>; the latest one counts.</summary>
public class VerificationDecision
{
    public long Id { get; set; }

    public required string PairKey { get; set; }

    public PairDecisionKind Decision { get; set; }

    public required string Reason { get; set; }

    public Guid? DecidedById { get; set; }

    public required string DecidedByName { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    /// <summary>The run and pair where the decision was taken.</summary>
    public int RunId { get; set; }

    public int PairIndex { get; set; }
}

internal static class ListVerificationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<VerificationRun>(e =>
        {
            e.Property(r => r.Title).HasMaxLength(200);
            e.Property(r => r.CreatedByName).HasMaxLength(200);
            e.Property(r => r.LeaseOwner).HasMaxLength(100);
            e.Property(r => r.Error).HasMaxLength(2000);
            e.HasIndex(r => new { r.Status, r.CreatedAt });
        });

        builder.Entity<VerificationList>(e =>
        {
            e.ToTable("VerificationLists");
            e.Property(l => l.Name).HasMaxLength(200);
            e.Property(l => l.FileName).HasMaxLength(260);
            e.HasIndex(l => new { l.RunId, l.Number }).IsUnique();
            e.HasOne(l => l.Run).WithMany(r => r.Lists).HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<VerificationListChunk>(e =>
        {
            e.ToTable("VerificationListChunks");
            e.HasKey(c => new { c.ListId, c.Index });
            e.HasOne<VerificationList>().WithMany().HasForeignKey(c => c.ListId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<VerificationRow>(e =>
        {
            e.ToTable("VerificationRows");
            e.HasKey(r => new { r.RunId, r.Index });
            e.HasIndex(r => new { r.RunId, r.Status, r.Index });
            e.Property(r => r.Name).HasMaxLength(300);
            e.Property(r => r.Nik).HasMaxLength(40);
            e.Property(r => r.KkNumber).HasMaxLength(40);
            e.Property(r => r.Address).HasMaxLength(400);
            e.Property(r => r.Region).HasMaxLength(100);
            e.Property(r => r.Sex).HasMaxLength(20);
            e.Property(r => r.Codes).HasMaxLength(400);
            e.Property(r => r.Fingerprint).HasMaxLength(64);
            e.HasOne<VerificationRun>().WithMany().HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<VerificationPair>(e =>
        {
            e.ToTable("VerificationPairs");
            e.HasKey(p => new { p.RunId, p.Index });
            e.Property(p => p.PairKey).HasMaxLength(140);
            e.HasIndex(p => new { p.RunId, p.Decision });
            e.HasOne<VerificationRun>().WithMany().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<VerificationDecision>(e =>
        {
            e.ToTable("VerificationDecisions");
            e.Property(d => d.PairKey).HasMaxLength(140);
            e.Property(d => d.Reason).HasMaxLength(500);
            e.Property(d => d.DecidedByName).HasMaxLength(200);
            e.HasIndex(d => new { d.PairKey, d.DecidedAt });
        });
    }
}
