-- A document number is unique within its issuing unit; a claim is written in the transaction of the document's first event.
CREATE TABLE document_number (
    unit_id     VARCHAR(64)  NOT NULL,
    number_key  VARCHAR(200) NOT NULL,
    document_id VARCHAR(36)  NOT NULL,
    PRIMARY KEY (unit_id, number_key)
);
