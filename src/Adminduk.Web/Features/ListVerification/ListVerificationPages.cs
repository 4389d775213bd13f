using System.Security.Claims;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>Marker for the pages' texts (Resources/Features/ListVerification/ListVerificationPages.resx) and shared page rules.</summary>
public sealed class ListVerificationPages
{
    /// <summary>Supervisors and administrators see every run and may change a decision someone else took.</summary>
    public static bool Oversees(ClaimsPrincipal user) => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator);

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Operators see the runs they started; supervisors see all.</summary>
    public static IQueryable<VerificationRun> Visible(IQueryable<VerificationRun> runs, ClaimsPrincipal user)
    {
        if (Oversees(user))
        {
            return runs;
        }

        var id = UserId(user);
        return runs.Where(r => r.CreatedById == id);
    }

    public static string StatusKey(int status) => "Row.Status." + status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string RunStatusKey(VerificationRunStatus status) => "Run.Status." + status;

    public static string PhaseKey(VerificationPhase phase) => "Run.Phase." + phase;

    public static string FieldKey(ListField field) => "Field." + field;
}

public static class ListVerificationSetup
{
    /// <summary>Engine, review decisions and the background worker (disable with ListVerification:WorkerEnabled=false).</summary>
    public static IServiceCollection AddListVerification(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ListVerificationOptions>(configuration.GetSection("ListVerification"));
        services.AddSingleton(sp => new VerificationEngine(sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<ReviewService>();
        services.AddSingleton<VerificationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<VerificationWorker>());
        return services;
    }
}
