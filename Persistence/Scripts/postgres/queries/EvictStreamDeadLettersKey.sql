DELETE FROM orleans_stream_dead_letter
WHERE message_id IN
(
    SELECT message_id FROM orleans_stream_dead_letter
    WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND remove_on <= now()
    LIMIT @MaxCount
)
