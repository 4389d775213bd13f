using Adminduk.Domain.Population;

namespace Adminduk.Domain.Matching;

/// <summary>
/// One person as matching sees them: a row of an external list or an entry of the register. Only the id is
/// required; every other field may be missing, and matching uses what both sides have.
/// </summary>
/// <param name="Id">Unique within one run (list rows across all lists, register entries among themselves).</param>
public sealed record PersonRecord(string Id)
{
    /// <summary>The full name as written, titles and punctuation included.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The NIK as written. Duplicate detection treats it as an opaque identity number (FEBRL's soc_sec_id goes here);
    /// only the verdict rules read it as a NIK.
    /// </summary>
    public string? Nik { get; init; }

    /// <summary>The KK (family card) number: people sharing it are one household.</summary>
    public string? KkNumber { get; init; }

    public DateOnly? BirthDate { get; init; }

    public Sex? Sex { get; init; }

    /// <summary>Free address text (street, house number, RT/RW).</summary>
    public string? Address { get; init; }

    /// <summary>Area code whose equality means "same area": the kelurahan code (digits) for Indonesian data, a postcode for FEBRL.</summary>
    public string? RegionCode { get; init; }
}

/// <summary>A person in the population register with their status there.</summary>
public sealed record RegisterEntry(PersonRecord Person, ResidentStatus Status);

/// <summary>An external list being verified, e.g. one social-assistance programme.</summary>
/// <param name="PaidPerFamily">Aid paid once per household (KK): two members of one KK on it is a finding.</param>
public sealed record AidList(string Id, bool PaidPerFamily);

/// <summary>One row of an external list.</summary>
public sealed record ListRow(string ListId, PersonRecord Record);
