-- The first answer to each Idempotency-Key, replayed to a repeat of the same request.
CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(200) PRIMARY KEY,
    request_hash    CHAR(64)     NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(200),
    location        VARCHAR(2000),
    body            TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
