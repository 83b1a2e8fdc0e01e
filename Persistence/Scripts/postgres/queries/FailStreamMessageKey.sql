-- A failed delivery: with attempts left the message becomes visible again at once; on its last attempt it moves to
-- dead letters.
WITH failed AS
(
    DELETE FROM orleans_stream_message
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id = @MessageId
      AND dequeued >= @MaxAttempts
    RETURNING *
),
buried AS
(
    INSERT INTO orleans_stream_dead_letter
        (message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on, dead_on, remove_on, payload)
    SELECT message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on,
           now(), now() + @RemovalTimeout * interval '1 second', payload
    FROM failed
    ON CONFLICT (message_id) DO NOTHING
)
UPDATE orleans_stream_message
SET visible_on = now(), modified_on = now()
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id = @MessageId
  AND dequeued < @MaxAttempts
