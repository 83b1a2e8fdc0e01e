using System.Data.Common;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace VibeCoder.Persistence.Streams;

/// <summary>Dead letters on SQLite: the re-drive is a batch, which the library's commands run as one transaction.</summary>
internal sealed class SqliteStreamDeadLetters(DbDataSource dataSource, IOptions<ClusterOptions> cluster)
    : SqlStreamDeadLetters(dataSource, cluster)
{
    protected override string RedriveSql => """
        INSERT INTO orleans_stream_message (service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on, payload)
        SELECT service_id, provider_id, queue_id, 0,
               strftime('%Y-%m-%d %H:%M:%f', 'now'),
               strftime('%Y-%m-%d %H:%M:%f', 'now', @expiryTimeout || ' seconds'),
               strftime('%Y-%m-%d %H:%M:%f', 'now'),
               strftime('%Y-%m-%d %H:%M:%f', 'now'),
               payload
        FROM orleans_stream_dead_letter
        WHERE service_id = @serviceId AND message_id = @messageId AND payload IS NOT NULL
        RETURNING message_id;
        DELETE FROM orleans_stream_dead_letter WHERE service_id = @serviceId AND message_id = @messageId;
        """;

    protected override DateTime ReadUtc(DbDataReader reader, int ordinal) =>
        DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
}
