using System.Data.Common;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Adminduk.Web.Features.ListVerification;

/// <summary>
/// Writes a run's rows and pairs in bulk: binary COPY on PostgreSQL, one prepared INSERT in a transaction on SQLite.
/// Callers pass batches, so a million rows never sit in memory as entities at once.
/// </summary>
internal static class RowWriter
{
    private static readonly (string Name, NpgsqlDbType Type)[] RowColumns =
    [
        ("RunId", NpgsqlDbType.Integer), ("Index", NpgsqlDbType.Integer), ("ListNumber", NpgsqlDbType.Integer), ("Line", NpgsqlDbType.Integer),
        ("Name", NpgsqlDbType.Varchar), ("Nik", NpgsqlDbType.Varchar), ("KkNumber", NpgsqlDbType.Varchar), ("BirthDate", NpgsqlDbType.Date),
        ("Address", NpgsqlDbType.Varchar), ("Region", NpgsqlDbType.Varchar), ("Sex", NpgsqlDbType.Varchar), ("Status", NpgsqlDbType.Integer),
        ("Codes", NpgsqlDbType.Varchar), ("FindingsJson", NpgsqlDbType.Text), ("ResidentId", NpgsqlDbType.Integer), ("Link", NpgsqlDbType.Integer),
        ("DuplicateGroup", NpgsqlDbType.Integer), ("Fingerprint", NpgsqlDbType.Varchar),
    ];

    private static readonly (string Name, NpgsqlDbType Type)[] PairColumns =
    [
        ("RunId", NpgsqlDbType.Integer), ("Index", NpgsqlDbType.Integer), ("RowIndex", NpgsqlDbType.Integer), ("OtherRowIndex", NpgsqlDbType.Integer),
        ("ResidentId", NpgsqlDbType.Integer), ("ResidentStatus", NpgsqlDbType.Integer), ("Score", NpgsqlDbType.Double), ("FieldsJson", NpgsqlDbType.Text),
        ("PairKey", NpgsqlDbType.Varchar), ("Decision", NpgsqlDbType.Integer), ("DecisionReused", NpgsqlDbType.Boolean), ("DecisionId", NpgsqlDbType.Bigint),
    ];

    public static object?[] Values(VerificationRow r) =>
    [
        r.RunId, r.Index, r.ListNumber, r.Line, r.Name, r.Nik, r.KkNumber, r.BirthDate, r.Address, r.Region, r.Sex, r.Status, r.Codes, r.FindingsJson,
        r.ResidentId, r.Link, r.DuplicateGroup, r.Fingerprint,
    ];

    public static object?[] Values(VerificationPair p) =>
    [
        p.RunId, p.Index, p.RowIndex, p.OtherRowIndex, p.ResidentId, (int?)p.ResidentStatus, p.Score, p.FieldsJson, p.PairKey, (int?)p.Decision,
        p.DecisionReused, p.DecisionId,
    ];

    public static Task WriteRowsAsync(AdmindukDbContext db, IReadOnlyList<VerificationRow> rows, CancellationToken ct) =>
        WriteAsync(db, "VerificationRow", RowColumns, rows.Select(Values), ct);

    public static Task WritePairsAsync(AdmindukDbContext db, IReadOnlyList<VerificationPair> pairs, CancellationToken ct) =>
        WriteAsync(db, "VerificationPair", PairColumns, pairs.Select(Values), ct);

    private static async Task WriteAsync(AdmindukDbContext db, string entity, (string Name, NpgsqlDbType Type)[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var table = TableOf(db, entity);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        if (connection is NpgsqlConnection npgsql)
        {
            await using var importer = await npgsql.BeginBinaryImportAsync($"COPY {Quote(table)} ({names}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var values in rows)
            {
                await importer.StartRowAsync(ct);
                for (var i = 0; i < columns.Length; i++)
                {
                    var type = columns[i].Type;
                    switch (values[i])
                    {
                        case null:
                            importer.WriteNull();
                            break;
                        case int n:
                            importer.Write(n, type);
                            break;
                        case long n:
                            importer.Write(n, type);
                            break;
                        case double d:
                            importer.Write(d, type);
                            break;
                        case bool b:
                            importer.Write(b, type);
                            break;
                        case DateOnly d:
                            importer.Write(d, type);
                            break;
                        case string s:
                            importer.Write(s, type);
                            break;
                        default:
                            throw new InvalidOperationException($"No COPY writer for {values[i]!.GetType().Name}.");
                    }
                }
            }

            await importer.CompleteAsync(ct);
            return;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO {Quote(table)} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
            var parameters = new DbParameter[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                parameters[i] = command.CreateParameter();
                parameters[i].ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                command.Parameters.Add(parameters[i]);
            }

            await command.PrepareAsync(ct);
            foreach (var values in rows)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    parameters[i].Value = values[i] switch
                    {
                        null => DBNull.Value,
                        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        bool b => b ? 1 : 0,
                        var v => v,
                    };
                }

                // SQLite has no asynchronous I/O; the synchronous call avoids the overhead per row.
                command.ExecuteNonQuery();
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
    }

    private static string TableOf(AdmindukDbContext db, string entity) =>
        db.Model.FindEntityType("Adminduk.Web.Data." + entity)?.GetTableName() ?? throw new InvalidOperationException($"{entity} is not in the model.");

    private static string Quote(string identifier) => "\"" + identifier + "\"";
}
