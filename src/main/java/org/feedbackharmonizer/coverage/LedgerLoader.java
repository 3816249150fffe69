package org.feedbackharmonizer.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.feedbackharmonizer.config.LedgerConfig;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.feedbackharmonizer.ingest.FileFormat;
import org.feedbackharmonizer.ingest.FileRefused;
import org.feedbackharmonizer.ingest.Inbox;
import org.feedbackharmonizer.ingest.RawRecord;
import org.feedbackharmonizer.ingest.ReadLimits;
import org.feedbackharmonizer.ingest.RefusalReason;
import org.feedbackharmonizer.ingest.TableReader;
import org.feedbackharmonizer.ingest.TableReaders;
import org.feedbackharmonizer.ingest.TextOptions;
import org.feedbackharmonizer.mapping.ColumnNames;
import org.feedbackharmonizer.mapping.DateValueParser;
import org.feedbackharmonizer.mapping.ReportNumberParser;
import org.feedbackharmonizer.mapping.ValueRejected;
import org.feedbackharmonizer.schema.CellText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the referral ledger (what was sent), de-identified, into table {@code ledger}. The newest ledger file
 * (greatest file name, then latest modification time) replaces the stored ledger whole, in one transaction; a
 * file whose id equals the stored {@code ledger_file.file_id} is not read again.
 *
 * <p>A row that cannot be read is counted in {@code ledger_file.rows_rejected}; its values are never stored or
 * logged. The raw report number never leaves this class: only its referral key is stored.
 */
public final class LedgerLoader {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerLoader.class);
    private static final int BATCH = 2_000;

    /**
     * @throws FileRefused when the newest ledger file cannot be read or has no header with the configured columns;
     *     the stored ledger is then left as it was
     */
    public LedgerLoad load(Path inputDir, LedgerConfig config, Pseudonymizer pseudonymizer, DataSource ds)
            throws FileRefused {
        Inbox inbox = new Inbox(inputDir);
        Optional<Path> newest = newest(inbox.find(config.globs()));
        if (newest.isEmpty()) {
            boolean stored = !new org.springframework.jdbc.core.JdbcTemplate(ds)
                    .queryForList("SELECT 1 FROM ledger FETCH FIRST 1 ROWS ONLY", Integer.class)
                    .isEmpty();
            if (stored) {
                LOG.info("No ledger file matches {}; the stored ledger is kept", config.globs());
            } else {
                LOG.warn(
                        "No ledger file matches {} and the store holds none: coverage counts no referral as sent"
                                + " and every feedback row as an orphan until a ledger file arrives",
                        config.globs());
            }
            return LedgerLoad.none();
        }
        Path file = newest.get();
        String fileId;
        try {
            fileId = Inbox.sha256(file).substring(0, 16);
        } catch (IOException e) {
            throw new FileRefused(
                    RefusalReason.UNREADABLE, file.getFileName().toString(), "the ledger file could not be read");
        }
        if (fileId.equals(storedFileId(ds))) {
            LOG.info("Ledger file {} is already loaded", fileId);
            return new LedgerLoad(fileId, false, 0, 0, 0);
        }
        FileFormat format = config.format() != null
                ? config.format()
                : FileFormat.fromFileName(file).orElse(FileFormat.CSV);
        TableReader reader = new TableReaders(
                        new TextOptions(StandardCharsets.UTF_8, config.delimiter(), '"'), ReadLimits.DEFAULT)
                .readerFor(file, format);
        Rows rows = new Rows(config, pseudonymizer);
        int first = firstSheet(reader, file);
        reader.read(file, sheet -> sheet.index() == first, rows::accept);
        if (rows.columns == null) {
            throw new FileRefused(
                    RefusalReason.NO_HEADER,
                    file.getFileName().toString(),
                    "no row names the ledger columns "
                            + List.of(
                                    config.reportNumberColumn(),
                                    config.madeAvailableColumn(),
                                    config.agencyColumn(),
                                    config.jurisdictionColumn()));
        }
        replace(ds, fileId, inbox.relative(file), rows.referrals, rows.rejected);
        LOG.info(
                "Ledger file {} loaded: {} referrals, {} rows rejected, {} duplicate rows",
                fileId,
                rows.referrals.size(),
                rows.rejected,
                rows.duplicates);
        return new LedgerLoad(fileId, true, rows.referrals.size(), rows.rejected, rows.duplicates);
    }

    /** Greatest file name (ledgers are named by date), then latest modification time. */
    static Optional<Path> newest(List<Path> files) {
        return files.stream()
                .max(Comparator.comparing((Path p) -> p.getFileName().toString())
                        .thenComparing(LedgerLoader::modified));
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int firstSheet(TableReader reader, Path file) throws FileRefused {
        return reader.sheets(file).stream()
                .filter(s -> !s.hidden())
                .mapToInt(s -> s.index())
                .findFirst()
                .orElse(0);
    }

    private static String storedFileId(DataSource ds) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT file_id FROM ledger_file WHERE singleton = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read ledger_file: " + e.getMessage(), e);
        }
    }

    private static void replace(
            DataSource ds, String fileId, String fileName, List<Referral> referrals, long rejected) {
        try (Connection c = ds.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM ledger")) {
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO ledger (referral_key, agency_code,"
                        + " jurisdiction_code, made_available) VALUES (?, ?, ?, ?)")) {
                    int n = 0;
                    for (Referral r : referrals) {
                        ins.setString(1, r.key());
                        ins.setString(2, r.agency());
                        ins.setString(3, r.jurisdiction());
                        ins.setDate(4, Date.valueOf(r.madeAvailable()));
                        ins.addBatch();
                        if (++n % BATCH == 0) {
                            ins.executeBatch();
                        }
                    }
                    ins.executeBatch();
                }
                try (PreparedStatement del = c.prepareStatement("DELETE FROM ledger_file")) {
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO ledger_file (singleton, file_id,"
                        + " file_name, rows_loaded, rows_rejected, loaded_at) VALUES (1, ?, ?, ?, ?, ?)")) {
                    ins.setString(1, fileId);
                    ins.setString(2, fileName);
                    ins.setLong(3, referrals.size());
                    ins.setLong(4, rejected);
                    ins.setTimestamp(5, Timestamp.from(Instant.now()));
                    ins.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot replace the ledger: " + e.getMessage(), e);
        }
    }

    record Referral(String key, String agency, String jurisdiction, LocalDate madeAvailable) {}

    /** Finds the header, then turns each data row into a referral or a rejected count. */
    private static final class Rows {
        private final LedgerConfig config;
        private final Pseudonymizer pseudonymizer;
        private final ReportNumberParser numbers = new ReportNumberParser(null);
        private final DateValueParser dates;
        private final List<Referral> referrals = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private int[] columns; // report number, made available, agency, jurisdiction
        private String sheet;
        private long rejected;
        private long duplicates;

        Rows(LedgerConfig config, Pseudonymizer pseudonymizer) {
            this.config = config;
            this.pseudonymizer = pseudonymizer;
            this.dates = new DateValueParser(config.dates());
        }

        void accept(RawRecord record) {
            if (sheet == null) {
                sheet = record.sheet();
            } else if (!sheet.equals(record.sheet())) {
                return;
            }
            if (record.isBlank()) {
                return;
            }
            if (columns == null) {
                columns = headerColumns(record);
                return;
            }
            if (isRepeatedHeader(record)) {
                return;
            }
            try {
                LocalDate made =
                        dates.parse(record.cell(columns[1])).orElseThrow(() -> new IllegalArgumentException("no date"));
                String agency = CellText.clean(record.cell(columns[2]).text());
                String jurisdiction = CellText.clean(record.cell(columns[3]).text());
                if (agency.isEmpty() || jurisdiction.isEmpty() || agency.length() > 64 || jurisdiction.length() > 64) {
                    rejected++;
                    return;
                }
                for (String number : numbers.parse(record.cell(columns[0]))) {
                    String key = pseudonymizer.referralKey(number);
                    if (seen.add(key + '\u0000' + agency)) {
                        referrals.add(new Referral(key, agency, jurisdiction, made));
                    } else {
                        duplicates++;
                    }
                }
            } catch (ValueRejected | IllegalArgumentException e) {
                rejected++; // the value is personal: counted, never kept or logged
            }
        }

        private int[] headerColumns(RawRecord record) {
            String[] wanted = {
                config.reportNumberColumn(),
                config.madeAvailableColumn(),
                config.agencyColumn(),
                config.jurisdictionColumn()
            };
            int[] found = new int[wanted.length];
            for (int w = 0; w < wanted.length; w++) {
                found[w] = -1;
                for (int i = 0; i < record.cells().size(); i++) {
                    if (ColumnNames.same(wanted[w], record.cell(i).text())) {
                        found[w] = i;
                        break;
                    }
                }
                if (found[w] < 0) {
                    return null; // a title row above the header
                }
            }
            return found;
        }

        private boolean isRepeatedHeader(RawRecord record) {
            return ColumnNames.same(
                    config.reportNumberColumn(), record.cell(columns[0]).text());
        }
    }
}
