-- Leases up to MaxCount visible messages of a queue (each lease counts an attempt and hides the message for
-- VisibilityTimeout). Every EvictionInterval, the first poller of the queue also moves messages past their attempts
-- or expiry to dead letters and purges dead letters past their removal time.
WITH due AS
(
    INSERT INTO orleans_stream_control AS c (service_id, provider_id, queue_id, evict_on)
    VALUES (@ServiceId, @ProviderId, @QueueId, now() + @EvictionInterval * interval '1 second')
    ON CONFLICT (service_id, provider_id, queue_id) DO UPDATE
        SET evict_on = EXCLUDED.evict_on
        WHERE c.evict_on <= now()
    RETURNING 1
),
evicted AS
(
    DELETE FROM orleans_stream_message
    WHERE message_id IN
    (
        SELECT message_id FROM orleans_stream_message
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
          AND (dequeued >= @MaxAttempts OR expires_on <= now())
          AND visible_on <= now()
          AND EXISTS (SELECT 1 FROM due)
        ORDER BY message_id
        LIMIT @EvictionBatchSize
        FOR UPDATE SKIP LOCKED
    )
    RETURNING *
),
buried AS
(
    INSERT INTO orleans_stream_dead_letter
        (message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on, dead_on, remove_on, payload)
    SELECT message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on,
           now(), now() + @RemovalTimeout * interval '1 second', payload
    FROM evicted
    ON CONFLICT (message_id) DO NOTHING
),
purged AS
(
    DELETE FROM orleans_stream_dead_letter
    WHERE message_id IN
    (
        SELECT message_id FROM orleans_stream_dead_letter
        WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
          AND remove_on <= now()
          AND EXISTS (SELECT 1 FROM due)
        LIMIT @EvictionBatchSize
    )
),
batch AS
(
    SELECT message_id FROM orleans_stream_message
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
      AND dequeued < @MaxAttempts
      AND visible_on <= now()
      AND expires_on > now()
    ORDER BY message_id
    LIMIT @MaxCount
    FOR UPDATE SKIP LOCKED
)
UPDATE orleans_stream_message AS m
SET dequeued = m.dequeued + 1,
    visible_on = now() + @VisibilityTimeout * interval '1 second',
    modified_on = now()
FROM batch AS b
WHERE m.message_id = b.message_id
RETURNING m.service_id AS "ServiceId", m.provider_id AS "ProviderId", m.queue_id AS "QueueId", m.message_id AS "MessageId",
          m.dequeued AS "Dequeued", m.visible_on AS "VisibleOn", m.expires_on AS "ExpiresOn", m.created_on AS "CreatedOn",
          m.modified_on AS "ModifiedOn", m.payload AS "Payload"
