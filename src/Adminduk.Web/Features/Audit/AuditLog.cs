using System.Security.Claims;
using Adminduk.Web.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Adminduk.Web.Features.Audit;

/// <summary>Who acted, when no signed-in user is (sign-in attempts, background jobs, the CLI).</summary>
public readonly record struct AuditActor(Guid? Id, string Name);

/// <summary>
/// Records who read or changed whose data. Actor and client IP come from the current request unless an
/// actor is given; the time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class AuditLog(AdmindukDbContext db, TimeProvider time, IHttpContextAccessor httpContextAccessor)
{
    public const string AnonymousActor = "anonymous";

    /// <summary>Adds an entry to the context without saving: it is written with the caller's own SaveChanges, atomically.</summary>
    public AuditEntry Add(string action, string? subjectType = null, string? subjectId = null, string? details = null, AuditActor? actor = null)
    {
        var http = httpContextAccessor.HttpContext;
        var who = actor ?? ActorOf(http?.User);
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = who.Id,
            ActorName = Truncate(who.Name, 200)!,
            Action = Truncate(action, 100)!,
            SubjectType = Truncate(subjectType, 50),
            SubjectId = Truncate(subjectId, 100),
            Details = Truncate(details, 2000),
            ClientIp = Truncate(http?.Connection.RemoteIpAddress?.ToString(), 64),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Adds an entry and saves at once (also saving anything else pending in the scoped context).</summary>
    public async Task<AuditEntry> WriteAsync(
        string action,
        string? subjectType = null,
        string? subjectId = null,
        string? details = null,
        AuditActor? actor = null,
        CancellationToken cancellationToken = default)
    {
        var entry = Add(action, subjectType, subjectId, details, actor);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    public static AuditActor ActorOf(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return new AuditActor(null, AnonymousActor);
        }

        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
        return new AuditActor(id, user.Identity.Name ?? AnonymousActor);
    }

    private static string? Truncate(string? value, int length) =>
        value is { Length: > 0 } && value.Length > length ? value[..length] : value;
}

public static class AuditSetup
{
    public static IServiceCollection AddAdmindukAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddScoped<AuditLog>();
        return services;
    }
}
