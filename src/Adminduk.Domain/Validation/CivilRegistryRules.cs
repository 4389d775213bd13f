using System.Globalization;
using System.Resources;
using Adminduk.Domain.Numbers;
using Adminduk.Domain.Services;

namespace Adminduk.Domain.Validation;

/// <summary>
/// Form rules of the marriage, divorce, moving, SKTT and legalisir services that need no register: how the fields
/// relate to each other and to the office. Runs on the values that passed the format checks (normalised).
/// </summary>
public static class CivilRegistryRules
{
    /// <summary>A planned move further ahead than this is refused: plans that far ahead change.</summary>
    public const int MaxDaysAheadForMove = 100;

    private static readonly LocalizedResources Messages = new(
        new ResourceManager("Adminduk.Domain.Validation.CivilRegistryRuleMessages", typeof(CivilRegistryRules).Assembly), "civil registry rule");

    private static readonly string[] ReligiousCourtWords = ["agama", "syar'iyah", "syariah", "syar’iyah"];

    public static LocalizedText Text(string code, params object[] arguments) => Messages.Text(code, arguments);

    internal static string? TemplateWithoutFallback(string code, CultureInfo culture) => Messages.TemplateWithoutFallback(code, culture);

    public static void Check(ServiceDefinition service, Dictionary<string, string> values, FormContext context, ValidationReport report)
    {
        switch (service.Code)
        {
            case "akta-perkawinan":
                CheckCouple(values, report);
                CheckWitnesses(values, report);
                break;
            case "perkawinan-kua":
                CheckCouple(values, report);
                break;
            case "akta-perceraian":
                CheckCouple(values, report);
                CheckCourt(service, values, religious: false, report);
                break;
            case "perceraian-pa":
                CheckCouple(values, report);
                CheckCourt(service, values, religious: true, report);
                break;
            case "pindah-keluar":
                CheckDeparture(service, values, context, report);
                break;
            case "sktt":
                CheckSktt(service, values, report);
                break;
            case "legalisir" when values.GetValueOrDefault("issuedElectronically") == "ya":
                report.Error("issuedElectronically", "legalisir.electronic", Text("legalisir.electronic"));
                break;
        }
    }

    /// <summary>The member NIKs of a checked pindah-keluar form (stored comma-separated).</summary>
    public static IReadOnlyList<string> MemberNiks(string? memberNiks) =>
        memberNiks is { Length: > 0 } list ? [.. SplitList(list)] : [];

    private static IEnumerable<string> SplitList(string text) =>
        text.Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void CheckCouple(Dictionary<string, string> values, ValidationReport report)
    {
        if (values.TryGetValue("husbandNik", out var husband) && values.TryGetValue("wifeNik", out var wife) && husband == wife)
        {
            report.Error("wifeNik", "couple.same_person", Text("couple.same_person"));
        }
    }

    private static void CheckWitnesses(Dictionary<string, string> values, ValidationReport report)
    {
        if (values.TryGetValue("witness1Name", out var first) && values.TryGetValue("witness2Name", out var second)
            && string.Equals(Collapse(first), Collapse(second), StringComparison.OrdinalIgnoreCase))
        {
            report.Error("witness2Name", "marriage.same_witness", Text("marriage.same_witness"));
        }
    }

    // Muslim divorces are decided by the religious court, all others by the district court (UU 1/1974, UU 7/1989).
    private static void CheckCourt(ServiceDefinition service, Dictionary<string, string> values, bool religious, ValidationReport report)
    {
        if (!values.TryGetValue("courtName", out var court))
        {
            return;
        }

        var isReligious = ReligiousCourtWords.Any(w => court.Contains(w, StringComparison.OrdinalIgnoreCase));
        if (religious && !isReligious)
        {
            report.Error("courtName", "divorce.court_not_religious", Text("divorce.court_not_religious", Label(service, "courtName")));
        }
        else if (!religious && isReligious)
        {
            report.Error("courtName", "divorce.court_is_religious", Text("divorce.court_is_religious", Label(service, "courtName")));
        }
    }

    private static void CheckDeparture(ServiceDefinition service, Dictionary<string, string> values, FormContext context, ValidationReport report)
    {
        if (values.TryGetValue("destinationRegency", out var destination) && destination == context.OfficeRegencyCode)
        {
            report.Error("destinationRegency", "move.destination_in_city", Text("move.destination_in_city", Label(service, "destinationRegency")));
        }

        if (values.TryGetValue("moveDate", out var iso) && FormValidator.ParseDate(iso) is { } moveDate
            && moveDate.DayNumber - context.Today.DayNumber > MaxDaysAheadForMove)
        {
            report.Error("moveDate", "move.date_too_far", Text("move.date_too_far", Label(service, "moveDate"), MaxDaysAheadForMove));
        }

        if (values.GetValueOrDefault("moveScope") != "sebagian")
        {
            // The whole household moves: a member list would only contradict the scope.
            values.Remove("memberNiks");
            return;
        }

        if (!values.TryGetValue("memberNiks", out var list))
        {
            return;
        }

        var label = Label(service, "memberNiks");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = true;
        foreach (var item in SplitList(list))
        {
            var parsed = Nik.Parse(item, context.Today);
            if (!parsed.Valid)
            {
                report.Error("memberNiks", "move.member_nik_invalid", Text("move.member_nik_invalid", label, item));
                valid = false;
            }
            else if (!seen.Add(parsed.Digits!))
            {
                report.Error("memberNiks", "move.member_nik_twice", Text("move.member_nik_twice", label, Nik.Mask(parsed.Digits!)));
                valid = false;
            }
        }

        if (valid)
        {
            values["memberNiks"] = string.Join(",", seen);
        }
    }

    private static void CheckSktt(ServiceDefinition service, Dictionary<string, string> values, ValidationReport report)
    {
        if (values.GetValueOrDefault("permitType") == "kitap")
        {
            report.Error("permitType", "sktt.kitap", Text("sktt.kitap"));
        }

        if (values.TryGetValue("passportNumber", out var passport))
        {
            // ICAO 9303: up to 9 letters and digits; people type spaces and lower case.
            var cleaned = passport.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            if (cleaned.Length is >= 6 and <= 9 && cleaned.All(char.IsAsciiLetterOrDigit))
            {
                values["passportNumber"] = cleaned;
            }
            else
            {
                report.Error("passportNumber", "sktt.passport_invalid", Text("sktt.passport_invalid", Label(service, "passportNumber")));
            }
        }

        if (values.TryGetValue("kitasNumber", out var kitas))
        {
            var cleaned = kitas.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            if (cleaned.Count(char.IsAsciiLetterOrDigit) >= 6 && cleaned.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '.'))
            {
                values["kitasNumber"] = cleaned;
            }
            else
            {
                report.Error("kitasNumber", "sktt.kitas_invalid", Text("sktt.kitas_invalid", Label(service, "kitasNumber")));
            }
        }
    }

    private static string Collapse(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static LocalizedText Label(ServiceDefinition service, string field) =>
        service.Field(field)?.Label ?? new LocalizedText(field, field);
}
