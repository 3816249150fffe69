package org.feedbackharmonizer.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.Settings;
import org.feedbackharmonizer.coverage.Coverage;
import org.feedbackharmonizer.coverage.Coverage.AgencySubmission;
import org.feedbackharmonizer.coverage.Coverage.FieldCompleteness;
import org.feedbackharmonizer.coverage.Coverage.MonthRow;
import org.feedbackharmonizer.coverage.Coverage.UnmappedValue;
import org.feedbackharmonizer.coverage.CoverageCalculator;
import org.feedbackharmonizer.coverage.CoverageStore;
import org.feedbackharmonizer.deidentify.SmallCellSuppressor;
import org.feedbackharmonizer.deidentify.SuppressedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coverage part of the publish step: computes coverage, replaces the store's coverage tables and writes
 * coverage_by_jurisdiction.csv, participation_by_jurisdiction.csv, agency_submissions.csv,
 * field_completeness.csv, coverage-report.html, datapackage.json and (steward only) steward/unmapped_values.csv
 * into the given folder. Same store contents and {@code asOf} give byte-identical files.
 */
public final class CoveragePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(CoveragePublisher.class);

    public static final String REPORT = "coverage-report.html";
    public static final String UNMAPPED = "steward/unmapped_values.csv";

    public void publish(DataSource ds, List<AgencyConfig> agencies, Settings settings, LocalDate asOf, Path outputDir) {
        publish(ds, new CoverageCalculator().calculate(ds, agencies, asOf), settings, outputDir);
    }

    /**
     * Stores and writes a coverage computed beforehand: the computation only reads, so a caller may run it on
     * another thread, while the store's coverage tables are replaced in the caller's own transaction.
     */
    public void publish(DataSource ds, Coverage coverage, Settings settings, Path outputDir) {
        new CoverageStore(ds).replace(coverage);
        try {
            write(coverage, settings.smallCellThreshold(), settings.fitForEstimates(), outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the coverage outputs to the output folder", e);
        }
        LOG.info(
                "Coverage published: {} jurisdiction-months, {} agencies",
                coverage.months().size(),
                coverage.submissions().size());
    }

    /** Writes every coverage output of a computed coverage. */
    public static void write(Coverage coverage, int threshold, double fitForEstimates, Path outputDir)
            throws IOException {
        Files.createDirectories(outputDir);
        PublishedCoverage published = new PublishedCoverage(coverage.months(), threshold, fitForEstimates);
        CsvOutput.write(
                outputDir.resolve(PublishedTables.COVERAGE.path()),
                PublishedTables.COVERAGE.header(),
                published.csvRows());
        CsvOutput.write(
                outputDir.resolve(PublishedTables.PARTICIPATION.path()),
                PublishedTables.PARTICIPATION.header(),
                participation(coverage.months()));
        CsvOutput.write(
                outputDir.resolve(PublishedTables.SUBMISSIONS.path()),
                PublishedTables.SUBMISSIONS.header(),
                submissions(coverage));
        CsvOutput.write(
                outputDir.resolve(PublishedTables.COMPLETENESS.path()),
                PublishedTables.COMPLETENESS.header(),
                completeness(coverage.completeness(), threshold));
        CsvOutput.write(outputDir.resolve(UNMAPPED), PublishedTables.UNMAPPED_HEADER, unmapped(coverage.unmapped()));
        Files.writeString(
                outputDir.resolve(REPORT),
                CoverageReport.render(coverage, published, threshold),
                StandardCharsets.UTF_8);
        DataPackageWriter.write(outputDir);
    }

    static List<List<String>> participation(List<MonthRow> months) {
        List<List<String>> rows = new ArrayList<>();
        for (MonthRow r : months) {
            if (r.month().equals(Coverage.UNKNOWN_MONTH)) {
                continue;
            }
            String pct = r.agenciesUnderAgreement() == 0
                    ? ""
                    : PublishedCoverage.percent((double) r.agenciesReporting() / r.agenciesUnderAgreement());
            rows.add(List.of(
                    r.jurisdiction(),
                    r.month(),
                    Integer.toString(r.agenciesUnderAgreement()),
                    Integer.toString(r.agenciesReporting()),
                    pct));
        }
        return rows;
    }

    static List<List<String>> submissions(Coverage c) {
        List<List<String>> rows = new ArrayList<>();
        for (AgencySubmission s : c.submissions()) {
            rows.add(List.of(
                    s.agency(),
                    s.jurisdiction(),
                    s.agreementId(),
                    s.cadence().name(),
                    Integer.toString(s.graceDays()),
                    Integer.toString(s.filesReceived()),
                    Integer.toString(s.filesQuarantined()),
                    s.lastFileId() == null ? "" : s.lastFileId(),
                    s.lastAsOf() == null ? "" : s.lastAsOf().toString(),
                    s.nextDue() == null ? "" : s.nextDue().toString(),
                    Long.toString(s.daysOverdue()),
                    s.status().name(),
                    c.asOf().toString()));
        }
        return rows;
    }

    /**
     * Known and unknown rows of each agency and field are a two-cell list with its total: a small count is
     * suppressed with a complement, so that neither can be recovered from the total; the share then goes too.
     */
    static SuppressedList completenessCells(SmallCellSuppressor suppressor, FieldCompleteness f) {
        return suppressor.suppressList(new long[] {f.known(), f.considered() - f.known()});
    }

    /** The share goes with a withheld known count or total, which it would give away. */
    static boolean shareWithheld(SuppressedList cells) {
        return cells.isSuppressed(0) || cells.isTotalSuppressed();
    }

    static List<List<String>> completeness(List<FieldCompleteness> fields, int threshold) {
        SmallCellSuppressor suppressor = new SmallCellSuppressor(threshold);
        List<List<String>> rows = new ArrayList<>();
        for (FieldCompleteness f : fields) {
            SuppressedList cells = completenessCells(suppressor, f);
            String share = f.considered() == 0 || shareWithheld(cells)
                    ? ""
                    : String.format(java.util.Locale.ROOT, "%.3f", (double) f.known() / f.considered());
            rows.add(List.of(f.agency(), f.field(), cells.displayTotal(), cells.display(0), share));
        }
        return rows;
    }

    static List<List<String>> unmapped(List<UnmappedValue> values) {
        List<List<String>> rows = new ArrayList<>();
        for (UnmappedValue u : values) {
            rows.add(List.of(u.agency(), u.field(), u.column(), u.label(), Long.toString(u.occurrences())));
        }
        return rows;
    }
}
