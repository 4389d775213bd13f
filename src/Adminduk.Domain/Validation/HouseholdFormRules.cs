using System.Globalization;
using System.Resources;
using Adminduk.Domain.Services;

namespace Adminduk.Domain.Validation;

/// <summary>
/// Cross-field rules of the household and death services that need no register: who may not be whom, and which
/// supporting document a choice calls for. Runs on the values that passed their own format checks.
/// </summary>
public static class HouseholdFormRules
{
    /// <summary>Relationships a citizen can prove with a document (marriage book, birth certificate).</summary>
    private static readonly HashSet<string> ProvableRelationships = ["Suami", "Istri", "Anak"];

    private static readonly LocalizedResources Messages = new(
        new ResourceManager("Adminduk.Domain.Validation.HouseholdRuleMessages", typeof(HouseholdFormRules).Assembly), "household rule");

    public static LocalizedText Text(string code, params object[] arguments) => Messages.Text(code, arguments);

    internal static string? TemplateWithoutFallback(string code, CultureInfo culture) => Messages.TemplateWithoutFallback(code, culture);

    public static void Check(
        ServiceDefinition service, IReadOnlyDictionary<string, string> values, IReadOnlyCollection<AttachmentInput> attachments, ValidationReport report)
    {
        switch (service.Code)
        {
            case "kk-tambah-anggota":
                if (Same(values, "headNik", "memberNik"))
                {
                    report.Error("memberNik", "household.member_is_head", Text("household.member_is_head"));
                }

                if (values.TryGetValue("relationship", out var relationship) && ProvableRelationships.Contains(relationship)
                    && attachments.All(a => a.Code != "bukti-hubungan"))
                {
                    var title = service.Attachments.Single(a => a.Code == "bukti-hubungan").Title;
                    report.Error(FormValidator.AttachmentField("bukti-hubungan"), "attachment.required", FormMessages.Text("attachment.required", title));
                }

                break;
            case "kk-pisah":
                if (values.TryGetValue("newHeadNik", out var head) && values.TryGetValue("memberNiks", out var members)
                    && !members.Split(',').Contains(head))
                {
                    report.Error("newHeadNik", "household.head_not_leaving", Text("household.head_not_leaving"));
                }

                break;
            case "akta-kematian":
                if (Same(values, "nik", "reporterNik"))
                {
                    report.Error("reporterNik", "death.reporter_is_deceased", Text("death.reporter_is_deceased"));
                }

                if (Same(values, "nik", "newHeadNik"))
                {
                    report.Error("newHeadNik", "death.new_head_is_deceased", Text("death.new_head_is_deceased"));
                }

                break;
        }
    }

    private static bool Same(IReadOnlyDictionary<string, string> values, string a, string b) =>
        values.TryGetValue(a, out var x) && values.TryGetValue(b, out var y) && x == y;
}
