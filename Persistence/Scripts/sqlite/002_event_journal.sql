-- The event journal: every domain event, appended once (by id), read back by correlation id, type and time.
-- A rowid table with a unique id index: appends go to the end of the table.
-- timestamp is UTC text 'YYYY-MM-DDTHH:MM:SS.fffffffZ' (fixed width, so text order is time order).
CREATE TABLE event_journal
(
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    source TEXT NOT NULL,
    data TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    causation_id TEXT,
    user_id TEXT
);

CREATE INDEX ix_event_journal_correlation ON event_journal (correlation_id, timestamp);
CREATE INDEX ix_event_journal_type ON event_journal (type, timestamp);
CREATE INDEX ix_event_journal_timestamp ON event_journal (timestamp);
