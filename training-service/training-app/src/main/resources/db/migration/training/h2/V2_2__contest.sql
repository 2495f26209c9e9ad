-- When each contest takes entries, for validating entries without loading an aggregate.
CREATE TABLE contest_window (
    contest_id VARCHAR(36) PRIMARY KEY,
    opens_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    closes_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who has entered which contest at least once: distinct participants without a set in memory.
CREATE TABLE contest_participant (
    contest_id     VARCHAR(36) NOT NULL,
    participant_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (contest_id, participant_id)
);
