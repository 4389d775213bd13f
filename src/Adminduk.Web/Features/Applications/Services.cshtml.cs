using Adminduk.Domain.Services;
using Adminduk.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Applications;

[AllowAnonymous]
public sealed class ServicesModel(AdmindukDbContext db) : PageModel
{
    public IReadOnlyList<(ServiceDefinition Service, ServiceSetting? Setting)> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var office = await db.Offices.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        Services = await ServiceAvailability.AtOfficeAsync(db, office, ct);
    }
}
