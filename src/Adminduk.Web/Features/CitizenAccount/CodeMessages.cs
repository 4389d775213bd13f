using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.CitizenAccount;

/// <summary>What citizens read about a code that was refused or could not be sent.</summary>
public static class CodeMessages
{
    public static string Refused(IStringLocalizer localizer, CodeCheckResult check) => check.Outcome switch
    {
        CodeCheckOutcome.Wrong => localizer["Code.Wrong", check.AttemptsLeft],
        CodeCheckOutcome.Expired => localizer["Code.Expired"],
        CodeCheckOutcome.Blocked => localizer["Code.Blocked"],
        _ => localizer["Code.Missing"],
    };

    public static string SendRefused(IStringLocalizer localizer, CodeSendResult send) => send.Outcome == CodeSendOutcome.ClientLimited
        ? localizer["Code.ClientLimited", send.RetryAfterMinutes]
        : localizer["Code.NumberLimited", send.RetryAfterMinutes];

    public static string Malformed(IStringLocalizer localizer) => localizer["Code.Format", OneTimeCodes.Length];
}
