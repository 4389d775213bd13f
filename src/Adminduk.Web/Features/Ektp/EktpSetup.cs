using Adminduk.Web.Features.BackOffice;

namespace Adminduk.Web.Features.Ektp;

public static class EktpSetup
{
    /// <summary>Appointments (slots, bookings, closures), the print queue with suket, and the blank-card ledger with its jobs.</summary>
    public static IServiceCollection AddAdmindukEktp(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EktpOptions>(configuration.GetSection("Ektp"));
        services.AddScoped<SlotGenerator>();
        services.AddScoped<AppointmentBook>();
        services.AddScoped<DayClosures>();
        services.AddScoped<StockLedger>();
        services.AddScoped<PrintQueue>();
        services.AddScoped<ISuketIssuer, DocumentSuketIssuer>();
        services.AddScoped<IApprovalStep, CardQueueStep>();
        services.AddSingleton<EktpJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<EktpJobs>());
        return services;
    }
}
