-- Each person's data key (crypto-shredding): found by the person's pseudonym, HMAC-SHA256 of their id under the
-- service's secret, when their data is written; by key_id, the only reference events carry, when it is read. The key
-- material is wrapped (AES-GCM) by the master key, which the database does not hold. Erasing a person deletes the row.
CREATE TABLE personal_data_key (
    pseudonym   VARCHAR(64)  PRIMARY KEY,
    key_id      VARCHAR(36)  NOT NULL UNIQUE,
    wrapped_key VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The check value of the master key the data was written with: a start with another key is refused.
CREATE TABLE personal_data_master (
    id          INTEGER     PRIMARY KEY,
    check_value VARCHAR(64) NOT NULL
);

-- From this version the rosters and the contest participants hold pseudonyms, not ids (the columns keep their
-- names); a store written before is sealed once by the service (giaoban.personal-data.migrate-clear-data).
