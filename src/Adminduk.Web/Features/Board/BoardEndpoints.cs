using Adminduk.Web.Data;

namespace Adminduk.Web.Features.Board;

/// <summary>`GET /api/offices/{office}/board`: the public board as JSON, the same record the page shows.</summary>
public static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/offices/{office}/board", async (string office, AdmindukDbContext db, TimeProvider clock, CancellationToken ct) =>
                await BoardQuery.ForAsync(db, office.ToUpperInvariant(), clock.GetUtcNow(), ct) is { } board
                    ? Results.Ok(board)
                    : Results.NotFound())
            .AllowAnonymous()
            .WithName("OfficeBoard")
            .WithTags("Offices")
            .WithSummary("Today's batch of an office: received, done, in progress and waiting, per service, and the cut-off.")
            .Produces<BoardSnapshot>()
            .Produces(StatusCodes.Status404NotFound);
        return app;
    }
}
