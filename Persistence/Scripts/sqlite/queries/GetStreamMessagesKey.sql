-- Leases up to MaxCount visible messages of a queue (each lease counts an attempt and hides the message for
-- VisibilityTimeout). Every EvictionInterval the poll also moves messages past their attempts or expiry to dead
-- letters and purges dead letters past their removal time. One transaction (the command runs its statements as one).
CREATE TEMP TABLE IF NOT EXISTS stream_eviction_due (due INTEGER NOT NULL);
DELETE FROM temp.stream_eviction_due;
INSERT OR IGNORE INTO orleans_stream_control (service_id, provider_id, queue_id, evict_on)
VALUES (@ServiceId, @ProviderId, @QueueId, '0000-00-00 00:00:00.000');
INSERT INTO temp.stream_eviction_due (due)
SELECT 1 FROM orleans_stream_control
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
  AND evict_on <= strftime('%Y-%m-%d %H:%M:%f', 'now');
UPDATE orleans_stream_control
SET evict_on = strftime('%Y-%m-%d %H:%M:%f', 'now', @EvictionInterval || ' seconds')
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
  AND EXISTS (SELECT 1 FROM temp.stream_eviction_due);
INSERT OR IGNORE INTO orleans_stream_dead_letter
    (message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on, dead_on, remove_on, payload)
SELECT message_id, service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on,
       strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now', @RemovalTimeout || ' seconds'), payload
FROM orleans_stream_message
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
  AND (dequeued >= @MaxAttempts OR expires_on <= strftime('%Y-%m-%d %H:%M:%f', 'now'))
  AND visible_on <= strftime('%Y-%m-%d %H:%M:%f', 'now')
  AND EXISTS (SELECT 1 FROM temp.stream_eviction_due)
ORDER BY message_id
LIMIT @EvictionBatchSize;
DELETE FROM orleans_stream_message
WHERE EXISTS (SELECT 1 FROM temp.stream_eviction_due)
  AND message_id IN (SELECT message_id FROM orleans_stream_dead_letter
                     WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId);
DELETE FROM orleans_stream_dead_letter
WHERE message_id IN (SELECT message_id FROM orleans_stream_dead_letter
                     WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
                       AND remove_on <= strftime('%Y-%m-%d %H:%M:%f', 'now')
                       AND EXISTS (SELECT 1 FROM temp.stream_eviction_due)
                     LIMIT @EvictionBatchSize);
UPDATE orleans_stream_message
SET dequeued = dequeued + 1,
    visible_on = strftime('%Y-%m-%d %H:%M:%f', 'now', @VisibilityTimeout || ' seconds'),
    modified_on = strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE message_id IN (SELECT message_id FROM orleans_stream_message
                     WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
                       AND dequeued < @MaxAttempts
                       AND visible_on <= strftime('%Y-%m-%d %H:%M:%f', 'now')
                       AND expires_on > strftime('%Y-%m-%d %H:%M:%f', 'now')
                     ORDER BY message_id
                     LIMIT @MaxCount)
RETURNING service_id AS ServiceId, provider_id AS ProviderId, queue_id AS QueueId, message_id AS MessageId,
          dequeued AS Dequeued, visible_on AS VisibleOn, expires_on AS ExpiresOn, created_on AS CreatedOn,
          modified_on AS ModifiedOn, payload AS Payload;
