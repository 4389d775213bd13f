using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using NikNumber = Adminduk.Domain.Numbers.Nik;

namespace Adminduk.Web.Features.Rt;

/// <summary>One line of an RT's resident list; the NIK is masked (the list never needs it whole).</summary>
public sealed record ResidentRow(
    int Id,
    string FullName,
    string MaskedNik,
    string KkNumber,
    int Age,
    Sex Sex,
    string Occupation,
    ResidentStatus Status,
    RelationshipToHead Relationship);

/// <summary>A resident of the RT with their household, for the detail page.</summary>
public sealed record ResidentDetail(ResidentRow Resident, string BirthPlace, DateOnly BirthDate, Religion Religion, Education Education,
    MaritalStatus MaritalStatus, string Address, IReadOnlyList<ResidentRow> Household);

/// <summary>The RT's residents: searched, paged and exported, always within one RT (the caller's own).</summary>
public static class RtResidentQuery
{
    public const int PageSize = 25;

    /// <summary>Exports stop here; an RT has a few hundred residents, so this only guards against a mis-set RT.</summary>
    public const int ExportLimit = 20_000;

    /// <summary>
    /// Residents of the RT matching the search: a full 16-digit number finds that NIK or KK exactly (no NIK prefixes, which
    /// would reveal the masked digits one guess at a time), a shorter number a KK prefix, text a part of the name.
    /// <paramref name="status"/> null means every status.
    /// </summary>
    public static IQueryable<Resident> Search(AdmindukDbContext db, int rtUnitId, string? query, ResidentStatus? status)
    {
        var residents = db.Residents.AsNoTracking().Where(r => r.RtUnitId == rtUnitId);
        if (status is { } s)
        {
            residents = residents.Where(r => r.Status == s);
        }

        var term = (query ?? "").Trim();
        if (term.Length == 0)
        {
            return residents;
        }

        if (term.All(char.IsAsciiDigit))
        {
            return term.Length == 16
                ? residents.Where(r => r.Nik == term || r.Household!.KkNumber == term)
                : residents.Where(r => r.Household!.KkNumber.StartsWith(term));
        }

        var upper = term.ToUpperInvariant();
#pragma warning disable CA1304 // translated to SQL upper(), which takes no culture; the term is upper-cased invariantly above
        return residents.Where(r => r.FullName.ToUpper().Contains(upper));
#pragma warning restore CA1304
    }

    public static async Task<(int Total, IReadOnlyList<ResidentRow> Rows)> PageAsync(
        IQueryable<Resident> residents, int page, DateOnly today, CancellationToken ct)
    {
        var total = await residents.CountAsync(ct);
        var rows = await Rows(residents.OrderBy(r => r.FullName).ThenBy(r => r.Id).Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize), today, ct);
        return (total, rows);
    }

    /// <summary>Every matching resident, in household order (KK, head first), for the exports.</summary>
    public static Task<IReadOnlyList<ResidentRow>> AllAsync(IQueryable<Resident> residents, DateOnly today, CancellationToken ct) =>
        Rows(residents.OrderBy(r => r.Household!.KkNumber).ThenBy(r => r.RelationshipToHead).ThenBy(r => r.BirthDate).ThenBy(r => r.Id).Take(ExportLimit),
            today, ct);

    /// <summary>The resident when they belong to the RT; null for anyone else (another RT's resident is "not found").</summary>
    public static async Task<ResidentDetail?> DetailAsync(AdmindukDbContext db, int rtUnitId, int residentId, DateOnly today, CancellationToken ct)
    {
        var r = await db.Residents.AsNoTracking()
            .Where(x => x.Id == residentId && x.RtUnitId == rtUnitId)
            .Select(x => new
            {
                x.Id,
                x.FullName,
                x.Nik,
                Kk = x.Household!.KkNumber,
                x.BirthDate,
                x.DeceasedOn,
                x.Sex,
                x.Occupation,
                x.Status,
                x.RelationshipToHead,
                x.BirthPlace,
                x.Religion,
                x.Education,
                x.MaritalStatus,
                Address = x.Household.Address,
                x.HouseholdId,
            })
            .FirstOrDefaultAsync(ct);
        if (r is null)
        {
            return null;
        }

        // Household members who live in the same RT (a member registered elsewhere is not this RT head's to see).
        var members = await Rows(
            db.Residents.AsNoTracking().Where(m => m.HouseholdId == r.HouseholdId && m.RtUnitId == rtUnitId)
                .OrderBy(m => m.RelationshipToHead).ThenBy(m => m.BirthDate).ThenBy(m => m.Id),
            today, ct);
        var row = new ResidentRow(r.Id, r.FullName, NikNumber.Mask(r.Nik), r.Kk, PersonRules.AgeOn(r.BirthDate, r.DeceasedOn ?? today), r.Sex,
            r.Occupation, r.Status, r.RelationshipToHead);
        return new ResidentDetail(row, r.BirthPlace, r.BirthDate, r.Religion, r.Education, r.MaritalStatus, r.Address, members);
    }

    private static async Task<IReadOnlyList<ResidentRow>> Rows(IQueryable<Resident> residents, DateOnly today, CancellationToken ct)
    {
        var rows = await residents
            .Select(r => new
            {
                r.Id,
                r.FullName,
                r.Nik,
                Kk = r.Household != null ? r.Household.KkNumber : "",
                r.BirthDate,
                r.DeceasedOn,
                r.Sex,
                r.Occupation,
                r.Status,
                r.RelationshipToHead,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ResidentRow(r.Id, r.FullName, NikNumber.Mask(r.Nik), r.Kk, PersonRules.AgeOn(r.BirthDate, r.DeceasedOn ?? today),
            r.Sex, r.Occupation, r.Status, r.RelationshipToHead))];
    }
}
