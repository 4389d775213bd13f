using Adminduk.Web.Features.Register.Effects;

namespace Adminduk.Web.Features.Register;

public static class CivilRegistryEffects
{
    /// <summary>Register effects of marriage, divorce, moving out and moving within the city.</summary>
    public static IServiceCollection AddCivilRegistryEffects(this IServiceCollection services)
    {
        services.AddScoped<IRegisterEffect, AktaPerkawinanEffect>();
        services.AddScoped<IRegisterEffect, PerkawinanKuaEffect>();
        services.AddScoped<IRegisterEffect, AktaPerceraianEffect>();
        services.AddScoped<IRegisterEffect, PerceraianPaEffect>();
        services.AddScoped<IRegisterEffect, DepartureEffect>();
        services.AddScoped<IRegisterEffect, MoveWithinCityEffect>();
        return services;
    }
}
