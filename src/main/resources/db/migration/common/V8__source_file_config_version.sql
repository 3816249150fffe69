-- The version (SHA-256, first 16 hex) of the agency configuration a file was loaded with, so that a run can tell
-- a steward the configuration changed after the agency's files were read (a rerun reads them again). NULL for
-- files loaded before this column existed: nothing is known of them.
ALTER TABLE source_file ADD COLUMN config_version VARCHAR(16);
