using System.Globalization;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>Reading an approved form and the people it names; anything missing means the form was not checked, so it throws.</summary>
internal static class EffectForm
{
    public static string Value(this RegisterEffectContext ctx, string field) =>
        ctx.Form.GetValueOrDefault(field) is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException($"{ctx.Application.ServiceCode}: the approved form has no {field}.");

    public static DateOnly Date(this RegisterEffectContext ctx, string field) =>
        DateOnly.ParseExact(ctx.Value(field), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<Resident> AliveResidentAsync(this RegisterEffectContext ctx, string field, CancellationToken ct)
    {
        var nik = ctx.Value(field);
        var resident = await ctx.Db.Residents.SingleOrDefaultAsync(r => r.Nik == nik, ct)
            ?? throw new InvalidOperationException($"{ctx.Application.ServiceCode}: {field} is not in the register.");
        return resident.Status == ResidentStatus.Alive
            ? resident
            : throw new InvalidOperationException($"{ctx.Application.ServiceCode}: {field} is no longer a living resident ({resident.Status}).");
    }

    public static async Task<Household> HouseholdAsync(this RegisterEffectContext ctx, CancellationToken ct)
    {
        var kk = ctx.Value("kkNumber");
        return await ctx.Db.Households.Include(h => h.RtUnit).SingleOrDefaultAsync(h => h.KkNumber == kk, ct)
            ?? throw new InvalidOperationException($"{ctx.Application.ServiceCode}: KK is not in the register.");
    }
}
