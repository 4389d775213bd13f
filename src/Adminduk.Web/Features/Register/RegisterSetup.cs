using Adminduk.Web.Features.BackOffice;

namespace Adminduk.Web.Features.Register;

public static class RegisterSetup
{
    /// <summary>Register updates on approval: each service's effect (registered as IRegisterEffect) and number allocation.</summary>
    public static IServiceCollection AddAdmindukRegister(this IServiceCollection services)
    {
        services.AddSingleton<INumberAllocator, DbNumberAllocator>();
        services.AddScoped<IApprovalStep, RegisterEffectsStep>();
        return services;
    }
}
