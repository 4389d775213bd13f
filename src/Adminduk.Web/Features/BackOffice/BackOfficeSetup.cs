using Adminduk.Web.Features.Board;

namespace Adminduk.Web.Features.BackOffice;

public static class BackOfficeSetup
{
    /// <summary>The queue, decisions with their approval steps, the expiry sweep and assisted entry.</summary>
    public static IServiceCollection AddAdmindukBackOffice(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BackOfficeOptions>(configuration.GetSection("BackOffice"));
        services.AddScoped<ClaimQueue>();
        services.AddScoped<DecisionService>();
        services.AddScoped<Assisted.AssistedEntry>();
        // Approval hands on through these steps, in registration order; documents, register and delivery add theirs.
        services.AddScoped<IApprovalStep, DocumentIssuanceHandover>();
        services.AddSingleton<ClaimSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ClaimSweeper>());
        return services;
    }

    public static IEndpointRouteBuilder MapBackOffice(this IEndpointRouteBuilder app)
    {
        app.MapBoard();
        return app;
    }
}
