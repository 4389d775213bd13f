using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Data;

/// <summary>The kind of desk a visit needs. Stored as numbers: never renumber.</summary>
public enum DeskKind
{
    /// <summary>Biometric recording for the e-KTP (perekaman).</summary>
    Recording = 1,

    /// <summary>The complaints counter (loket pengaduan): original paper documents, identity confirmation.</summary>
    Counter = 2,
}

/// <summary>Why someone comes in person. Stored as numbers: never renumber.</summary>
public enum VisitKind
{
    Recording = 1,

    /// <summary>Bring an original paper document (legalisir of a document not issued electronically).</summary>
    BringOriginal = 2,

    /// <summary>Confirm a provisional identity link in person at the complaints counter.</summary>
    IdentityConfirmation = 3,
}

public enum AppointmentStatus
{
    Booked = 1,
    CheckedIn = 2,
    Done = 3,
    NoShow = 4,

    /// <summary>Cancelled by the citizen (also the old booking of a rebooking).</summary>
    Cancelled = 5,

    /// <summary>The office closed the slot's day (holiday, desk down, recording suspended).</summary>
    CancelledByOffice = 6,
}

public enum ClosureReason
{
    Holiday = 1,
    DeskDown = 2,
    RecordingSuspended = 3,
}

/// <summary>When and how a service point receives visits at one kind of desk; slots are generated from it.</summary>
public class VisitSchedule
{
    public int Id { get; set; }

    public int ServicePointId { get; set; }

    public ServicePoint? ServicePoint { get; set; }

    public DeskKind DeskKind { get; set; }

    /// <summary>Desks working in parallel: a slot has as many places.</summary>
    public int Desks { get; set; } = 1;

    public TimeOnly Opens { get; set; } = new(8, 0);

    public TimeOnly Closes { get; set; } = new(15, 0);

    public TimeOnly? BreakStarts { get; set; } = new(12, 0);

    public TimeOnly? BreakEnds { get; set; } = new(13, 0);

    public int SlotMinutes { get; set; } = 30;

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A time at a service point's desks. <see cref="Booked"/> never exceeds <see cref="Capacity"/> (checked by the database).</summary>
public class AppointmentSlot
{
    public long Id { get; set; }

    public int ScheduleId { get; set; }

    public int OfficeId { get; set; }

    public int ServicePointId { get; set; }

    public DeskKind DeskKind { get; set; }

    /// <summary>Local day at the office.</summary>
    public DateOnly Day { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public int Capacity { get; set; }

    public int Booked { get; set; }

    /// <summary>Set when the office closed the slot; closed slots take no bookings.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public ClosureReason? ClosedReason { get; set; }
}

/// <summary>A closed day, kept so slot generation does not open it again. Null point/desk: every point / every desk.</summary>
public class SlotClosure
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public int? ServicePointId { get; set; }

    public DeskKind? DeskKind { get; set; }

    public DateOnly Day { get; set; }

    public ClosureReason Reason { get; set; }

    /// <summary>Desks still working (desk down); 0 closes the day.</summary>
    public int DesksLeft { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ByUserId { get; set; }
}

/// <summary>A booking of one place in a slot for one application's visit.</summary>
public class Appointment
{
    public long Id { get; set; }

    public long SlotId { get; set; }

    public AppointmentSlot? Slot { get; set; }

    public long ApplicationId { get; set; }

    public VisitKind Kind { get; set; }

    public AppointmentStatus Status { get; set; } = AppointmentStatus.Booked;

    public DateTimeOffset BookedAt { get; set; }

    public Guid? BookedByUserId { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    public Guid? ChangedByUserId { get; set; }
}

public enum PrintJobStatus
{
    Waiting = 1,
    Printed = 2,
}

/// <summary>An e-KTP card to print: FIFO by <see cref="ReadyAt"/> (recorded and approved), one per application.</summary>
public class CardPrintJob
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public long ApplicationId { get; set; }

    public DateTimeOffset ReadyAt { get; set; }

    public PrintJobStatus Status { get; set; } = PrintJobStatus.Waiting;

    /// <summary>A temporary certificate was issued because no blanks were left.</summary>
    public string? SuketNumber { get; set; }

    public DateTimeOffset? SuketIssuedAt { get; set; }

    public int SpoiledCount { get; set; }

    public DateTimeOffset? PrintedAt { get; set; }

    public Guid? PrintedByUserId { get; set; }
}

public enum StockMovementKind
{
    Receipt = 1,
    Printed = 2,
    Spoiled = 3,
    Correction = 4,
}

/// <summary>One line of an office's blank-card ledger. Printed and spoiled are negative quantities.</summary>
public class StockMovement
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Local day at the office, for use per day.</summary>
    public DateOnly Day { get; set; }

    public StockMovementKind Kind { get; set; }

    public int Quantity { get; set; }

    public int BalanceAfter { get; set; }

    public string? Reason { get; set; }

    public Guid? ActorUserId { get; set; }

    public required string ActorName { get; set; }

    public long? PrintJobId { get; set; }
}

/// <summary>An office's current blank-card balance (never negative: a database check) and its alert state.</summary>
public class StockBalance
{
    public int OfficeId { get; set; }

    public int Balance { get; set; }

    /// <summary>The reorder alert is raised (sent once per crossing).</summary>
    public bool AlertActive { get; set; }

    /// <summary>The last day whose forecast was reviewed for the alert.</summary>
    public DateOnly? ReviewedDay { get; set; }
}

/// <summary>The e-KTP feature's tables, kept out of <see cref="AdmindukDbContext"/> apart from one call.</summary>
public static class EktpModel
{
    extension(AdmindukDbContext db)
    {
        public DbSet<VisitSchedule> VisitSchedules => db.Set<VisitSchedule>();

        public DbSet<AppointmentSlot> AppointmentSlots => db.Set<AppointmentSlot>();

        public DbSet<SlotClosure> SlotClosures => db.Set<SlotClosure>();

        public DbSet<Appointment> Appointments => db.Set<Appointment>();

        public DbSet<CardPrintJob> CardPrintJobs => db.Set<CardPrintJob>();

        public DbSet<StockMovement> StockMovements => db.Set<StockMovement>();

        public DbSet<StockBalance> StockBalances => db.Set<StockBalance>();
    }

    public static void Configure(ModelBuilder builder)
    {
        // Tables are named explicitly (plural, as the DbSets of the context would name them): the raw SQL below uses them.
        builder.Entity<VisitSchedule>(e =>
        {
            e.HasIndex(s => new { s.ServicePointId, s.DeskKind }).IsUnique();
            e.HasOne(s => s.ServicePoint).WithMany().HasForeignKey(s => s.ServicePointId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("VisitSchedules", t =>
            {
                t.HasCheckConstraint("CK_VisitSchedules_Desks", "\"Desks\" >= 0");
                t.HasCheckConstraint("CK_VisitSchedules_SlotMinutes", "\"SlotMinutes\" > 0");
            });
        });
        builder.Entity<AppointmentSlot>(e =>
        {
            e.HasIndex(s => new { s.ScheduleId, s.StartsAt }).IsUnique();
            e.HasIndex(s => new { s.OfficeId, s.Day });
            e.HasOne<VisitSchedule>().WithMany().HasForeignKey(s => s.ScheduleId).OnDelete(DeleteBehavior.Cascade);
            // The last line of defence for capacity: no code path can overbook a slot.
            e.ToTable("AppointmentSlots", t => t.HasCheckConstraint("CK_AppointmentSlots_Capacity", "\"Booked\" >= 0 AND \"Booked\" <= \"Capacity\""));
        });
        builder.Entity<SlotClosure>(e =>
        {
            e.ToTable("SlotClosures");
            e.HasIndex(c => new { c.OfficeId, c.Day });
            e.Property(c => c.Note).HasMaxLength(500);
        });
        builder.Entity<Appointment>(e =>
        {
            e.ToTable("Appointments");
            e.HasOne(a => a.Slot).WithMany().HasForeignKey(a => a.SlotId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => a.SlotId);
            // One live booking per application and visit kind, whatever the race.
            e.HasIndex(a => new { a.ApplicationId, a.Kind }).IsUnique().HasFilter("\"Status\" IN (1, 2)").HasDatabaseName("IX_Appointments_Live");
        });
        builder.Entity<CardPrintJob>(e =>
        {
            e.ToTable("CardPrintJobs");
            e.HasIndex(j => j.ApplicationId).IsUnique();
            e.HasIndex(j => new { j.OfficeId, j.Status, j.ReadyAt, j.Id });
            e.Property(j => j.SuketNumber).HasMaxLength(40);
            e.HasOne<Application>().WithMany().HasForeignKey(j => j.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<StockMovement>(e =>
        {
            e.ToTable("StockMovements");
            e.HasIndex(m => new { m.OfficeId, m.Day });
            e.Property(m => m.Reason).HasMaxLength(500);
            e.Property(m => m.ActorName).HasMaxLength(200);
            e.HasOne<Office>().WithMany().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<StockBalance>(e =>
        {
            e.HasKey(b => b.OfficeId);
            e.Property(b => b.OfficeId).ValueGeneratedNever();
            e.HasOne<Office>().WithMany().HasForeignKey(b => b.OfficeId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable("StockBalances", t => t.HasCheckConstraint("CK_StockBalances_Balance", "\"Balance\" >= 0"));
        });
    }
}
