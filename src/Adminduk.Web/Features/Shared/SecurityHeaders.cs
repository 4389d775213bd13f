namespace Adminduk.Web.Features.Shared;

/// <summary>Response headers that every answer carries, error pages and static files included.</summary>
public static class SecurityHeaders
{
    /// <summary>No inline script or style anywhere, nothing from other origins, no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Scalar API browser (developer tool, no personal data) configures itself with an inline module script
    /// and inline styles; it gets them, still without any other origin.
    /// </summary>
    public const string ApiBrowserContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiBrowserPath = "/scalar";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // OnStarting: the exception handler clears headers, so set them as late as possible.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiBrowserPath, StringComparison.OrdinalIgnoreCase)
                    ? ApiBrowserContentSecurityPolicy
                    : ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            await next(context);
        });
}
