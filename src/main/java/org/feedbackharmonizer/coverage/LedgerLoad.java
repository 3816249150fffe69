package org.feedbackharmonizer.coverage;

/**
 * What a ledger load did.
 *
 * @param fileId first 16 hex of the ledger file's SHA-256; null when no ledger file was found
 * @param replaced true when the stored ledger was replaced by this file; false when it was already loaded
 *     (same file id) or no file was found
 * @param rowsLoaded referrals stored (distinct per report number and agency)
 * @param rowsRejected data rows that could not be read (bad report number, date, agency or jurisdiction)
 * @param rowsDuplicate data rows repeating a report number and agency already read; the first one is kept
 */
public record LedgerLoad(String fileId, boolean replaced, long rowsLoaded, long rowsRejected, long rowsDuplicate) {

    static LedgerLoad none() {
        return new LedgerLoad(null, false, 0, 0, 0);
    }
}
