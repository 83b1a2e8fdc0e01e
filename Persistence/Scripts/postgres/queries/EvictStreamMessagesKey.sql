WITH evicted AS
(
    DELETE FROM orleans_stream_message
    WHERE message_id IN
    (
        SELECT message_id FROM orleans_stream_message
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
          AND (dequeued >= @MaxAttempts OR expires_on <= now())
          AND visible_on <= now()
        ORDER BY message_id
        LIMIT @MaxCount
        FOR UPDATE SKIP LOCKED
    )
    RETURNING *
)
INSERT INTO orleans_stream_dead_letter
    (message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on, dead_on, remove_on, payload)
SELECT message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on,
       now(), now() + @RemovalTimeout * interval '1 second', payload
FROM evicted
ON CONFLICT (message_id) DO NOTHING
