using System.Data.Common;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace VibeCoder.Persistence.Streams;

/// <summary>Dead letters on PostgreSQL: the re-drive is one statement (a data-modifying CTE).</summary>
internal sealed class PostgresStreamDeadLetters(DbDataSource dataSource, IOptions<ClusterOptions> cluster)
    : SqlStreamDeadLetters(dataSource, cluster)
{
    protected override string RedriveSql => """
        WITH revived AS
        (
            DELETE FROM orleans_stream_dead_letter
            WHERE service_id = @serviceId AND message_id = @messageId
            RETURNING service_id, provider_id, queue_id, payload
        )
        INSERT INTO orleans_stream_message (service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on, payload)
        SELECT service_id, provider_id, queue_id, 0, now(), now() + @expiryTimeout * interval '1 second', now(), now(), payload
        FROM revived
        WHERE payload IS NOT NULL
        RETURNING message_id
        """;

    protected override DateTime ReadUtc(DbDataReader reader, int ordinal) =>
        DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);
}
