using System.Globalization;
using Adminduk.Domain.Numbers;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.CitizenAccount;

public sealed record SendCodeRequest(string? Phone);

public sealed record VerifyCodeRequest(string? Phone, string? Code);

public sealed record LinkRequest(string? Nik, string? KkNumber, string? BirthDate);

public sealed record CodeRequest(string? Code);

public sealed record PhoneRequest(string? Phone);

/// <param name="Phone">Where the code went, partly masked.</param>
public sealed record CodeSentResponse(string Phone, DateTimeOffset? ExpiresAt);

/// <param name="Status">"linked", "code-sent" (to <paramref name="Phone"/>, masked) or "provisional" (the first application needs a selfie holding the KTP/KK).</param>
public sealed record LinkResponse(string Status, string? Phone, string Message);

/// <summary>
/// The JSON side of citizen sign-in and identity linking, under /api/auth. Refusals are RFC 9457 problem details;
/// field errors come as an errors map keyed by the request's field names.
/// </summary>
public static class CitizenAccountEndpoints
{
    public static IEndpointRouteBuilder MapCitizenAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Citizen sign-in");
        group.MapPost("/code", SendCodeAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit.PolicyName)
            .WithSummary("Sends a one-time sign-in code to a phone number (Indonesian or international).");
        group.MapPost("/verify", VerifyAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit.PolicyName)
            .WithSummary("Signs in with the phone number and its code (sets the sign-in cookie); creates the account the first time.");
        group.MapGet("/me", MeAsync).RequireAuthorization(Policies.Citizen)
            .WithSummary("The signed-in citizen: phone and register link.");
        group.MapPost("/link", LinkAsync).RequireAuthorization(Policies.Citizen).RequireRateLimiting(SignInRateLimit.PolicyName)
            .WithSummary("Links the account with a register identity by NIK, KK number and birth date (yyyy-MM-dd).");
        group.MapPost("/link/verify", ConfirmLinkAsync).RequireAuthorization(Policies.Citizen).RequireRateLimiting(SignInRateLimit.PolicyName)
            .WithSummary("Confirms a link with the code sent to the phone on record.");
        group.MapPost("/phone", RequestPhoneChangeAsync).RequireAuthorization(Policies.Citizen).RequireRateLimiting(SignInRateLimit.PolicyName)
            .WithSummary("Starts changing the phone on record: sends a code to the new phone.");
        group.MapPost("/phone/verify", ConfirmPhoneChangeAsync).RequireAuthorization(Policies.Citizen).RequireRateLimiting(SignInRateLimit.PolicyName)
            .WithSummary("Records the new phone after its code is entered.");
        return app;
    }

    private static async Task<Results<Ok<CodeSentResponse>, ValidationProblem, ProblemHttpResult>> SendCodeAsync(
        SendCodeRequest request, CitizenSignIn signIn, HttpContext http, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var parsed = PhoneNumber.Parse(request.Phone);
        if (!parsed.Valid)
        {
            return PhoneProblem(parsed);
        }

        var sent = await signIn.SendCodeAsync(parsed.E164!, CitizenAccountSetup.ClientIp(http), cancellationToken);
        return sent.Sent
            ? TypedResults.Ok(new CodeSentResponse(ContactMask.Mask(parsed.E164!), sent.ExpiresAt))
            : TooMany(http, localizer, sent);
    }

    private static async Task<Results<Ok<LinkStatus>, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        VerifyCodeRequest request,
        CitizenSignIn signIn,
        IdentityLink link,
        IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken)
    {
        var parsed = PhoneNumber.Parse(request.Phone);
        if (!parsed.Valid)
        {
            return PhoneProblem(parsed);
        }

        var code = CodeInput.Normalize(request.Code);
        if (!OneTimeCodes.IsWellFormed(code))
        {
            return Invalid(LinkFields.Code, CodeMessages.Malformed(localizer));
        }

        var result = await signIn.SignInAsync(parsed.E164!, code, cancellationToken);
        return result.Outcome switch
        {
            CitizenSignInOutcome.SignedIn => TypedResults.Ok(await link.StatusAsync(result.User!, cancellationToken)),
            CitizenSignInOutcome.PasswordAccount => TypedResults.Problem(localizer["CitizenSignIn.PasswordAccount"], statusCode: StatusCodes.Status403Forbidden),
            CitizenSignInOutcome.LockedOut => TypedResults.Problem(localizer["CitizenSignIn.LockedOut"], statusCode: StatusCodes.Status403Forbidden),
            _ => Invalid(LinkFields.Code, CodeMessages.Refused(localizer, result.Check)),
        };
    }

    private static async Task<Results<Ok<LinkStatus>, UnauthorizedHttpResult>> MeAsync(
        HttpContext http, UserManager<AppUser> users, IdentityLink link, CancellationToken cancellationToken) =>
        await users.GetUserAsync(http.User) is { } user
            ? TypedResults.Ok(await link.StatusAsync(user, cancellationToken))
            : TypedResults.Unauthorized();

    private static async Task<Results<Ok<LinkResponse>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> LinkAsync(
        LinkRequest request,
        HttpContext http,
        UserManager<AppUser> users,
        IdentityLink link,
        IStringLocalizer<SharedResource> localizer,
        CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await link.LinkAsync(user, request.Nik, request.KkNumber, request.BirthDate, CitizenAccountSetup.ClientIp(http), cancellationToken);
        return result.Outcome switch
        {
            LinkOutcome.Linked => TypedResults.Ok(new LinkResponse("linked", null, localizer["Link.Done"])),
            LinkOutcome.Provisional => TypedResults.Ok(new LinkResponse("provisional", null, localizer["Link.ProvisionalDone"])),
            LinkOutcome.CodeSent => TypedResults.Ok(new LinkResponse("code-sent", result.MaskedPhone, localizer["LinkCode.Intro", result.MaskedPhone!])),
            LinkOutcome.Invalid => TypedResults.ValidationProblem(result.Errors, title: localizer["Problem.Invalid"]),
            LinkOutcome.Limited => Throttled(result.Message!),
            LinkOutcome.AlreadyLinked => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(result.Message, title: localizer["Problem.NoMatch"], statusCode: StatusCodes.Status422UnprocessableEntity),
        };
    }

    private static async Task<Results<Ok<LinkStatus>, ValidationProblem, UnauthorizedHttpResult>> ConfirmLinkAsync(
        CodeRequest request, HttpContext http, UserManager<AppUser> users, IdentityLink link, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var code = CodeInput.Normalize(request.Code);
        if (!OneTimeCodes.IsWellFormed(code))
        {
            return Invalid(LinkFields.Code, CodeMessages.Malformed(localizer));
        }

        var check = await link.ConfirmLinkAsync(user, code, cancellationToken);
        return check.Valid
            ? TypedResults.Ok(await link.StatusAsync(user, cancellationToken))
            : Invalid(LinkFields.Code, CodeMessages.Refused(localizer, check));
    }

    private static async Task<Results<Ok<CodeSentResponse>, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> RequestPhoneChangeAsync(
        PhoneRequest request, HttpContext http, UserManager<AppUser> users, IdentityLink link, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var result = await link.RequestPhoneChangeAsync(user, request.Phone, CitizenAccountSetup.ClientIp(http), cancellationToken);
        return result.Outcome switch
        {
            LinkOutcome.CodeSent => TypedResults.Ok(new CodeSentResponse(result.MaskedPhone!, null)),
            LinkOutcome.Limited => Throttled(result.Message!),
            _ when result.Errors.Count > 0 => TypedResults.ValidationProblem(result.Errors),
            _ => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static async Task<Results<Ok<LinkStatus>, ValidationProblem, UnauthorizedHttpResult>> ConfirmPhoneChangeAsync(
        CodeRequest request, HttpContext http, UserManager<AppUser> users, IdentityLink link, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var code = CodeInput.Normalize(request.Code);
        if (!OneTimeCodes.IsWellFormed(code))
        {
            return Invalid(LinkFields.Code, CodeMessages.Malformed(localizer));
        }

        var check = await link.ConfirmPhoneChangeAsync(user, code, cancellationToken);
        return check.Valid
            ? TypedResults.Ok(await link.StatusAsync(user, cancellationToken))
            : Invalid(LinkFields.Code, CodeMessages.Refused(localizer, check));
    }

    private static ValidationProblem PhoneProblem(PhoneNumberParseResult parsed)
    {
        var culture = NumberMessages.CultureFor(CultureInfo.CurrentUICulture.Name);
        return TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            [LinkFields.Phone] = [.. parsed.Errors.Select(e => e.MessageIn(culture))],
        });
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult TooMany(HttpContext http, IStringLocalizer localizer, CodeSendResult sent)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(sent.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(CodeMessages.SendRefused(localizer, sent), statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static ProblemHttpResult Throttled(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status429TooManyRequests);
}
