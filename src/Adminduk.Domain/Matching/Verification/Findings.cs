using System.Globalization;
using System.Resources;
using Adminduk.Domain.Numbers;

namespace Adminduk.Domain.Matching.Verification;

/// <summary>The machine codes of list-verification findings; each has a message in VerdictMessages.resx and VerdictMessages.en.resx.</summary>
public static class VerdictCodes
{
    /// <summary>Valid and unique: found in the register by NIK, alive and resident, data agreeing, listed once.</summary>
    public const string Valid = "valid";

    public const string NikMissing = "nik.missing";

    /// <summary>NIK missing, but the person was found in the register (argument: the register NIK, masked).</summary>
    public const string NikMissingFound = "nik.missing_found";

    /// <summary>NIK breaks a NIK rule (the rule is in <see cref="Finding.NikIssues"/>).</summary>
    public const string NikMalformed = "nik.malformed";

    /// <summary>NIK not in the register, but the person was found under another NIK one typing error away or more.</summary>
    public const string NikMistyped = "nik.mistyped";

    /// <summary>NIK held by another person in the register; this person was found under their own NIK.</summary>
    public const string NikOtherPerson = "nik.other_person";

    /// <summary>The NIK is in the register, but its holder is clearly not this row's person, and nobody else there is.</summary>
    public const string NikHolderDiffers = "nik.holder_differs";

    public const string NikNotInRegister = "nik.not_in_register";

    /// <summary>The same NIK on rows of different people.</summary>
    public const string NikShared = "nik.shared";

    /// <summary>No NIK to look up and no one in the register like this row.</summary>
    public const string NotFound = "register.not_found";

    /// <summary>Someone in the register is like this row but not surely the same person: for staff review.</summary>
    public const string RegisterReview = "register.review";

    public const string Deceased = "register.deceased";

    public const string MovedOut = "register.moved_out";

    /// <summary>Found in the register, but fields differ (listed in <see cref="Finding.Fields"/>).</summary>
    public const string DataDiffers = "register.data_differs";

    public const string DuplicateSameNik = "duplicate.same_nik";

    /// <summary>Rows found in the register as the same person under different NIKs.</summary>
    public const string DuplicateSamePerson = "duplicate.same_person";

    /// <summary>Rows matched to each other by name, birth date and address (not both in the register).</summary>
    public const string DuplicateFuzzy = "duplicate.fuzzy";

    public const string DuplicateReview = "duplicate.review";

    /// <summary>One person on rows with different addresses or regions.</summary>
    public const string TwoAddresses = "duplicate.two_addresses";

    /// <summary>Two members of one KK on a list paid per family.</summary>
    public const string HouseholdMultiple = "household.multiple";

    public static IReadOnlyList<string> All { get; } =
    [
        Valid, NikMissing, NikMissingFound, NikMalformed, NikMistyped, NikOtherPerson, NikHolderDiffers, NikNotInRegister, NikShared,
        NotFound, RegisterReview, Deceased, MovedOut, DataDiffers, DuplicateSameNik, DuplicateSamePerson, DuplicateFuzzy,
        DuplicateReview, TwoAddresses, HouseholdMultiple,
    ];

    /// <summary>Codes that call for staff review rather than state a problem.</summary>
    public static bool IsReview(string code) => code is RegisterReview or DuplicateReview;
}

/// <summary>One reason in a row's verdict: a code, language-neutral arguments, and the details some codes carry.</summary>
public sealed class Finding
{
    public Finding(string code, params string[] arguments)
    {
        Code = code;
        Arguments = arguments;
    }

    public string Code { get; }

    /// <summary>Row ids, masked NIKs, scores: language-neutral text.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>For <see cref="VerdictCodes.DataDiffers"/>: the fields that differ from the register.</summary>
    public IReadOnlyList<MatchField> Fields { get; init; } = [];

    /// <summary>For <see cref="VerdictCodes.DataDiffers"/>: true when the row's KK number differs from the register's.</summary>
    public bool KkDiffers { get; init; }

    /// <summary>For <see cref="VerdictCodes.NikMalformed"/>: the NIK rules broken.</summary>
    public IReadOnlyList<NumberIssue> NikIssues { get; init; } = [];

    /// <summary>Rows this finding is about besides the row itself (duplicates, household members).</summary>
    public IReadOnlyList<string> OtherRows { get; init; } = [];

    public string Message => MessageIn(VerdictMessages.Indonesian);

    public string MessageEnglish => MessageIn(VerdictMessages.English);

    public string MessageIn(CultureInfo culture)
    {
        var args = new List<string>(Arguments);
        if (Code == VerdictCodes.NikMalformed)
        {
            args.Insert(0, string.Join("; ", NikIssues.Select(i => i.MessageIn(NumberMessages.CultureFor(culture.TwoLetterISOLanguageName)))));
        }
        else if (Code == VerdictCodes.DataDiffers)
        {
            var names = Fields.Select(f => VerdictMessages.FieldName(f, culture)).ToList();
            if (KkDiffers)
            {
                names.Add(VerdictMessages.Format("field.kk", culture, []));
            }

            args.Insert(0, string.Join(", ", names));
        }

        return VerdictMessages.Format(Code, culture, args);
    }

    public override string ToString() => $"{Code}({string.Join(", ", Arguments.Concat(Fields.Select(f => f.ToString())).Concat(NikIssues.Select(i => i.Code)))})";
}

/// <summary>Messages for verdict findings (neutral resources = Bahasa Indonesia, .en = English). The culture is always passed in.</summary>
public static class VerdictMessages
{
    private static readonly ResourceManager Resources = new("Adminduk.Domain.Matching.Verification.VerdictMessages", typeof(VerdictMessages).Assembly);

    public static CultureInfo Indonesian => NumberMessages.Indonesian;

    public static CultureInfo English => NumberMessages.English;

    /// <exception cref="InvalidOperationException">The code has no message (a bug, never shown as a raw code).</exception>
    public static string Format(string code, CultureInfo culture, IReadOnlyList<string> arguments)
    {
        var template = Resources.GetString(code, culture)
            ?? throw new InvalidOperationException($"No message for verdict code '{code}'.");
        return string.Format(culture, template, arguments.Cast<object?>().ToArray());
    }

    public static string FieldName(MatchField field, CultureInfo culture) => Format(FieldKey(field), culture, []);

    internal static string FieldKey(MatchField field) => field switch
    {
        MatchField.Name => "field.name",
        MatchField.BirthDate => "field.birth_date",
        MatchField.Nik => "field.nik",
        MatchField.Address => "field.address",
        MatchField.Region => "field.region",
        MatchField.Sex => "field.sex",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>The template for a key in exactly one resource file (no fallback), for completeness checks.</summary>
    internal static string? TemplateWithoutFallback(string key, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key);
}
