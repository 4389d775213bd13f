using Adminduk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Applications;

[Authorize(Policy = Policies.Citizen)]
public sealed class MineModel(ApplicationQueries queries) : PageModel
{
    public IReadOnlyList<ApplicationView> Applications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Applications = await queries.MineAsync(ApplicationApi.UserId(User), ct);
}
