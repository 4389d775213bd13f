using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register.History;

/// <summary>
/// A resident's register data (with their household and RT) as it stood from <see cref="ValidFrom"/> until
/// <see cref="ValidTo"/> (open: still current). Written by <see cref="ResidentHistoryInterceptor"/> on every change,
/// so "what did the register say about this person on that date" is one indexed lookup. Residents seeded in bulk have
/// no version until their first change: their current row counts as valid since <see cref="Resident.CreatedAt"/>.
/// </summary>
public class ResidentVersion
{
    public long Id { get; set; }

    public int ResidentId { get; set; }

    public Resident? Resident { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset? ValidTo { get; set; }

    public required string Nik { get; set; }

    public required string FullName { get; set; }

    public Sex Sex { get; set; }

    public required string BirthPlace { get; set; }

    public DateOnly BirthDate { get; set; }

    public Religion Religion { get; set; }

    public MaritalStatus MaritalStatus { get; set; }

    public Education Education { get; set; }

    public required string Occupation { get; set; }

    public Citizenship Citizenship { get; set; }

    public ResidentStatus Status { get; set; }

    public DateOnly? DeceasedOn { get; set; }

    public DateOnly? MovedOutOn { get; set; }

    public string? MovedToRegionCode { get; set; }

    public int? HouseholdId { get; set; }

    /// <summary>The household's KK number at the time (KK numbers change when a household splits).</summary>
    public string? KkNumber { get; set; }

    public string? Address { get; set; }

    public RelationshipToHead RelationshipToHead { get; set; }

    public int? RtUnitId { get; set; }
}

/// <summary>The register feature's part of the model (called from <see cref="AdmindukDbContext"/>).</summary>
public static class RegisterModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ResidentVersion>(e =>
        {
            e.ToTable("ResidentVersions");
            e.HasIndex(v => new { v.ResidentId, v.ValidFrom });
            e.Property(v => v.Nik).HasMaxLength(16).IsFixedLength();
            e.Property(v => v.FullName).HasMaxLength(200);
            e.Property(v => v.BirthPlace).HasMaxLength(100);
            e.Property(v => v.Occupation).HasMaxLength(100);
            e.Property(v => v.MovedToRegionCode).HasMaxLength(13);
            e.Property(v => v.KkNumber).HasMaxLength(16).IsFixedLength();
            e.Property(v => v.Address).HasMaxLength(400);
            e.HasOne(v => v.Resident).WithMany().HasForeignKey(v => v.ResidentId).OnDelete(DeleteBehavior.Cascade);
            // Relationships (not plain numbers) so a household or RT added in the same save gets its real key here too.
            e.HasOne<Household>().WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<RtUnit>().WithMany().HasForeignKey(v => v.RtUnitId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Resident>(e =>
        {
            e.HasOne<Resident>().WithMany().HasForeignKey(r => r.MotherId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Resident>().WithMany().HasForeignKey(r => r.FatherId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
