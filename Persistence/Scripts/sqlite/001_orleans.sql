-- Tables behind Orleans' AdoNet providers (grain state, reminders, streams) for SQLite. Membership is not here:
-- a SQLite deployment is one process with localhost clustering.
-- Timestamps are UTC text 'YYYY-MM-DD HH:MM:SS.SSS', which orders and compares as text.

-- Orleans reads its query texts with exactly: SELECT QueryKey, QueryText FROM OrleansQuery
CREATE TABLE OrleansQuery
(
    QueryKey TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
) WITHOUT ROWID;

-- Grain state. The payload is the JSON text our serializer writes; a cleared state keeps its row (NULL payload)
-- so its version (the ETag) keeps counting.
CREATE TABLE orleans_storage
(
    service_id TEXT NOT NULL,
    grain_type TEXT NOT NULL,
    grain_id_n0 INTEGER NOT NULL,
    grain_id_n1 INTEGER NOT NULL,
    grain_id_extension TEXT NOT NULL,
    grain_id_hash INTEGER NOT NULL,
    grain_type_hash INTEGER NOT NULL,
    payload TEXT,
    version INTEGER NOT NULL,
    modified_on TEXT NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
) WITHOUT ROWID;

CREATE TABLE orleans_reminders
(
    service_id TEXT NOT NULL,
    grain_id TEXT NOT NULL,
    reminder_name TEXT NOT NULL,
    start_time TEXT NOT NULL,
    period INTEGER NOT NULL,
    grain_hash INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
) WITHOUT ROWID;

CREATE INDEX ix_orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);

-- Stream messages: a rowid table, so an enqueue (the webhook's durable write) is an append.
-- AUTOINCREMENT: a message id is never reused, even after the newest message is confirmed.
CREATE TABLE orleans_stream_message
(
    message_id INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    queue_id TEXT NOT NULL,
    dequeued INTEGER NOT NULL,
    visible_on TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    created_on TEXT NOT NULL,
    modified_on TEXT NOT NULL,
    payload BLOB NOT NULL
);

CREATE INDEX ix_orleans_stream_message_queue ON orleans_stream_message (service_id, provider_id, queue_id, message_id);

CREATE TABLE orleans_stream_dead_letter
(
    message_id INTEGER PRIMARY KEY,
    service_id TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    queue_id TEXT NOT NULL,
    dequeued INTEGER NOT NULL,
    visible_on TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    created_on TEXT NOT NULL,
    modified_on TEXT NOT NULL,
    dead_on TEXT NOT NULL,
    remove_on TEXT NOT NULL,
    payload BLOB
);

CREATE INDEX ix_orleans_stream_dead_letter_queue ON orleans_stream_dead_letter (service_id, provider_id, queue_id, remove_on);

CREATE TABLE orleans_stream_control
(
    service_id TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    queue_id TEXT NOT NULL,
    evict_on TEXT NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id)
) WITHOUT ROWID;
