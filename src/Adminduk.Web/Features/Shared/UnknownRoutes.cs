using Microsoft.Extensions.Localization;

namespace Adminduk.Web.Features.Shared;

/// <summary>
/// A request no endpoint matches gets 404. Without this the fallback (deny) policy would also apply to it and send
/// every mistyped link to the sign-in page; with no endpoint there is nothing to protect.
/// </summary>
public static class UnknownRoutes
{
    /// <summary>Place after UseRouting and before UseAuthorization.</summary>
    public static IApplicationBuilder UseNotFoundForUnknownRoutes(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is not null)
            {
                await next(context);
                return;
            }

            var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(localizer["NotFound.Text"].Value, context.RequestAborted);
        });
}
