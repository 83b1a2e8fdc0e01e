-- The event journal: every domain event, appended once (by id), read back by correlation id, type and time.
CREATE TABLE event_journal
(
    id text PRIMARY KEY,
    type text NOT NULL,
    timestamp timestamptz NOT NULL,
    source text NOT NULL,
    data json NOT NULL,
    correlation_id text NOT NULL,
    causation_id text,
    user_id text
);

CREATE INDEX ix_event_journal_correlation ON event_journal (correlation_id, timestamp);
CREATE INDEX ix_event_journal_type ON event_journal (type, timestamp);
CREATE INDEX ix_event_journal_timestamp ON event_journal (timestamp);
