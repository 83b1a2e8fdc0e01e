-- Items: "messageId:dequeued|...". A positive receipt confirms delivery (the row goes); a negative one releases the
-- lease for immediate redelivery. Either applies only while the receipt still matches the message's attempt count.
-- The items become a JSON array [id, receipt, id, receipt, ...] that json_each pairs up.
WITH flat AS (SELECT key, value FROM json_each('[' || replace(replace(@Items, '|', ','), ':', ',') || ']')),
items AS (SELECT a.value AS message_id, b.value AS receipt FROM flat AS a JOIN flat AS b ON b.key = a.key + 1 WHERE a.key % 2 = 0)
DELETE FROM orleans_stream_message
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
  AND EXISTS (SELECT 1 FROM items AS i WHERE i.message_id = orleans_stream_message.message_id AND i.receipt > 0
                                          AND i.receipt = orleans_stream_message.dequeued)
RETURNING service_id AS ServiceId, provider_id AS ProviderId, queue_id AS QueueId, message_id AS MessageId;
WITH flat AS (SELECT key, value FROM json_each('[' || replace(replace(@Items, '|', ','), ':', ',') || ']')),
items AS (SELECT a.value AS message_id, b.value AS receipt FROM flat AS a JOIN flat AS b ON b.key = a.key + 1 WHERE a.key % 2 = 0)
UPDATE orleans_stream_message
SET visible_on = strftime('%Y-%m-%d %H:%M:%f', 'now'), modified_on = strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE service_id = @ServiceId AND provider_id = @ProviderId AND queue_id = @QueueId
  AND EXISTS (SELECT 1 FROM items AS i WHERE i.message_id = orleans_stream_message.message_id AND i.receipt < 0
                                          AND -i.receipt = orleans_stream_message.dequeued)
RETURNING service_id AS ServiceId, provider_id AS ProviderId, queue_id AS QueueId, message_id AS MessageId;
