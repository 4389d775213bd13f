using System.Net;
using Adminduk.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Adminduk.Web.Features.Hosting;

/// <summary>
/// What lets several instances serve one city behind a proxy: a shared key ring (a cookie from one instance works
/// on another) and the real client address from X-Forwarded-For, trusted only from the configured proxies.
/// </summary>
public static class HostingSetup
{
    public static IServiceCollection AddAdmindukHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection()
            .SetApplicationName("Adminduk")
            .PersistKeysToDbContext<AdmindukDbContext>();

        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the proxies named in configuration are trusted, so a client cannot
            // pick its own address (and with it its rate-limit allowance or the IP in the audit log).
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = 1;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddSingleton<SharedRateLimitStore>();
        return services;
    }

    /// <summary>Names the instance that answered (Instance:Name) in a response header, so operators can tell nodes apart.</summary>
    public static IApplicationBuilder UseInstanceHeader(this IApplicationBuilder app)
    {
        var name = app.ApplicationServices.GetRequiredService<IConfiguration>()["Instance:Name"];
        if (string.IsNullOrWhiteSpace(name))
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            context.Response.Headers["X-Adminduk-Instance"] = name;
            return next(context);
        });
    }

    /// <summary>Without a configured proxy the app faces clients directly and reads no forwarding header at all.</summary>
    public static IApplicationBuilder UseAdmindukForwardedHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownProxies.Count == 0 ? app : app.UseForwardedHeaders();
    }
}
