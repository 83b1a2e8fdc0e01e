-- A failed delivery: with attempts left the message becomes visible again at once; on its last attempt it moves to
-- dead letters.
INSERT OR IGNORE INTO orleans_stream_dead_letter
    (message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on, dead_on, remove_on, payload)
SELECT message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on,
       strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now', @RemovalTimeout || ' seconds'), payload
FROM orleans_stream_message
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id = @MessageId
  AND dequeued >= @MaxAttempts;
DELETE FROM orleans_stream_message
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id = @MessageId
  AND dequeued >= @MaxAttempts;
UPDATE orleans_stream_message
SET visible_on = strftime('%Y-%m-%d %H:%M:%f', 'now'), modified_on = strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId AND message_id = @MessageId
  AND dequeued < @MaxAttempts;
