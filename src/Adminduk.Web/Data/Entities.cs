using Adminduk.Domain.Population;
using Adminduk.Domain.Regions;
using Microsoft.AspNetCore.Identity;

namespace Adminduk.Web.Data;

public enum WalkInPolicy
{
    TurnAway = 1,
    Serve = 2,
}

/// <summary>A city's or regency's civil-registry office (Disdukcapil) with its calendar settings.</summary>
public class Office
{
    public int Id { get; set; }

    /// <summary>Short code used in receipts and URLs, e.g. "BPN".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Dotted Kemendagri code of the regency/city it serves, e.g. "64.71".</summary>
    public required string RegencyCode { get; set; }

    /// <summary>IANA time zone of the office, e.g. "Asia/Makassar".</summary>
    public required string TimeZoneId { get; set; }

    public TimeOnly DailyCutoff { get; set; } = new(13, 0);

    public TimeOnly ServiceOpens { get; set; } = new(8, 0);

    public TimeOnly ServiceCloses { get; set; } = new(16, 0);

    /// <summary>Working weekdays as a bit mask over <see cref="DayOfWeek"/> (bit 0 = Sunday). Mon-Fri = 62.</summary>
    public int WorkingDaysMask { get; set; } = 0b0111110;

    public WalkInPolicy WalkInPolicy { get; set; } = WalkInPolicy.TurnAway;

    public int OperatorCount { get; set; } = 3;

    public int ApplicationsPerOperatorPerDay { get; set; } = 500;

    /// <summary>Calendar days within which a decision is promised (Palembang: 5).</summary>
    public int PromiseDays { get; set; } = 5;

    public List<ServicePoint> ServicePoints { get; set; } = [];

    public List<OfficeHoliday> Holidays { get; set; } = [];
}

public enum ServicePointKind
{
    MainOffice = 1,
    Uptd = 2,
}

/// <summary>A place where people are served in person: the main office or a regional unit (UPTD).</summary>
public class ServicePoint
{
    public int Id { get; set; }

    public int OfficeId { get; set; }

    public Office? Office { get; set; }

    public required string Name { get; set; }

    public required string Address { get; set; }

    public ServicePointKind Kind { get; set; }
}

/// <summary>A day the office is closed. Office-specific (cuti bersama, local holidays) or national when OfficeId is null.</summary>
public class OfficeHoliday
{
    public int Id { get; set; }

    public int? OfficeId { get; set; }

    public DateOnly Date { get; set; }

    public required string Name { get; set; }
}

/// <summary>A row of the Kemendagri region tree (province, regency, district, village).</summary>
public class RegionRecord
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public RegionLevel Level { get; set; }

    public string? ParentCode { get; set; }
}

/// <summary>A Rukun Tetangga inside a Rukun Warga inside a kelurahan.</summary>
public class RtUnit
{
    public int Id { get; set; }

    /// <summary>Dotted code of the kelurahan (village level), e.g. "64.71.05.1001".</summary>
    public required string VillageCode { get; set; }

    public int Rw { get; set; }

    public int Rt { get; set; }

    public List<Household> Households { get; set; } = [];
}

/// <summary>A family card (Kartu Keluarga) and its household.</summary>
public class Household
{
    public int Id { get; set; }

    /// <summary>16-digit KK number.</summary>
    public required string KkNumber { get; set; }

    public int RtUnitId { get; set; }

    public RtUnit? RtUnit { get; set; }

    /// <summary>Street address line (jalan, nomor, gang).</summary>
    public required string Address { get; set; }

    public DateOnly IssuedOn { get; set; }

    public List<Resident> Members { get; set; } = [];
}

public class Resident
{
    public int Id { get; set; }

    /// <summary>16-digit NIK.</summary>
    public required string Nik { get; set; }

    public int? HouseholdId { get; set; }

    public Household? Household { get; set; }

    public RelationshipToHead RelationshipToHead { get; set; }

    /// <summary>Mother and father as registered at birth (null when not in the register).</summary>
    public int? MotherId { get; set; }

    public int? FatherId { get; set; }

    public required string FullName { get; set; }

    public Sex Sex { get; set; }

    public required string BirthPlace { get; set; }

    public DateOnly BirthDate { get; set; }

    public Religion Religion { get; set; }

    public MaritalStatus MaritalStatus { get; set; }

    public Education Education { get; set; }

    public required string Occupation { get; set; }

    public Citizenship Citizenship { get; set; } = Citizenship.Wni;

    /// <summary>Current RT of residence (denormalised from the household for RT queries).</summary>
    public int? RtUnitId { get; set; }

    public RtUnit? RtUnit { get; set; }

    public ResidentStatus Status { get; set; } = ResidentStatus.Alive;

    public DateOnly? DeceasedOn { get; set; }

    public DateOnly? MovedOutOn { get; set; }

    /// <summary>Dotted region code of the destination when moved out.</summary>
    public string? MovedToRegionCode { get; set; }

    /// <summary>Phone in E.164 form (+62...), when known.</summary>
    public string? Phone { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Something that changed the register: birth, death, arrival, departure and so on.</summary>
public class PopulationEvent
{
    public long Id { get; set; }

    public PopulationEventKind Kind { get; set; }

    public int ResidentId { get; set; }

    public Resident? Resident { get; set; }

    public int? HouseholdId { get; set; }

    /// <summary>The RT the event counts for (for a departure: the RT left).</summary>
    public int? RtUnitId { get; set; }

    public DateOnly OccurredOn { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string? Details { get; set; }

    /// <summary>The approved application that caused the event (null for seeded or imported history).</summary>
    public long? ApplicationId { get; set; }
}

/// <summary>A sign-in account: citizen, RT head or staff.</summary>
public class AppUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    /// <summary>Office of a staff member (operator, supervisor); null for administrators and citizens.</summary>
    public int? OfficeId { get; set; }

    /// <summary>The RT an RT head is responsible for.</summary>
    public int? RtUnitId { get; set; }

    /// <summary>The register identity a citizen has linked.</summary>
    public int? ResidentId { get; set; }

    /// <summary>
    /// The link was made without a phone on record to confirm it: the first application carries a selfie with the
    /// KTP/KK for an operator to confirm.
    /// </summary>
    public bool IdentityProvisional { get; set; }

    /// <summary>Forces a password change at the next sign-in (new RT heads, resets).</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public class AppRole : IdentityRole<Guid>
{
}

/// <summary>Who read or changed whose data, when and why.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>What happened, e.g. "resident.read", "account.sign-in-failed".</summary>
    public required string Action { get; set; }

    public string? SubjectType { get; set; }

    public string? SubjectId { get; set; }

    public string? Details { get; set; }

    public string? ClientIp { get; set; }
}
