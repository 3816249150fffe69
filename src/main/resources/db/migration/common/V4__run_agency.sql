-- What each run did per agency, for history: files loaded and quarantined, rows written and rejected.
CREATE TABLE run_agency (
    run_id            VARCHAR(64) NOT NULL,
    agency_code       VARCHAR(64) NOT NULL,
    files_loaded      INTEGER     NOT NULL,
    files_quarantined INTEGER     NOT NULL,
    rows_written      BIGINT      NOT NULL,
    rows_rejected     BIGINT      NOT NULL,
    PRIMARY KEY (run_id, agency_code)
);
