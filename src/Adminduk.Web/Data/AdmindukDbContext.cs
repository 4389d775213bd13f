using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Data;

/// <summary>
/// The application's model. Each database provider has its own subclass so that each keeps
/// its own migrations (Data/Migrations/Postgres, Data/Migrations/Sqlite); code depends on this type.
/// </summary>
public abstract class AdmindukDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring that protects cookies and antiforgery tokens, shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Rate-limit windows shared by every instance (a client's allowance is not multiplied by instances).</summary>
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();

    public DbSet<Office> Offices => Set<Office>();

    public DbSet<ServicePoint> ServicePoints => Set<ServicePoint>();

    public DbSet<OfficeHoliday> OfficeHolidays => Set<OfficeHoliday>();

    public DbSet<RegionRecord> Regions => Set<RegionRecord>();

    public DbSet<RtUnit> RtUnits => Set<RtUnit>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<PopulationEvent> PopulationEvents => Set<PopulationEvent>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<NumberSerial> NumberSerials => Set<NumberSerial>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationAttachment> ApplicationAttachments => Set<ApplicationAttachment>();

    public DbSet<ApplicationHistoryEntry> ApplicationHistory => Set<ApplicationHistoryEntry>();

    public DbSet<ServiceSetting> ServiceSettings => Set<ServiceSetting>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<OperatorSkill> OperatorSkills => Set<OperatorSkill>();

    public DbSet<WalkInRecord> WalkInRecords => Set<WalkInRecord>();

    public DbSet<Document> Documents => Set<Document>();
    public DbSet<VerificationRun> VerificationRuns => Set<VerificationRun>();

    public abstract DatabaseProvider Provider { get; }

    // Every save records resident history (Features/Register/History), whichever way the context was created.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(Features.Register.History.ResidentHistoryInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Office>(e =>
        {
            e.HasIndex(o => o.Code).IsUnique();
            e.Property(o => o.Code).HasMaxLength(8);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.RegencyCode).HasMaxLength(13);
            e.Property(o => o.TimeZoneId).HasMaxLength(64);
        });

        builder.Entity<ServicePoint>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Address).HasMaxLength(400);
        });

        builder.Entity<OfficeHoliday>(e =>
        {
            e.HasIndex(h => new { h.OfficeId, h.Date });
            e.Property(h => h.Name).HasMaxLength(200);
        });

        builder.Entity<RegionRecord>(e =>
        {
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(13);
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.ParentCode).HasMaxLength(13);
            e.HasIndex(r => r.ParentCode);
        });

        builder.Entity<RtUnit>(e =>
        {
            e.Property(r => r.VillageCode).HasMaxLength(13);
            e.HasIndex(r => new { r.VillageCode, r.Rw, r.Rt }).IsUnique();
        });

        builder.Entity<Household>(e =>
        {
            e.Property(h => h.KkNumber).HasMaxLength(16).IsFixedLength();
            e.HasIndex(h => h.KkNumber).IsUnique();
            e.HasIndex(h => h.RtUnitId);
            e.Property(h => h.Address).HasMaxLength(400);
        });

        builder.Entity<Resident>(e =>
        {
            e.Property(r => r.Nik).HasMaxLength(16).IsFixedLength();
            e.HasIndex(r => r.Nik).IsUnique();
            e.HasIndex(r => new { r.RtUnitId, r.Status });
            e.HasIndex(r => r.HouseholdId);
            e.Property(r => r.FullName).HasMaxLength(200);
            e.Property(r => r.BirthPlace).HasMaxLength(100);
            e.Property(r => r.Occupation).HasMaxLength(100);
            e.Property(r => r.MovedToRegionCode).HasMaxLength(13);
            e.Property(r => r.Phone).HasMaxLength(20);
            e.HasOne(r => r.Household).WithMany(h => h.Members).HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(r => r.RtUnit).WithMany().HasForeignKey(r => r.RtUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PopulationEvent>(e =>
        {
            e.HasIndex(p => new { p.RtUnitId, p.OccurredOn });
            e.HasIndex(p => p.ResidentId);
            e.HasIndex(p => p.ApplicationId);
            e.Property(p => p.Details).HasMaxLength(1000);
            e.HasOne(p => p.Resident).WithMany().HasForeignKey(p => p.ResidentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<RateLimitCounter>(e =>
        {
            e.HasKey(c => new { c.Key, c.WindowStart });
            e.Property(c => c.Key).HasMaxLength(200);
            e.HasIndex(c => c.WindowStart);
        });

        builder.Entity<NumberSerial>(e =>
        {
            e.HasKey(n => n.Prefix);
            e.Property(n => n.Prefix).HasMaxLength(20);
        });

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(200);
            e.HasIndex(u => u.RtUnitId);
            e.HasIndex(u => u.ResidentId);
        });

        ConfigureApplications(builder);
        ConfigureBackOffice(builder);
        Features.Register.History.RegisterModel.Configure(builder);
        EktpModel.Configure(builder);
        Document.Configure(builder);
        NotificationModel.Configure(builder);
        ListVerificationModel.Configure(builder);

        builder.Entity<AuditEntry>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.SubjectType, a.SubjectId });
            e.Property(a => a.ActorName).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.SubjectType).HasMaxLength(50);
            e.Property(a => a.SubjectId).HasMaxLength(100);
            e.Property(a => a.Details).HasMaxLength(2000);
            e.Property(a => a.ClientIp).HasMaxLength(64);
        });
    }

    private static void ConfigureBackOffice(ModelBuilder builder)
    {
        builder.Entity<OperatorSkill>(e =>
        {
            e.Property(s => s.ServiceCode).HasMaxLength(50);
            e.HasIndex(s => new { s.UserId, s.ServiceCode }).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WalkInRecord>(e =>
        {
            e.Property(w => w.ServiceCode).HasMaxLength(50);
            e.Property(w => w.Note).HasMaxLength(500);
            e.HasIndex(w => new { w.OfficeId, w.Day });
            e.HasOne<Office>().WithMany().HasForeignKey(w => w.OfficeId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    private static void ConfigureApplications(ModelBuilder builder)
    {
        builder.Entity<Application>(e =>
        {
            e.Property(a => a.ReceiptNumber).HasMaxLength(40);
            e.HasIndex(a => a.ReceiptNumber).IsUnique();
            e.Property(a => a.ServiceCode).HasMaxLength(50);
            e.Property(a => a.DecisionReason).HasMaxLength(2000);
            e.Property(a => a.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(a => new { a.ApplicantUserId, a.IdempotencyKey }).IsUnique();
            // The FIFO queue: oldest complete application first, per office and status.
            e.HasIndex(a => new { a.OfficeId, a.Status, a.QueuedAt, a.Id });
            e.HasIndex(a => new { a.OfficeId, a.BatchDay });
            e.HasIndex(a => a.ApplicantUserId);
            e.HasIndex(a => a.SubjectResidentId);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasOne(a => a.Office).WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Attachments).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.History).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ApplicationAttachment>(e =>
        {
            e.Property(a => a.Code).HasMaxLength(50);
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => a.ApplicationId);
        });

        builder.Entity<ApplicationHistoryEntry>(e =>
        {
            e.Property(h => h.ActorName).HasMaxLength(200);
            e.Property(h => h.Note).HasMaxLength(4000);
            e.HasIndex(h => h.ApplicationId);
        });

        builder.Entity<ServiceSetting>(e =>
        {
            e.Property(s => s.ServiceCode).HasMaxLength(50);
            e.Property(s => s.SuspensionMessage).HasMaxLength(500);
            e.Property(s => s.SuspensionMessageEn).HasMaxLength(500);
            e.HasIndex(s => new { s.OfficeId, s.ServiceCode }).IsUnique();
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.Recipient).HasMaxLength(200);
            e.Property(m => m.Template).HasMaxLength(100);
            e.Property(m => m.Text).HasMaxLength(2000);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.Property(m => m.ProviderMessageId).HasMaxLength(200);
            e.HasIndex(m => m.IdempotencyKey).IsUnique();
            e.HasIndex(m => new { m.Status, m.NextAttemptAt });
            e.HasIndex(m => m.CreatedAt);
        });

        builder.Entity<OneTimeCode>(e =>
        {
            e.Property(c => c.Phone).HasMaxLength(20);
            e.Property(c => c.Purpose).HasMaxLength(50);
            e.Property(c => c.CodeHash).HasMaxLength(200);
            e.Property(c => c.ClientIp).HasMaxLength(64);
            e.HasIndex(c => new { c.Phone, c.CreatedAt });
            e.HasIndex(c => c.CreatedAt); // recent codes: per-client send counts, pending link and phone-change codes
        });
    }
}

public enum DatabaseProvider
{
    Sqlite = 1,
    Postgres = 2,
}
