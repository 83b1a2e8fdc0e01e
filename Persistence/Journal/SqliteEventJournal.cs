using System.Data.Common;
using System.Globalization;

namespace VibeCoder.Persistence.Journal;

/// <summary>The journal on SQLite: timestamps as fixed-width UTC text, so text order is time order.</summary>
internal sealed class SqliteEventJournal(DbDataSource dataSource) : SqlEventJournal(dataSource)
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    protected override string AppendSql =>
        "INSERT INTO event_journal (id, type, timestamp, source, data, correlation_id, causation_id, user_id) " +
        "VALUES (@id, @type, @timestamp, @source, @data, @correlationId, @causationId, @userId) ON CONFLICT (id) DO NOTHING";

    protected override object ToStored(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(reader.GetString(ordinal), TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
