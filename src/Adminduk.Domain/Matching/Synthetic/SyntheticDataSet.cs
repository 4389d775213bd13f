using Adminduk.Domain.Population;

namespace Adminduk.Domain.Matching.Synthetic;

/// <summary>What the generator planted in a row, relative to the register (or to the person, for people outside it).</summary>
[Flags]
public enum PlantedError
{
    None = 0,

    /// <summary>Another spelling of the name: old spelling, Muhammad/Moh./M., Nur/Noor, order, joined or split, a token dropped or shortened.</summary>
    NameVariant = 1 << 0,

    /// <summary>Titles or degrees added before or after the name.</summary>
    Title = 1 << 1,

    /// <summary>One or two typing errors in the name.</summary>
    Typo = 1 << 2,

    /// <summary>Birth day and month swapped.</summary>
    SwappedDayMonth = 1 << 3,

    /// <summary>One NIK digit changed.</summary>
    WrongNikDigit = 1 << 4,

    /// <summary>NIK left empty.</summary>
    MissingNik = 1 << 5,

    /// <summary>Listed at another address and kelurahan.</summary>
    OtherAddress = 1 << 6,

    /// <summary>NIK written so that it breaks a NIK rule (length, a letter, an impossible date).</summary>
    MalformedNik = 1 << 7,

    /// <summary>Birth date off by a few days or a year.</summary>
    BirthDateTypo = 1 << 8,
}

public enum SyntheticRowRole
{
    /// <summary>The first row of a listed person.</summary>
    Original = 1,

    /// <summary>A planted duplicate of a listed person (same or other list).</summary>
    Copy = 2,

    /// <summary>A second member of a household already on a per-family list.</summary>
    ExtraHouseholdMember = 3,
}

public enum HardNegativeKind
{
    /// <summary>Two people in different households with the same name and birth date.</summary>
    SameNameAndBirthDate = 1,

    /// <summary>A father and son of the same name in one KK.</summary>
    FatherAndSonSameName = 2,

    /// <summary>Twins: one KK, one birth date, often names one letter apart.</summary>
    Twins = 3,
}

/// <summary>A list row with the truth about it.</summary>
/// <param name="PersonId">The person the row is about: a register id, or an id of someone outside the register.</param>
/// <param name="OriginalRowId">For copies, the row id of the person's original row.</param>
public sealed record SyntheticRow(ListRow Row, string PersonId, bool InRegister, SyntheticRowRole Role, PlantedError Errors, string? OriginalRowId);

/// <summary>Two different people who look alike (the matcher must keep them apart).</summary>
public sealed record HardNegativePair(string PersonIdA, string PersonIdB, HardNegativeKind Kind);

/// <summary>A register with statuses, the external lists, and the truth for measuring matching.</summary>
public sealed class SyntheticDataSet
{
    internal SyntheticDataSet(
        SyntheticOptions options,
        IReadOnlyList<RegisterEntry> register,
        IReadOnlyList<AidList> lists,
        IReadOnlyList<SyntheticRow> rows,
        IReadOnlyList<HardNegativePair> hardNegatives,
        int outsiders)
    {
        Options = options;
        Register = register;
        Lists = lists;
        Rows = rows;
        HardNegatives = hardNegatives;
        Outsiders = outsiders;
    }

    public SyntheticOptions Options { get; }

    public IReadOnlyList<RegisterEntry> Register { get; }

    public IReadOnlyList<AidList> Lists { get; }

    public IReadOnlyList<SyntheticRow> Rows { get; }

    public IReadOnlyList<HardNegativePair> HardNegatives { get; }

    /// <summary>People on the lists who are not in the register.</summary>
    public int Outsiders { get; }

    /// <summary>Register people plus people outside it.</summary>
    public int People => Register.Count + Outsiders;

    public IEnumerable<ListRow> ListRows => Rows.Select(r => r.Row);

    public int CountStatus(ResidentStatus status) => Register.Count(e => e.Status == status);
}
