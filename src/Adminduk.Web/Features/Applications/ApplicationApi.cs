using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Adminduk.Domain.Applications;
using Adminduk.Domain.Services;
using Adminduk.Domain.Validation;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Applications;

public sealed record AttachmentDto(string Code, string FileName, string ContentBase64);

public sealed record ApplicationRequestDto(string ServiceCode, string? OfficeCode, Dictionary<string, string?>? Values, List<AttachmentDto>? Attachments);

public sealed record CorrectionRequestDto(Dictionary<string, string?>? Values, List<AttachmentDto>? Attachments);

public sealed record LookupRequestDto(string? Receipt, string? BirthDate);

public sealed record AvailabilityDto(bool Open, string? Message, string? MessageEn);

public sealed record TextDto(string Id, string En);

public sealed record OptionDto(string Value, TextDto Label);

public sealed record FieldDto(string Name, string Type, TextDto Label, TextDto? Help, bool Required, string? RequiredWhenField, string? RequiredWhenValue, int MaxLength, IReadOnlyList<OptionDto> Options);

public sealed record AttachmentDefinitionDto(string Code, TextDto Title, bool Required, string? RequiredWhenField, string? RequiredWhenValue);

public sealed record ServiceDto(
    string Code, TextDto Title, TextDto Description, string Eligibility, bool HouseholdMayApply, string InPersonStep,
    bool Open, TextDto? SuspensionMessage, IReadOnlyList<FieldDto> Fields, IReadOnlyList<AttachmentDefinitionDto> Attachments);

public sealed record HistoryDto(DateTimeOffset At, string? From, string To, string Actor, string? Note);

public sealed record ApplicationDto(
    string Receipt, string ServiceCode, TextDto ServiceTitle, string Office, string Status, DateTimeOffset? SubmittedAt,
    string? BatchDay, string? ExpectedProcessingDay, int? QueuePosition, IReadOnlyDictionary<string, string> Form,
    IReadOnlyDictionary<string, string[]> Corrections, string? DecisionReason, IReadOnlyList<string> Attachments, IReadOnlyList<HistoryDto> History);

public sealed record SubmittedDto(string Receipt, string Status, string? BatchDay, string? ExpectedProcessingDay, IDictionary<string, string[]> Warnings);

public sealed record PublicStatusDto(string Receipt, string Status, string? BatchDay, string? ExpectedProcessingDay);

/// <summary>
/// The application engine as JSON under /api: services, submission (Idempotency-Key header), drafts, the
/// applicant's own applications, correction and resubmission, and the public status lookup.
/// </summary>
public static class ApplicationApi
{
    public const string LookupRateLimit = "status-lookup";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IServiceCollection AddApplicationEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RegisterChecks>();
        services.AddScoped<ApplicationSubmission>();
        services.AddScoped<ApplicationQueries>();
        services.AddScoped<ServiceAvailability>();
        var settings = configuration.GetSection("RateLimiting:StatusLookup");
        var permit = settings.GetValue("PermitLimit", 10);
        var window = TimeSpan.FromSeconds(settings.GetValue("WindowSeconds", 60));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(LookupRateLimit, context =>
            HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : Hosting.SharedRateLimitPartition.Get(
                    context, LookupRateLimit, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", permit, window)));
        return services;
    }

    public static IEndpointRouteBuilder MapApplicationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Applications");
        api.MapGet("/services", ListServicesAsync).AllowAnonymous()
            .WithName("ListServices").WithSummary("The service catalogue with each service open or suspended at an office.");
        api.MapPut("/offices/{office}/services/{code}/availability", SetAvailabilityAsync).RequireAuthorization(Policies.Supervisor)
            .WithName("SetServiceAvailability").WithSummary("Suspend a service with a message, or reopen it (supervisors of the office).");
        api.MapPost("/applications", SubmitAsync).RequireAuthorization(Policies.Citizen)
            .WithName("SubmitApplication").WithSummary("Submit an application. Send an Idempotency-Key header: a repeat returns the first receipt.");
        api.MapGet("/applications", MineAsync).RequireAuthorization(Policies.Citizen)
            .WithName("MyApplications").WithSummary("The signed-in citizen's applications.");
        api.MapGet("/applications/{receipt}", GetAsync).RequireAuthorization(Policies.Citizen)
            .WithName("GetApplication").WithSummary("One of the signed-in citizen's applications with its history.");
        api.MapPost("/applications/{receipt}/resubmit", ResubmitAsync).RequireAuthorization(Policies.Citizen)
            .WithName("ResubmitApplication").WithSummary("Correct the fields an operator named and resubmit the same application.");
        api.MapPut("/drafts/{serviceCode}", SaveDraftAsync).RequireAuthorization(Policies.Citizen)
            .WithName("SaveDraft").WithSummary("Keep a half-filled form server-side to resume later.");
        api.MapPost("/status-lookup", LookupAsync).AllowAnonymous().RequireRateLimiting(LookupRateLimit)
            .WithName("LookupStatus").WithSummary("Status by receipt number and the applicant's date of birth (rate-limited).");
        return app;
    }

    public static async Task<Ok<List<ServiceDto>>> ListServicesAsync(string? office, AdmindukDbContext db, CancellationToken ct)
    {
        var officeRow = office is { Length: > 0 }
            ? await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Code == office, ct)
            : await db.Offices.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        var services = await ServiceAvailability.AtOfficeAsync(db, officeRow, ct);
        return TypedResults.Ok(services.Select(x => ToDto(x.Service, x.Setting)).ToList());
    }

    public static ServiceDto ToDto(ServiceDefinition s, ServiceSetting? setting) => new(
        s.Code, Dto(s.Title), Dto(s.Description), s.Eligibility.ToString(), s.HouseholdMayApply, s.InPersonStep.ToString(),
        setting?.IsOpen ?? true,
        setting is { IsOpen: false, SuspensionMessage: { } m } ? new TextDto(m, setting.SuspensionMessageEn ?? m) : null,
        [.. s.Fields.Select(f => new FieldDto(f.Name, f.Type.ToString(), Dto(f.Label), f.Help is null ? null : Dto(f.Help), f.Required,
            f.RequiredWhen?.Field, f.RequiredWhen?.EqualsValue, f.MaxLength, [.. f.Options.Select(o => new OptionDto(o.Value, Dto(o.Label)))]))],
        [.. s.Attachments.Select(a => new AttachmentDefinitionDto(a.Code, Dto(a.Title), a.Required, a.RequiredWhen?.Field, a.RequiredWhen?.EqualsValue))]);

    public static async Task<Results<NoContent, NotFound, ForbidHttpResult, ValidationProblem>> SetAvailabilityAsync(
        string office, string code, AvailabilityDto body, ClaimsPrincipal user, ServiceAvailability availability, CancellationToken ct) =>
        await availability.SetAsync(user, office, code, body.Open, body.Message, body.MessageEn, ct) switch
        {
            AvailabilityOutcome.NotFound => TypedResults.NotFound(),
            AvailabilityOutcome.Forbidden => TypedResults.Forbid(),
            AvailabilityOutcome.MessageRequired => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["message"] = [ApplicationMessages.Text("service.suspension_reason_required").For(CultureInfo.CurrentUICulture)],
            }),
            _ => TypedResults.NoContent(),
        };

    public static async Task<Results<Created<SubmittedDto>, Ok<SubmittedDto>, ValidationProblem>> SubmitAsync(
        ApplicationRequestDto body,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        AdmindukDbContext db,
        ApplicationSubmission submission,
        ApplicationQueries queries,
        CancellationToken ct)
    {
        var (files, fileErrors) = DecodeFiles(body.Attachments);
        if (fileErrors.Count > 0)
        {
            return TypedResults.ValidationProblem(fileErrors);
        }

        var applicant = await ApplicantFor(user, db, ct);
        var result = await submission.SubmitAsync(
            new SubmissionRequest(body.ServiceCode ?? "", body.Values ?? [], files, idempotencyKey, body.OfficeCode), applicant, ct);
        if (!result.Succeeded)
        {
            return Problem(result.Report);
        }

        var view = await queries.ForApplicantAsync(result.Application!.ReceiptNumber!, applicant.UserId, ct);
        var dto = new SubmittedDto(view!.Receipt, view.Status.ToString(), Iso(view.BatchDay), Iso(view.ExpectedProcessingDay),
            result.Report.ToDictionary(Severity.Warning, CultureInfo.CurrentUICulture));
        return result.Replayed ? TypedResults.Ok(dto) : TypedResults.Created($"/api/applications/{dto.Receipt}", dto);
    }

    public static async Task<Results<Ok, ValidationProblem>> SaveDraftAsync(
        string serviceCode, ApplicationRequestDto body, ClaimsPrincipal user, AdmindukDbContext db, ApplicationSubmission submission, CancellationToken ct)
    {
        var (files, fileErrors) = DecodeFiles(body.Attachments);
        if (fileErrors.Count > 0)
        {
            return TypedResults.ValidationProblem(fileErrors);
        }

        var applicant = await ApplicantFor(user, db, ct);
        var result = await submission.SaveDraftAsync(new SubmissionRequest(serviceCode, body.Values ?? [], files, null, body.OfficeCode), applicant, ct);
        return result.Application is null ? Problem(result.Report) : TypedResults.Ok();
    }

    public static async Task<Ok<List<ApplicationDto>>> MineAsync(ClaimsPrincipal user, ApplicationQueries queries, CancellationToken ct) =>
        TypedResults.Ok((await queries.MineAsync(UserId(user), ct)).Select(ToDto).ToList());

    public static async Task<Results<Ok<ApplicationDto>, NotFound>> GetAsync(string receipt, ClaimsPrincipal user, ApplicationQueries queries, CancellationToken ct) =>
        ReceiptNumber.Normalize(receipt) is { } normalized && await queries.ForApplicantAsync(normalized, UserId(user), ct) is { } view
            ? TypedResults.Ok(ToDto(view))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<ApplicationDto>, NotFound, ValidationProblem>> ResubmitAsync(
        string receipt, CorrectionRequestDto body, ClaimsPrincipal user, AdmindukDbContext db, ApplicationSubmission submission, ApplicationQueries queries, CancellationToken ct)
    {
        if (ReceiptNumber.Normalize(receipt) is not { } normalized)
        {
            return TypedResults.NotFound();
        }

        var (files, fileErrors) = DecodeFiles(body.Attachments);
        if (fileErrors.Count > 0)
        {
            return TypedResults.ValidationProblem(fileErrors);
        }

        var applicant = await ApplicantFor(user, db, ct);
        var result = await submission.ResubmitAsync(normalized, body.Values ?? [], files, applicant, ct);
        if (result.Application is null)
        {
            return TypedResults.NotFound();
        }

        if (!result.Report.IsValid)
        {
            return Problem(result.Report);
        }

        return TypedResults.Ok(ToDto((await queries.ForApplicantAsync(normalized, applicant.UserId, ct))!));
    }

    public static async Task<Results<Ok<PublicStatusDto>, NotFound>> LookupAsync(LookupRequestDto body, ApplicationQueries queries, CancellationToken ct)
    {
        var status = await queries.LookupAsync(body.Receipt, Domain.Validation.FormValidator.ParseDate(body.BirthDate), ct);
        return status is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new PublicStatusDto(status.Receipt, status.Status.ToString(), Iso(status.BatchDay), Iso(status.ExpectedProcessingDay)));
    }

    /// <summary>The signed-in person as an applicant, read from the account (linked resident, phone).</summary>
    public static async Task<Applicant> ApplicantFor(ClaimsPrincipal user, AdmindukDbContext db, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.Id == UserId(user), ct);
        return new Applicant(account.Id, account.FullName.Length > 0 ? account.FullName : account.UserName ?? "", account.PhoneNumber, account.ResidentId, account.IdentityProvisional);
    }

    public static Guid UserId(ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No user id claim."));

    /// <summary>RFC 9457 problem details: "errors" maps each field to its messages; warnings ride along.</summary>
    public static ValidationProblem Problem(ValidationReport report) =>
        TypedResults.ValidationProblem(
            report.ToDictionary(Severity.Error, CultureInfo.CurrentUICulture),
            title: CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "The application has problems to fix." : "Permohonan perlu diperbaiki.",
            extensions: new Dictionary<string, object?>
            {
                ["warnings"] = report.ToDictionary(Severity.Warning, CultureInfo.CurrentUICulture),
                ["codes"] = report.Issues.Select(i => new { field = i.Field, code = i.Code, severity = i.Severity.ToString().ToLowerInvariant() }).ToList(),
            });

    private static (List<UploadedFile> Files, Dictionary<string, string[]> Errors) DecodeFiles(List<AttachmentDto>? attachments)
    {
        var files = new List<UploadedFile>();
        var errors = new Dictionary<string, string[]>();
        foreach (var a in attachments ?? [])
        {
            var field = FormValidator.AttachmentField(a.Code ?? "");
            // Base64 of more than 2 MB cannot be a valid attachment: refuse before decoding.
            if (a.ContentBase64 is null || a.ContentBase64.Length > ((AttachmentRules.MaxFileBytes / 3) + 1) * 4)
            {
                errors[field] = [FormMessages.Text("attachment.too_large", new LocalizedText(a.Code ?? "", a.Code ?? ""), (a.ContentBase64?.Length ?? 0) * 3d / 4 / 1024 / 1024).For(CultureInfo.CurrentUICulture)];
                continue;
            }

            var buffer = new byte[(a.ContentBase64.Length * 3 / 4) + 3];
            if (!Convert.TryFromBase64String(a.ContentBase64, buffer, out var written))
            {
                errors[field] = [FormMessages.Text("attachment.type", new LocalizedText(a.Code ?? "", a.Code ?? "")).For(CultureInfo.CurrentUICulture)];
                continue;
            }

            files.Add(new UploadedFile(a.Code ?? "", a.FileName ?? "lampiran", buffer[..written]));
        }

        return (files, errors);
    }

    private static ApplicationDto ToDto(ApplicationView v) => new(
        v.Receipt, v.ServiceCode, Dto(v.ServiceTitle), v.OfficeCode, v.Status.ToString(), v.SubmittedAt, Iso(v.BatchDay), Iso(v.ExpectedProcessingDay),
        v.QueuePosition, v.Form, v.Corrections, v.DecisionReason, [.. v.Attachments.Select(a => a.Code)],
        [.. v.History.Select(h => new HistoryDto(h.At, h.From?.ToString(), h.To.ToString(), h.Actor, h.Note))]);

    private static TextDto Dto(LocalizedText t) => new(t.Id, t.En);

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}
