using System.CommandLine;
using System.Globalization;
using Adminduk.Domain.Numbers;
using Adminduk.Web.Features.Nik;

namespace Adminduk.Cli.Commands;

/// <summary>
/// `adminduk nik NIK`: prints the same JSON as GET /api/nik/{nik}; exit code 0 when the NIK is valid, 1 when not.
/// "Today" defaults to the date at UTC+9 (see <see cref="NikReport.Today"/>); --today fixes it for tests and replays.
/// </summary>
internal static class NikCommand
{
    public static Command Create()
    {
        var nik = new Argument<string>("nik") { Description = "The 16-digit NIK to check" };
        var today = new Option<DateOnly?>("--today")
        {
            Description = "The date to check against, yyyy-MM-dd (default: today at UTC+9, Indonesia's easternmost time zone)",
            CustomParser = ParseDate,
        };
        var lang = new Option<string>("--lang")
        {
            Description = "Language of the messages: id (default) or en",
            DefaultValueFactory = _ => "id",
        };
        lang.AcceptOnlyFromAmong("id", "en");

        var command = new Command("nik", "Check a NIK and print its parts as JSON") { nik, today, lang };
        command.SetAction(result =>
        {
            var report = NikReport.Check(
                result.GetValue(nik),
                result.GetValue(today) ?? NikReport.Today(TimeProvider.System),
                NumberMessages.CultureFor(result.GetValue(lang)));
            result.InvocationConfiguration.Output.WriteLine(NikReport.ToJson(report));
            return report.Valid ? 0 : 1;
        });
        return command;
    }

    private static DateOnly? ParseDate(System.CommandLine.Parsing.ArgumentResult result)
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--today expects a date as yyyy-MM-dd, not '{token}'.");
        return null;
    }
}
