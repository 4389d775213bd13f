using System.Globalization;
using Adminduk.Domain.Documents;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.Documents;

/// <summary>
/// The office's register numbers: akta as "6471-LT-23112026-0001" (regency, kind, registration date, serial), letters
/// as "SKPWNI/6471/23112026/0001". A KK carries its household's KK number instead.
/// </summary>
public static class DocumentNumbers
{
    /// <summary>The code of each numbered kind, used in the number and its counter.</summary>
    public static string SeriesCode(DocumentKind kind) => kind switch
    {
        DocumentKind.AktaKelahiran => "LT",
        DocumentKind.AktaKematian => "KM",
        DocumentKind.AktaPerkawinan => "KW",
        DocumentKind.AktaPerceraian => "CR",
        DocumentKind.SuratPindah => "SKPWNI",
        DocumentKind.Sktt => "SKTT",
        DocumentKind.Suket => "SKET",
        DocumentKind.PickupReceipt => "TBP",
        _ => throw new ArgumentException($"{kind} has no series of its own.", nameof(kind)),
    };

    public static string Format(DocumentKind kind, string regencyDigits, DateOnly day, int serial)
    {
        var date = day.ToString("ddMMyyyy", CultureInfo.InvariantCulture);
        var number = serial.ToString("0000", CultureInfo.InvariantCulture);
        var code = SeriesCode(kind);
        return kind is DocumentKind.AktaKelahiran or DocumentKind.AktaKematian or DocumentKind.AktaPerkawinan or DocumentKind.AktaPerceraian
            ? $"{regencyDigits}-{code}-{date}-{number}"
            : $"{code}/{regencyDigits}/{date}/{number}";
    }

    /// <summary>
    /// The next number of a kind for an office's regency on a day. The counter row (NumberSerials, shared with NIK and
    /// KK allocation under its own prefix) is bumped by an UPDATE inside the caller's transaction, so two approvals at
    /// once never get the same number.
    /// </summary>
    public static async Task<string> NextAsync(AdmindukDbContext db, DocumentKind kind, string regencyDigits, DateOnly day, CancellationToken ct)
    {
        // NumberSerials.Prefix holds 20 characters: "d:" + code (<= 6) + regency (4) + yyMMdd.
        var key = $"d:{SeriesCode(kind)}{regencyDigits}{day.ToString("yyMMdd", CultureInfo.InvariantCulture)}";
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "NumberSerials" ("Prefix", "Last") VALUES ({key}, 0) ON CONFLICT ("Prefix") DO NOTHING""", ct);
        var next = await db.Database
            .SqlQuery<int>($"""UPDATE "NumberSerials" SET "Last" = "Last" + 1 WHERE "Prefix" = {key} RETURNING "Last" AS "Value" """)
            .ToListAsync(ct);
        var serial = next.Single();
        if (serial > 9999)
        {
            throw new InvalidOperationException($"No serial left for {key}.");
        }

        return Format(kind, regencyDigits, day, serial);
    }
}
