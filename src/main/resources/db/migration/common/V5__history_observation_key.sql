-- The history gets a single BIGINT key, (file number << 32) + the row's sequence in its file, instead of the
-- composite (source_file, source_sheet, source_row, referral_key): H2 then keeps one B-tree per row instead of
-- two, and a file's rows are one key range to read or delete. docs/scaling.md has the measurement.

ALTER TABLE source_file ADD COLUMN file_number BIGINT;
UPDATE source_file SET file_number = (SELECT COUNT(*) FROM source_file t WHERE t.file_id <= source_file.file_id);
ALTER TABLE source_file ALTER COLUMN file_number SET NOT NULL;
CREATE UNIQUE INDEX source_file_number ON source_file (file_number);

CREATE TABLE feedback_observation (
    observation           BIGINT       NOT NULL PRIMARY KEY,
    referral_key          VARCHAR(32)  NOT NULL,
    agency_code           VARCHAR(64)  NOT NULL,
    jurisdiction_code     VARCHAR(64)  NOT NULL,
    agreement_id          VARCHAR(100) NOT NULL,
    as_of_date            DATE         NOT NULL,
    received_month        VARCHAR(7),
    status                VARCHAR(16)  NOT NULL,
    outcome               VARCHAR(32)  NOT NULL,
    actionable            VARCHAR(8)   NOT NULL,
    not_actionable_reason VARCHAR(32),
    search_warrant        VARCHAR(8)   NOT NULL,
    arrest                VARCHAR(8)   NOT NULL,
    charged               VARCHAR(8)   NOT NULL,
    convicted             VARCHAR(8)   NOT NULL,
    victims_identified    VARCHAR(8)   NOT NULL,
    subject_age_band      VARCHAR(16)  NOT NULL,
    days_to_close         INTEGER,
    source_file           VARCHAR(16)  NOT NULL,
    source_sheet          VARCHAR(100) NOT NULL,
    source_row            BIGINT       NOT NULL,
    source_seq            BIGINT       NOT NULL -- order of the row in its file: a later row wins a tie
);

INSERT INTO feedback_observation
SELECT s.file_number * 4294967296 + h.source_seq, h.referral_key, h.agency_code, h.jurisdiction_code,
       h.agreement_id, h.as_of_date, h.received_month, h.status, h.outcome, h.actionable, h.not_actionable_reason,
       h.search_warrant, h.arrest, h.charged, h.convicted, h.victims_identified, h.subject_age_band,
       h.days_to_close, h.source_file, h.source_sheet, h.source_row, h.source_seq
FROM feedback_history h JOIN source_file s ON s.file_id = h.source_file;

DROP TABLE feedback_history;
ALTER TABLE feedback_observation RENAME TO feedback_history;
