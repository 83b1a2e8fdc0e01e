-- Items: "messageId:dequeued|...". A positive receipt confirms delivery (the row goes); a negative one releases the
-- lease for immediate redelivery. Either applies only while the receipt still matches the message's attempt count,
-- so a receiver whose lease has lapsed cannot touch a message another receiver holds.
WITH items AS
(
    SELECT split_part(item, ':', 1)::bigint AS message_id, split_part(item, ':', 2)::integer AS receipt
    FROM unnest(string_to_array(@Items, '|')) AS item
),
confirmed AS
(
    DELETE FROM orleans_stream_message AS m
    USING items AS i
    WHERE m.message_id = i.message_id AND i.receipt > 0 AND m.dequeued = i.receipt
      AND m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id
),
released AS
(
    UPDATE orleans_stream_message AS m
    SET visible_on = now(), modified_on = now()
    FROM items AS i
    WHERE m.message_id = i.message_id AND i.receipt < 0 AND m.dequeued = -i.receipt
      AND m.service_id = @ServiceId AND m.provider_id = @ProviderId AND m.queue_id = @QueueId
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id
)
SELECT service_id AS "ServiceId", provider_id AS "ProviderId", queue_id AS "QueueId", message_id AS "MessageId" FROM confirmed
UNION ALL
SELECT service_id, provider_id, queue_id, message_id FROM released
