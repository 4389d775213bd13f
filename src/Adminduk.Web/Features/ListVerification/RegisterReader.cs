using System.Data.Common;
using System.Globalization;
using Adminduk.Domain.Matching;
using Adminduk.Domain.Matching.Verification;
using Adminduk.Domain.Population;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>
/// Reads the register for one verification run: one streaming query over residents with their household and RT,
/// folded for matching in parallel batches as it arrives. Only residents who share a NIK or a blocking key with some
/// list row are kept, so a short list against a large register holds little in memory.
/// </summary>
public static class RegisterReader
{
    private const int Batch = 20_000;

    private const string Query = """
        SELECT r."Id", r."Nik", r."FullName", r."BirthDate", r."Sex", r."Status", h."KkNumber", h."Address", u."VillageCode", u."Rt", u."Rw"
        FROM "Residents" r
        LEFT JOIN "Households" h ON h."Id" = r."HouseholdId"
        LEFT JOIN "RtUnits" u ON u."Id" = r."RtUnitId"
        """;

    /// <param name="wanted">Whether a resident may be a candidate for some row (NIK or blocking key shared).</param>
    /// <param name="progress">Receives (residents read, residents in the register).</param>
    /// <param name="cache">Shares folded names and addresses with the list rows prepared before.</param>
    public static async Task<InMemoryRegister> LoadAsync(
        AdmindukDbContext db,
        Func<MatchRecord, bool> wanted,
        MatchCache cache,
        MatchOptions options,
        Action<long, long>? progress,
        CancellationToken ct)
    {
        var total = await db.Residents.LongCountAsync(ct);
        progress?.Invoke(0, total);
        var kept = new List<RegisterCandidate>();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Query;
            command.CommandTimeout = 0;
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
            var batch = new List<RegisterEntry>(Batch);
            long read = 0;
            Task<RegisterCandidate[]>? folding = null;
            while (await reader.ReadAsync(ct))
            {
                batch.Add(Entry(reader));
                if (batch.Count == Batch)
                {
                    // Fold one batch while the next streams in.
                    if (folding is not null)
                    {
                        kept.AddRange(await folding);
                    }

                    var full = batch;
                    folding = Task.Run(() => Fold(full, wanted, cache), ct);
                    batch = new List<RegisterEntry>(Batch);
                    read += Batch;
                    progress?.Invoke(read, total);
                }
            }

            if (folding is not null)
            {
                kept.AddRange(await folding);
            }

            kept.AddRange(Fold(batch, wanted, cache));
            progress?.Invoke(read + batch.Count, total);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }

        return InMemoryRegister.FromPrepared([.. kept], options);
    }

    /// <summary>Folds a batch and keeps the wanted residents, without their written name and address (only folded forms are matched).</summary>
    private static RegisterCandidate[] Fold(List<RegisterEntry> entries, Func<MatchRecord, bool> wanted, MatchCache cache) =>
        [.. entries.AsParallel().AsOrdered()
            .Select(e => (Entry: e, Match: MatchRecord.From(e.Person, cache)))
            .Where(x => wanted(x.Match))
            .Select(x =>
            {
                var slim = x.Match.WithoutText();
                return new RegisterCandidate(new RegisterEntry(slim.Record, x.Entry.Status), slim);
            })];

    private static RegisterEntry Entry(DbDataReader reader)
    {
        // Columns in order (sequential access).
        var id = reader.GetInt32(0);
        var nik = reader.GetString(1).Trim();
        var name = reader.GetString(2);
        var birthDate = reader.GetFieldValue<DateOnly>(3);
        var sex = (Sex)reader.GetInt32(4);
        var status = (ResidentStatus)reader.GetInt32(5);
        var kk = reader.IsDBNull(6) ? null : reader.GetString(6).Trim();
        var address = reader.IsDBNull(7) ? null : reader.GetString(7);
        var village = reader.IsDBNull(8) ? null : reader.GetString(8);
        var rt = reader.IsDBNull(9) ? (int?)null : reader.GetInt32(9);
        var rw = reader.IsDBNull(10) ? (int?)null : reader.GetInt32(10);
        if (address is not null && rt is not null)
        {
            address = string.Create(CultureInfo.InvariantCulture, $"{address} RT {rt:000} RW {rw:000}");
        }

        var person = new PersonRecord(id.ToString(CultureInfo.InvariantCulture))
        {
            Name = name,
            Nik = nik,
            KkNumber = kk,
            BirthDate = birthDate,
            Sex = sex,
            Address = address,
            RegionCode = village,
        };
        return new RegisterEntry(person, status);
    }
}
