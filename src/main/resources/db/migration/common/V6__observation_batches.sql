-- The history is kept in batches of consecutive observations of one file (store.ObservationBatch), one row per
-- batch instead of one per observation: nothing reads it row by row, and writing every observation as a row cost
-- a third of the load step on H2 (docs/scaling.md). V7 moves an existing history into batches.
CREATE TABLE observation_batch (
    file_number BIGINT      NOT NULL,
    batch       INTEGER     NOT NULL,
    agency_code VARCHAR(64) NOT NULL,
    row_count   INTEGER     NOT NULL,
    rows_data   BYTEA       NOT NULL,
    PRIMARY KEY (file_number, batch)
);
