namespace Adminduk.Web.Features.Register.Effects;

public static class HouseholdEffectsSetup
{
    /// <summary>Register effects of the data update, household and death services.</summary>
    public static IServiceCollection AddHouseholdServiceEffects(this IServiceCollection services)
    {
        services.AddScoped<IRegisterEffect, DataChangeEffect>();
        services.AddScoped<IRegisterEffect, AddMemberEffect>();
        services.AddScoped<IRegisterEffect, SplitHouseholdEffect>();
        services.AddScoped<IRegisterEffect, DeathEffect>();
        return services;
    }
}
