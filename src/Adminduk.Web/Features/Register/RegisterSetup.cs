using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.Register.Effects;

namespace Adminduk.Web.Features.Register;

public static class RegisterSetup
{
    /// <summary>Register updates on approval: each service's effect (registered as IRegisterEffect) and number allocation.</summary>
    public static IServiceCollection AddAdmindukRegister(this IServiceCollection services)
    {
        services.AddSingleton<INumberAllocator, DbNumberAllocator>();
        services.AddScoped<IApprovalStep, RegisterEffectsStep>();
        services.AddScoped<IRegisterEffect, BirthEffect>();
        services.AddScoped<IRegisterEffect, ArrivalEffect>();
        return services;
    }
}
