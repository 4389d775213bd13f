using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Notifications;

/// <summary>The address a person's messages go to: their phone, else the e-mail they gave for messages.</summary>
public static class Recipients
{
    public static Task<string?> ForUserAsync(AdmindukDbContext db, Guid userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => u.PhoneNumber ?? db.Set<ContactPreference>().Where(p => p.UserId == u.Id).Select(p => p.Email).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
}
