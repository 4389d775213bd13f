using System.Globalization;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Register.Effects;

/// <summary>
/// Reading an approved form and the register it changes. The form was checked at submission; the register may have
/// moved on since (another approval came first), and then the approval fails rather than writing a wrong register.
/// </summary>
internal static class EffectForm
{
    public static string Required(this RegisterEffectContext context, string field) =>
        context.Form.GetValueOrDefault(field) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Application {context.Application.ReceiptNumber}: the approved form has no {field}.");

    public static string? Optional(this RegisterEffectContext context, string field) =>
        context.Form.GetValueOrDefault(field) is { Length: > 0 } value ? value : null;

    public static DateOnly Date(this RegisterEffectContext context, string field) =>
        DateOnly.ParseExact(context.Required(field), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<Resident> LivingResidentAsync(this RegisterEffectContext context, string nik, CancellationToken ct)
    {
        var resident = await context.Db.Residents.SingleOrDefaultAsync(r => r.Nik == nik, ct);
        return resident is { Status: Domain.Population.ResidentStatus.Alive }
            ? resident
            : throw Conflict(context, $"resident {Domain.Numbers.Nik.Mask(nik)} is not a living resident any more");
    }

    public static async Task<Household> HouseholdAsync(this RegisterEffectContext context, string kkNumber, CancellationToken ct) =>
        await context.Db.Households.Include(h => h.Members).SingleOrDefaultAsync(h => h.KkNumber == kkNumber, ct)
            ?? throw Conflict(context, $"KK {kkNumber} does not exist");

    public static InvalidOperationException Conflict(RegisterEffectContext context, string what) =>
        new($"Application {context.Application.ReceiptNumber} cannot change the register: {what}.");

    /// <summary>A field the approved form must hold (same as <see cref="Required"/>).</summary>
    public static string Value(this RegisterEffectContext context, string field) => context.Required(field);

    /// <summary>The living resident whose NIK is in <paramref name="field"/>.</summary>
    public static Task<Resident> AliveResidentAsync(this RegisterEffectContext context, string field, CancellationToken ct) =>
        context.LivingResidentAsync(context.Required(field), ct);

    /// <summary>The household named by the form's kkNumber, with its RT.</summary>
    public static async Task<Household> HouseholdAsync(this RegisterEffectContext context, CancellationToken ct)
    {
        var kk = context.Required("kkNumber");
        return await context.Db.Households.Include(h => h.RtUnit).Include(h => h.Members).SingleOrDefaultAsync(h => h.KkNumber == kk, ct)
            ?? throw Conflict(context, $"KK {kk} does not exist");
    }
}
