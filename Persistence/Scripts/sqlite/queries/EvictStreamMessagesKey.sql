CREATE TEMP TABLE IF NOT EXISTS stream_evicted (message_id INTEGER PRIMARY KEY);
DELETE FROM temp.stream_evicted;
INSERT INTO temp.stream_evicted (message_id)
SELECT message_id FROM orleans_stream_message
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
  AND (dequeued >= @MaxAttempts OR expires_on <= strftime('%Y-%m-%d %H:%M:%f', 'now'))
  AND visible_on <= strftime('%Y-%m-%d %H:%M:%f', 'now')
ORDER BY message_id
LIMIT @MaxCount;
INSERT OR IGNORE INTO orleans_stream_dead_letter
    (message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on, dead_on, remove_on, payload)
SELECT message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on,
       strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now', @RemovalTimeout || ' seconds'), payload
FROM orleans_stream_message
WHERE message_id IN (SELECT message_id FROM temp.stream_evicted);
DELETE FROM orleans_stream_message WHERE message_id IN (SELECT message_id FROM temp.stream_evicted);
DELETE FROM temp.stream_evicted;
