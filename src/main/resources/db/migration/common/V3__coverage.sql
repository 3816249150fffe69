-- Coverage, computed from ledger, feedback and source_file at the end of every run and replaced whole.
-- Stored unsuppressed (the store is de-identified and internal); small-cell suppression is applied only when
-- the tables are published. See docs/coverage.md.

-- Per jurisdiction and month made available (YYYY-MM, or 'unknown' for orphans without a received month).
CREATE TABLE coverage_month (
    jurisdiction_code       VARCHAR(64) NOT NULL,
    month_available         VARCHAR(7)  NOT NULL,
    referrals_sent          BIGINT      NOT NULL,
    referrals_with_feedback BIGINT      NOT NULL,
    referrals_closed        BIGINT      NOT NULL,
    median_days_to_close    DOUBLE PRECISION,
    orphans                 BIGINT      NOT NULL,
    reporting_status        VARCHAR(24) NOT NULL,
    agencies_under_agreement INTEGER    NOT NULL,
    agencies_reporting      INTEGER     NOT NULL,
    PRIMARY KEY (jurisdiction_code, month_available)
);

-- Referrals of the ledger with feedback, by the feedback's outcome.
CREATE TABLE coverage_outcome (
    jurisdiction_code VARCHAR(64) NOT NULL,
    month_available   VARCHAR(7)  NOT NULL,
    outcome           VARCHAR(32) NOT NULL,
    referrals         BIGINT      NOT NULL,
    PRIMARY KEY (jurisdiction_code, month_available, outcome)
);

-- Per configured agency: what it delivered and when the next file is due, as of the run's date.
CREATE TABLE agency_submission (
    agency_code       VARCHAR(64)  NOT NULL PRIMARY KEY,
    jurisdiction_code VARCHAR(64)  NOT NULL,
    agreement_id      VARCHAR(100) NOT NULL,
    cadence           VARCHAR(16)  NOT NULL,
    grace_days        INTEGER      NOT NULL,
    files_received    INTEGER      NOT NULL,
    files_quarantined INTEGER      NOT NULL,
    last_file_id      VARCHAR(16),
    last_as_of_date   DATE,
    next_due_date     DATE,
    days_overdue      INTEGER      NOT NULL,
    status            VARCHAR(24)  NOT NULL,
    as_of             DATE         NOT NULL
);

-- Per agency and schema field: how many rows say something known.
CREATE TABLE field_completeness (
    agency_code VARCHAR(64) NOT NULL,
    field       VARCHAR(64) NOT NULL,
    rows_considered BIGINT  NOT NULL,
    rows_known  BIGINT      NOT NULL,
    PRIMARY KEY (agency_code, field)
);
