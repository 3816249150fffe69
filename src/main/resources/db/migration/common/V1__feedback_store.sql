-- The de-identified store. Nothing here can hold a name, a date of birth, an exact age, a free text or a raw
-- report number: referral keys are keyed hashes, dates are months or file dates, ages and counts are bands.

-- Every file the inbox ever offered, identified by its SHA-256 (a renamed copy is the same file).
CREATE TABLE source_file (
    file_id          VARCHAR(16)  NOT NULL PRIMARY KEY,
    sha256           VARCHAR(64)  NOT NULL,
    agency_code      VARCHAR(64)  NOT NULL,
    file_name        VARCHAR(500) NOT NULL,
    as_of_date       DATE,
    status           VARCHAR(16)  NOT NULL,
    reason_code      VARCHAR(40),
    reason           VARCHAR(2000),
    rows_read        BIGINT       NOT NULL DEFAULT 0,
    rows_written     BIGINT       NOT NULL DEFAULT 0,
    records_written  BIGINT       NOT NULL DEFAULT 0,
    rows_rejected    BIGINT       NOT NULL DEFAULT 0,
    rows_skipped     BIGINT       NOT NULL DEFAULT 0,
    seconds          DOUBLE PRECISION,
    first_seen_run   BIGINT,
    loaded_run       BIGINT,
    loaded_at        TIMESTAMP,
    -- FALSE until the current feedback has been rebuilt for this file's agency since the file last changed
    consolidated     BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX source_file_agency ON source_file (agency_code, status);

-- Every observation ever loaded: one row per referral per source row.
CREATE TABLE feedback_history (
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
    source_seq            BIGINT       NOT NULL, -- order of the row in its file: a later row wins a tie
    PRIMARY KEY (source_file, source_sheet, source_row, referral_key)
);

-- The current view: per agency and referral the latest observation (by as-of date, then file, sheet, row).
CREATE TABLE feedback (
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
    PRIMARY KEY (agency_code, referral_key)
);

-- Rows that were not written, with why. Never the raw value of a cell.
CREATE TABLE rejects (
    file_id      VARCHAR(16)   NOT NULL,
    sheet        VARCHAR(100)  NOT NULL,
    row_number   BIGINT        NOT NULL,
    column_name  VARCHAR(200),
    reason_code  VARCHAR(40)   NOT NULL,
    message      VARCHAR(1000) NOT NULL,
    PRIMARY KEY (file_id, sheet, row_number)
);

-- Labels of enum-mapped columns that no value map covered, for the steward.
CREATE TABLE unmapped_label (
    file_id      VARCHAR(16)  NOT NULL,
    agency_code  VARCHAR(64)  NOT NULL,
    field        VARCHAR(64)  NOT NULL,
    column_name  VARCHAR(200) NOT NULL,
    label        VARCHAR(200) NOT NULL,
    occurrences  BIGINT       NOT NULL,
    PRIMARY KEY (file_id, field, label)
);

-- The referral ledger (what was sent), de-identified; replaced whole by a newer ledger.
CREATE TABLE ledger (
    referral_key      VARCHAR(32) NOT NULL,
    agency_code       VARCHAR(64) NOT NULL,
    jurisdiction_code VARCHAR(64) NOT NULL,
    made_available    DATE        NOT NULL,
    PRIMARY KEY (referral_key, agency_code)
);

CREATE TABLE ledger_file (
    singleton     INTEGER      NOT NULL PRIMARY KEY,
    file_id       VARCHAR(16)  NOT NULL,
    file_name     VARCHAR(500) NOT NULL,
    rows_loaded   BIGINT       NOT NULL,
    rows_rejected BIGINT       NOT NULL,
    loaded_at     TIMESTAMP    NOT NULL
);

-- One run at a time, across processes and hosts: a row here is the lock.
CREATE TABLE run_lock (
    lock_name   VARCHAR(32)  NOT NULL PRIMARY KEY,
    run_id      VARCHAR(64)  NOT NULL,
    holder      VARCHAR(200) NOT NULL,
    acquired_at TIMESTAMP    NOT NULL
);

-- What each run did, for status and history.
CREATE TABLE run_log (
    run_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    command       VARCHAR(32)  NOT NULL,
    started_at    TIMESTAMP    NOT NULL,
    finished_at   TIMESTAMP,
    exit_code     INTEGER,
    status        VARCHAR(16)  NOT NULL,
    files_loaded  INTEGER      NOT NULL DEFAULT 0,
    files_quarantined INTEGER  NOT NULL DEFAULT 0,
    rows_written  BIGINT       NOT NULL DEFAULT 0,
    rows_rejected BIGINT       NOT NULL DEFAULT 0,
    job_execution_id BIGINT
);
