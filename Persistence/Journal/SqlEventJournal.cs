using System.Data.Common;
using System.Text;

namespace VibeCoder.Persistence.Journal;

/// <summary>
/// The journal over one <c>event_journal</c> table; the dialects differ only in SQL details and how timestamps are
/// stored, which <see cref="PostgresEventJournal"/> and <see cref="SqliteEventJournal"/> supply.
/// </summary>
internal abstract class SqlEventJournal(DbDataSource dataSource) : IEventJournal
{
    public async Task AppendAsync(JournalEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = AppendSql;
        Add(command, "id", entry.Id);
        Add(command, "type", entry.Type);
        Add(command, "timestamp", ToStored(entry.Timestamp));
        Add(command, "source", entry.Source);
        Add(command, "data", entry.Data);
        Add(command, "correlationId", entry.CorrelationId);
        Add(command, "causationId", entry.CausationId);
        Add(command, "userId", entry.UserId);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JournalEntry>> QueryAsync(JournalQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, JournalQuery.MaxLimit, nameof(query));

        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder(
            "SELECT id, type, timestamp, source, data, correlation_id, causation_id, user_id FROM event_journal WHERE 1 = 1");
        if (query.CorrelationId is not null)
        {
            sql.Append(" AND correlation_id = @correlationId");
            Add(command, "correlationId", query.CorrelationId);
        }

        if (query.Type is not null)
        {
            sql.Append(" AND type = @type");
            Add(command, "type", query.Type);
        }

        if (query.From is { } from)
        {
            sql.Append(" AND timestamp >= @from");
            Add(command, "from", ToStored(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND timestamp < @to");
            Add(command, "to", ToStored(to));
        }

        sql.Append(" ORDER BY timestamp, id LIMIT @limit");
        Add(command, "limit", query.Limit);
        command.CommandText = sql.ToString();

        var entries = new List<JournalEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            entries.Add(new JournalEntry(
                reader.GetString(0),
                reader.GetString(1),
                ReadTimestamp(reader, 2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return entries;
    }

    /// <summary>Inserts one entry with the parameters @id … @userId, doing nothing when the id exists.</summary>
    protected abstract string AppendSql { get; }

    /// <summary>The timestamp as the dialect stores and compares it.</summary>
    protected abstract object ToStored(DateTimeOffset timestamp);

    /// <summary>Reads a stored timestamp back, in UTC.</summary>
    protected abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
