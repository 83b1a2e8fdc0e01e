-- Tables behind Orleans' AdoNet providers (grain state, reminders, streams, membership) for PostgreSQL.
-- The named queries Orleans runs against them live in queries/<QueryKey>.sql and are loaded into OrleansQuery
-- by the installer. Timestamps are timestamptz in UTC.

-- Orleans reads its query texts with exactly: SELECT QueryKey, QueryText FROM OrleansQuery
CREATE TABLE OrleansQuery
(
    QueryKey text PRIMARY KEY,
    QueryText text NOT NULL
);

-- Grain state (Persistence.AdoNet). The payload is the JSON our serializer writes, kept verbatim (json, not jsonb).
-- A cleared state keeps its row with a NULL payload, so its version (the ETag) keeps counting.
CREATE TABLE orleans_storage
(
    service_id text NOT NULL,
    grain_type text NOT NULL,
    grain_id_n0 bigint NOT NULL,
    grain_id_n1 bigint NOT NULL,
    grain_id_extension text NOT NULL,
    grain_id_hash integer NOT NULL,
    grain_type_hash integer NOT NULL,
    payload json,
    version integer NOT NULL,
    modified_on timestamptz NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

-- Reminders (Reminders.AdoNet). grain_hash is the grain's uniform hash: silos read the ring ranges they own.
CREATE TABLE orleans_reminders
(
    service_id text NOT NULL,
    grain_id text NOT NULL,
    reminder_name text NOT NULL,
    start_time timestamptz NOT NULL,
    period bigint NOT NULL,
    grain_hash integer NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX ix_orleans_reminders_ring ON orleans_reminders (service_id, grain_hash);

-- Stream messages (Streaming.AdoNet): one row per queued batch until a receiver confirms it.
CREATE TABLE orleans_stream_message
(
    message_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id text NOT NULL,
    provider_id text NOT NULL,
    queue_id text NOT NULL,
    dequeued integer NOT NULL,
    visible_on timestamptz NOT NULL,
    expires_on timestamptz NOT NULL,
    created_on timestamptz NOT NULL,
    modified_on timestamptz NOT NULL,
    payload bytea NOT NULL
);

CREATE INDEX ix_orleans_stream_message_queue ON orleans_stream_message (service_id, provider_id, queue_id, message_id);

-- Messages that failed their last delivery attempt or expired, kept until remove_on for inspection and re-drive.
CREATE TABLE orleans_stream_dead_letter
(
    message_id bigint PRIMARY KEY,
    service_id text NOT NULL,
    provider_id text NOT NULL,
    queue_id text NOT NULL,
    dequeued integer NOT NULL,
    visible_on timestamptz NOT NULL,
    expires_on timestamptz NOT NULL,
    created_on timestamptz NOT NULL,
    modified_on timestamptz NOT NULL,
    dead_on timestamptz NOT NULL,
    remove_on timestamptz NOT NULL,
    payload bytea
);

CREATE INDEX ix_orleans_stream_dead_letter_queue ON orleans_stream_dead_letter (service_id, provider_id, queue_id, remove_on);

-- When each queue next moves expired messages to dead letters and purges old dead letters.
CREATE TABLE orleans_stream_control
(
    service_id text NOT NULL,
    provider_id text NOT NULL,
    queue_id text NOT NULL,
    evict_on timestamptz NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id)
);

-- Membership (Clustering.AdoNet): one version row per cluster, bumped by every membership change.
CREATE TABLE orleans_membership_version
(
    deployment_id text PRIMARY KEY,
    version integer NOT NULL,
    modified_on timestamptz NOT NULL
);

CREATE TABLE orleans_membership
(
    deployment_id text NOT NULL REFERENCES orleans_membership_version (deployment_id),
    address text NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name text NOT NULL,
    host_name text NOT NULL,
    status integer NOT NULL,
    proxy_port integer,
    suspect_times text,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);
