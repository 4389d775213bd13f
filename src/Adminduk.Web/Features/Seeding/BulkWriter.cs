using System.Data.Common;
using Adminduk.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace Adminduk.Web.Features.Seeding;

/// <summary>
/// Inserts many entities with their ids already set, bypassing change tracking: binary COPY on PostgreSQL,
/// one prepared INSERT in the open transaction on SQLite. Tables, columns and value conversions come from
/// the EF model, so the rows are exactly what SaveChanges would have written.
/// </summary>
internal abstract class BulkWriter(AdmindukDbContext db)
{
    protected AdmindukDbContext Db { get; } = db;

    protected DbConnection Connection => Db.Database.GetDbConnection();

    public static BulkWriter For(AdmindukDbContext db) =>
        db.Provider == DatabaseProvider.Postgres ? new PostgresBulkWriter(db) : new SqliteBulkWriter(db);

    /// <summary>Writes the rows; <paramref name="progress"/> receives the running count now and then.</summary>
    public abstract Task InsertAsync<T>(IReadOnlyCollection<T> rows, Action<long>? progress, CancellationToken cancellationToken)
        where T : class;

    /// <summary>After explicit ids: moves the table's id generator past the highest id.</summary>
    public abstract Task ResetIdentityAsync<T>(CancellationToken cancellationToken)
        where T : class;

    protected sealed record Column(string Name, IProperty Property, ValueConverter? Converter, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object entity)
        {
            var value = Property.GetGetter().GetClrValue(entity);
            return value is null ? null : Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }

    protected (string Table, IReadOnlyList<Column> Columns) Describe<T>()
    {
        var entityType = Db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property; the bulk writer needs CLR values.");
            }

            var mapping = property.GetRelationalTypeMapping();
            columns.Add(new Column(property.GetColumnName(store)!, property, mapping.Converter, mapping));
        }

        return (table, columns);
    }

    protected static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

internal sealed class SqliteBulkWriter(AdmindukDbContext db) : BulkWriter(db)
{
    public override async Task InsertAsync<T>(IReadOnlyCollection<T> rows, Action<long>? progress, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var (table, columns) = Describe<T>();
        await using var command = Connection.CreateCommand();
        command.Transaction = Db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            // The mapping sets the provider type (dates as text, DateTimeOffset as ticks) as EF does.
            parameters[i] = columns[i].Mapping.CreateParameter(command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                columns[i].Property.IsNullable);
            command.Parameters.Add(parameters[i]);
        }

        await command.PrepareAsync(cancellationToken);
        long done = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            }

            // Synchronous on purpose: SQLite has no asynchronous I/O and the async path only adds overhead.
            command.ExecuteNonQuery();
            if (++done % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(done);
            }
        }

        progress?.Invoke(done);
    }

    // AUTOINCREMENT tables record the highest explicit id themselves.
    public override Task ResetIdentityAsync<T>(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class PostgresBulkWriter(AdmindukDbContext db) : BulkWriter(db)
{
    /// <summary>From this many rows into an empty table, indexes and foreign keys are built after the copy.</summary>
    public const int DeferThreshold = 1_000;

    public override async Task InsertAsync<T>(IReadOnlyCollection<T> rows, Action<long>? progress, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var (table, columns) = Describe<T>();
        var connection = (NpgsqlConnection)Connection;
        var restore = rows.Count >= DeferThreshold ? await DeferIndexesAndForeignKeysAsync(connection, table, cancellationToken) : [];
        var copy = $"COPY {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        long done = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                // Synchronous writes: they only fill Npgsql's buffer, and awaiting each value costs more than the copy.
                importer.StartRow();
                foreach (var column in columns)
                {
                    Write(importer, column.ProviderValue(row));
                }

                if (++done % 10_000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Invoke(done);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        foreach (var statement in restore)
        {
            await ExecuteAsync(connection, statement, cancellationToken);
        }

        progress?.Invoke(done);
    }

    /// <summary>
    /// Maintaining secondary indexes and checking foreign keys row by row costs several times the copy itself;
    /// building them once afterwards is far cheaper. Only for an empty table, inside the seed's transaction,
    /// so a failure rolls the schema back too. Returns the statements that restore them, indexes first.
    /// </summary>
    private static async Task<List<string>> DeferIndexesAndForeignKeysAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        var quoted = Quote(table);
        await using (var empty = new NpgsqlCommand($"SELECT NOT EXISTS (SELECT 1 FROM {quoted})", connection))
        {
            if (await empty.ExecuteScalarAsync(ct) is not true)
            {
                return [];
            }
        }

        var drops = new List<string>();
        var restores = new List<string>();
        // Indexes not backing a constraint (the primary key stays).
        const string indexes = """
            SELECT 'DROP INDEX ' || quote_ident(n.nspname) || '.' || quote_ident(i.relname), pg_get_indexdef(i.oid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE x.indrelid = to_regclass(@table) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
            ORDER BY i.relname
            """;
        const string foreignKeys = """
            SELECT 'ALTER TABLE ' || c.conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(c.conname),
                   'ALTER TABLE ' || c.conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid = to_regclass(@table)
            ORDER BY c.conname
            """;
        var foreignKeyRestores = new List<string>();
        foreach (var (sql, target) in new[] { (indexes, restores), (foreignKeys, foreignKeyRestores) })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("table", quoted);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                drops.Add(reader.GetString(0));
                target.Add(reader.GetString(1));
            }
        }

        foreach (var drop in drops)
        {
            await ExecuteAsync(connection, drop, ct);
        }

        restores.AddRange(foreignKeyRestores);
        return restores;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async Task ResetIdentityAsync<T>(CancellationToken cancellationToken)
    {
        var (table, columns) = Describe<T>();
        var key = Db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single();
        var column = columns.Single(c => c.Property == key).Name;
        await using var command = Connection.CreateCommand();
        command.CommandText =
            $"SELECT setval(pg_get_serial_sequence('{Quote(table)}', '{column}'), COALESCE((SELECT MAX({Quote(column)}) FROM {Quote(table)}), 0) + 1, false)";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    // Binary COPY sends no type names, so each value must be written with the column's exact wire type.
    private static void Write(NpgsqlBinaryImporter importer, object? value)
    {
        switch (value)
        {
            case null:
                importer.WriteNull();
                break;
            case string s:
                importer.Write(s, NpgsqlTypes.NpgsqlDbType.Text);
                break;
            case int i:
                importer.Write(i, NpgsqlTypes.NpgsqlDbType.Integer);
                break;
            case long l:
                importer.Write(l, NpgsqlTypes.NpgsqlDbType.Bigint);
                break;
            case short h:
                importer.Write(h, NpgsqlTypes.NpgsqlDbType.Smallint);
                break;
            case bool b:
                importer.Write(b, NpgsqlTypes.NpgsqlDbType.Boolean);
                break;
            case Guid g:
                importer.Write(g, NpgsqlTypes.NpgsqlDbType.Uuid);
                break;
            case DateOnly d:
                importer.Write(d, NpgsqlTypes.NpgsqlDbType.Date);
                break;
            case TimeOnly t:
                importer.Write(t, NpgsqlTypes.NpgsqlDbType.Time);
                break;
            case DateTimeOffset o:
                importer.Write(o.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz);
                break;
            default:
                throw new NotSupportedException($"No COPY mapping for {value.GetType().Name}.");
        }
    }
}
