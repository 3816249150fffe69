package org.feedbackharmonizer.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.feedbackharmonizer.config.LedgerConfig;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.feedbackharmonizer.ingest.FileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerLoaderTest {

    @TempDir
    Path dir;

    private final Pseudonymizer p = new Pseudonymizer(new byte[32]);
    private final LedgerConfig config = new LedgerConfig(
            "ledger.yml",
            List.of("ledger/*.csv"),
            FileFormat.CSV,
            ',',
            "CyberTip #",
            "Date Made Available",
            "Agency",
            "Jurisdiction",
            List.of("yyyy-MM-dd", "MM/dd/yyyy"));

    @Test
    void storesKeysNotNumbersCountsBadRowsAndReplacesOnlyWithANewerFile() throws Exception {
        CoverageFixture f = new CoverageFixture(dir.resolve("db"));
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("ledger"));
        Files.writeString(
                in.resolve("ledger/2025-05-01.csv"),
                "Referral ledger export\n"
                        + "CyberTip #,Date Made Available,Agency,Jurisdiction\n"
                        + "12345678,2025-01-15,TX-A,US-TX\n"
                        + "CT 12345679,01/20/2025,TX-A,US-TX\n"
                        + "not a number,2025-01-15,TX-A,US-TX\n"
                        + "12345680,yesterday,TX-A,US-TX\n"
                        + "12345678,2025-01-15,TX-A,US-TX\n");
        LedgerLoad first = new LedgerLoader().load(in, config, p, f.ds);
        assertThat(first.replaced()).isTrue();
        assertThat(first.rowsLoaded()).isEqualTo(2);
        assertThat(first.rowsRejected()).isEqualTo(2);
        assertThat(first.rowsDuplicate()).isEqualTo(1);
        assertThat(f.jdbc.queryForList("SELECT referral_key FROM ledger ORDER BY referral_key", String.class))
                .containsExactlyInAnyOrder(p.referralKey("12345678"), p.referralKey("12345679"));
        assertThat(f.jdbc.queryForObject("SELECT rows_rejected FROM ledger_file", Long.class))
                .isEqualTo(2);

        assertThat(new LedgerLoader().load(in, config, p, f.ds).replaced()).isFalse();

        Files.writeString(
                in.resolve("ledger/2025-06-01.csv"),
                "CyberTip #,Date Made Available,Agency,Jurisdiction\n" + "22345678,2025-02-15,OH-B,US-OH\n");
        LedgerLoad newer = new LedgerLoader().load(in, config, p, f.ds);
        assertThat(newer.replaced()).isTrue();
        assertThat(f.jdbc.queryForList("SELECT agency_code FROM ledger", String.class))
                .containsExactly("OH-B");
    }

    @Test
    void readsAgencyAndJurisdictionAsEveryOtherCellIsRead() throws Exception {
        // Spaces String.strip() keeps (figure and narrow no-break spaces) are trimmed, inner runs collapsed,
        // as schema.CellText does for every value, so the codes match the agencies' own.
        CoverageFixture f = new CoverageFixture(dir.resolve("db"));
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("ledger"));
        Files.writeString(
                in.resolve("ledger/2025-05-01.csv"),
                "CyberTip #,Date Made Available,Agency,Jurisdiction\n"
                        + "12345678,2025-01-15,\u202fTX-A\u2007,US-TX\u00a0\u00a0\n"
                        + "12345679,2025-01-15,TX\u00a0 \tB,US-TX\u3000\n");
        LedgerLoad load = new LedgerLoader().load(in, config, p, f.ds);
        assertThat(load.rowsLoaded()).isEqualTo(2);
        assertThat(f.jdbc.queryForList(
                        "SELECT agency_code || '|' || jurisdiction_code FROM ledger ORDER BY agency_code",
                        String.class))
                .containsExactly("TX B|US-TX", "TX-A|US-TX");
    }

    @Test
    void readsALedgerWorkbookWithRealDateCellsAndNumericReportNumbers() throws Exception {
        CoverageFixture f = new CoverageFixture(dir.resolve("db"));
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("ledger"));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = Files.newOutputStream(in.resolve("ledger/ledger-2025-05-01.xlsx"))) {
            var sheet = wb.createSheet("Referrals");
            var date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            var h = sheet.createRow(0);
            String[] header = {"CyberTip #", "Date Made Available", "Agency", "Jurisdiction"};
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue(12345678d);
            r.createCell(1).setCellValue(java.time.LocalDate.of(2025, 1, 15));
            r.getCell(1).setCellStyle(date);
            r.createCell(2).setCellValue("TX-A");
            r.createCell(3).setCellValue("US-TX");
            wb.write(out);
        }
        LedgerConfig xlsx = new LedgerConfig(
                "ledger.yml",
                List.of("ledger/*.xlsx"),
                null,
                ',',
                "CyberTip #",
                "Date Made Available",
                "Agency",
                "Jurisdiction",
                List.of("yyyy-MM-dd"));
        LedgerLoad load = new LedgerLoader().load(in, xlsx, p, f.ds);
        assertThat(load.rowsLoaded()).isEqualTo(1);
        assertThat(f.jdbc.queryForObject("SELECT referral_key FROM ledger", String.class))
                .isEqualTo(p.referralKey("12345678"));
        assertThat(f.jdbc.queryForObject("SELECT made_available FROM ledger", java.sql.Date.class))
                .hasToString("2025-01-15");
    }
}
