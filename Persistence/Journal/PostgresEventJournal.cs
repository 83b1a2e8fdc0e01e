using System.Data.Common;

namespace VibeCoder.Persistence.Journal;

/// <summary>The journal on PostgreSQL: timestamps as timestamptz, data as json.</summary>
internal sealed class PostgresEventJournal(DbDataSource dataSource) : SqlEventJournal(dataSource)
{
    protected override string AppendSql =>
        "INSERT INTO event_journal (id, type, timestamp, source, data, correlation_id, causation_id, user_id) " +
        "VALUES (@id, @type, @timestamp, @source, @data::json, @correlationId, @causationId, @userId) ON CONFLICT (id) DO NOTHING";

    protected override object ToStored(DateTimeOffset timestamp) => timestamp.UtcDateTime;

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
}
