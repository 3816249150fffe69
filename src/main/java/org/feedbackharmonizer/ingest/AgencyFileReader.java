package org.feedbackharmonizer.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.FileSpec;
import org.feedbackharmonizer.mapping.AgencyFileContext;
import org.feedbackharmonizer.mapping.Header;
import org.feedbackharmonizer.mapping.HeaderLocator;
import org.feedbackharmonizer.mapping.ReportMerge;
import org.feedbackharmonizer.mapping.RowMapper;
import org.feedbackharmonizer.mapping.RowResult;
import org.feedbackharmonizer.mapping.UnmappedLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one agency file end to end: picks the sheets, finds each sheet's header, resolves the file's as-of date
 * and hands every data row to the agency's row mapper. Refuses the file (and nothing else) when it cannot be
 * read as configured.
 */
public final class AgencyFileReader {
    private static final Logger log = LoggerFactory.getLogger(AgencyFileReader.class);

    /** What reading a file found, besides its rows. */
    public record Reading(
            AsOfDates.AsOf asOf,
            long rowsRead,
            List<String> sheets,
            List<String> warnings,
            List<SheetHeader> headers) {}

    public record SheetHeader(String sheet, Header header) {}

    private final ReadLimits limits;

    public AgencyFileReader(ReadLimits limits) {
        this.limits = limits;
    }

    public Reading read(
            InboxFile file,
            AgencyConfig agency,
            UnaryOperator<String> referralKeys,
            UnmappedLabels unmapped,
            Consumer<RowResult> sink)
            throws FileRefused {
        FileSpec spec = agency.files();
        FileFormat format = spec.format() != null
                ? spec.format()
                : FileFormat.fromFileName(file.path())
                        .orElseThrow(() -> new FileRefused(
                                RefusalReason.WRONG_FORMAT, file.name(), "the extension names no format we read"));
        TableReader reader = new TableReaders(new TextOptions(spec.charset(), spec.delimiter(), spec.quote()), limits)
                .readerFor(file.path(), format);
        Set<String> wanted = RowMapper.wantedNames(agency);
        ReportMerge merge = spec.repeatedReport() == FileSpec.RepeatedReport.MERGE
                ? new ReportMerge(spec.merge(), limits.maxMergedReports())
                : null;
        State state = new State(file, agency, referralKeys, unmapped, sink, wanted, merge);
        try {
            reader.readChosen(
                    file.path(),
                    sheets -> {
                        List<SheetInfo> chosen = chosen(file, agency, sheets);
                        SheetInfo asOfSheet = asOfSheet(agency, sheets, chosen);
                        state.asOfSheet = asOfSheet == null ? null : asOfSheet.label();
                        return s -> chosen.contains(s) || s.equals(asOfSheet);
                    },
                    state::accept);
            state.endSheet();
        } catch (SheetProblem p) {
            throw p.refusal;
        }
        if (state.rowsRead == 0) {
            throw new FileRefused(RefusalReason.NO_DATA, file.name(), "only a header was found");
        }
        if (state.trailer != null) {
            state.trailer.verify(file.name());
        }
        if (merge != null && state.context != null) {
            merge.drainTo(state.context, sink);
        }
        return new Reading(state.asOf, state.rowsRead, state.sheetNames, state.warnings, state.headers);
    }

    private static List<SheetInfo> chosen(InboxFile file, AgencyConfig agency, List<SheetInfo> sheets)
            throws FileRefused {
        int firstVisible = sheets.stream()
                .filter(s -> !s.hidden())
                .mapToInt(SheetInfo::index)
                .findFirst()
                .orElse(0);
        List<SheetInfo> chosen = sheets.stream()
                .filter(s -> agency.sheets().accepts(s, firstVisible))
                .toList();
        if (chosen.isEmpty()) {
            throw new FileRefused(
                    RefusalReason.NO_SHEET,
                    file.name(),
                    "the workbook has " + sheets.size() + " sheet(s), none selected by 'sheets'");
        }
        return chosen;
    }

    /**
     * The sheet {@code as_of.sheet} names (a README tab), by name ignoring case, when it is not a data sheet too;
     * read before the data sheets only when it comes first in the workbook, as such tabs do.
     */
    private static SheetInfo asOfSheet(AgencyConfig agency, List<SheetInfo> sheets, List<SheetInfo> chosen) {
        String name = agency.files().asOf().sheet();
        if (name == null) {
            return null;
        }
        return sheets.stream()
                .filter(s -> s.name().equalsIgnoreCase(name.strip()) && !chosen.contains(s))
                .findFirst()
                .orElse(null);
    }

    /** Carries a refusal out of a reader callback. */
    private static final class SheetProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient FileRefused refusal;

        SheetProblem(FileRefused refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    /** Rows of the as-of sheet searched for the date: a README tab says it near the top. */
    private static final int AS_OF_SHEET_ROWS = 100;

    private static final class State {
        final InboxFile file;
        final AgencyConfig agency;
        final UnaryOperator<String> referralKeys;
        final UnmappedLabels unmapped;
        final Consumer<RowResult> sink;
        final Set<String> wanted;
        final ReportMerge merge;
        final List<String> sheetNames = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final List<SheetHeader> headers = new ArrayList<>();
        String sheet;
        HeaderLocator locator;
        RowMapper mapper;
        AgencyFileContext context;
        AsOfDates.AsOf asOf;
        boolean sheetHasContent;
        long rowsRead;
        /** The label of the sheet {@code as_of.sheet} names, whose first rows are kept to find the as-of date. */
        String asOfSheet;

        final List<RawRecord> asOfRows = new ArrayList<>();
        final TrailerCheck trailer;

        State(
                InboxFile file,
                AgencyConfig agency,
                UnaryOperator<String> referralKeys,
                UnmappedLabels unmapped,
                Consumer<RowResult> sink,
                Set<String> wanted,
                ReportMerge merge) {
            this.file = file;
            this.agency = agency;
            this.referralKeys = referralKeys;
            this.unmapped = unmapped;
            this.sink = sink;
            this.wanted = wanted;
            this.merge = merge;
            this.trailer = agency.files().trailer() == null
                    ? null
                    : new TrailerCheck(agency.files().trailer());
        }

        void accept(RawRecord r) {
            if (r.sheet().equals(asOfSheet)) {
                if (asOfRows.size() < AS_OF_SHEET_ROWS) {
                    asOfRows.add(r);
                }
                return;
            }
            if (!r.sheet().equals(sheet) || locator == null) {
                if (locator != null || mapper != null) {
                    endSheet();
                }
                sheet = r.sheet();
                sheetNames.add(sheet);
                locator = new HeaderLocator(agency.header(), wanted);
                mapper = null;
                sheetHasContent = false;
            }
            if (mapper != null) {
                rowsRead++;
                RowResult result;
                try {
                    result = trailer != null && trailer.isTrailer(r)
                            ? new RowResult.Skipped(TrailerCheck.RULE)
                            : mapper.map(r);
                } catch (ReportMerge.LimitReached full) {
                    throw new SheetProblem(new FileRefused(
                            RefusalReason.TOO_MANY_REPORTS,
                            file.name(),
                            "more than " + full.limit() + " report numbers under files.repeated_report: merge"));
                }
                if (trailer != null) {
                    trailer.count(result);
                }
                sink.accept(result);
                return;
            }
            sheetHasContent |= !r.isBlank();
            var header = locator.offer(r);
            if (header.isPresent()) {
                startRows(header.get());
            } else if (locator.exhausted()) {
                throw new SheetProblem(noHeader());
            }
        }

        private void startRows(Header header) {
            if (asOf == null) {
                try {
                    asOf = AsOfDates.resolve(
                            agency.files().asOf(), agency.values().months(), file.path(), asOfRows, locator.preamble());
                } catch (IOException e) {
                    throw new SheetProblem(new FileRefused(RefusalReason.UNREADABLE, file.name(), e.getMessage()));
                }
                if (asOf.notFound()) {
                    log.warn("{}: as-of date {} from the {}", file.name(), asOf.date(), asOf.source());
                }
                if (agency.agreement() != null && !agency.agreement().covers(asOf.date())) {
                    throw new SheetProblem(new FileRefused(
                            RefusalReason.OUTSIDE_AGREEMENT,
                            file.name(),
                            "as-of date " + asOf.date() + " (from the " + asOf.source() + ") is outside agreement "
                                    + agency.agreement().id() + " ("
                                    + agency.agreement().effective() + " to "
                                    + (agency.agreement().expires() == null
                                            ? "open"
                                            : agency.agreement().expires())
                                    + ")"));
                }
            }
            context = new AgencyFileContext(agency, file.fileId(), asOf.date(), referralKeys, merge);
            mapper = new RowMapper(context, sheet, header, unmapped);
            if (!mapper.reportNumberFound()) {
                throw new SheetProblem(new FileRefused(
                        RefusalReason.NO_HEADER,
                        where(),
                        "the report number column '"
                                + agency.field("report_number").column() + "' is not in header row "
                                + header.rowNumber()));
            }
            for (String missing : mapper.missingColumns()) {
                warnings.add(where() + ": configured column not found: " + missing);
            }
            headers.add(new SheetHeader(sheet, header));
        }

        void endSheet() {
            if (sheet != null && mapper == null && sheetHasContent) {
                throw new SheetProblem(noHeader());
            }
            if (sheet != null && mapper == null) {
                warnings.add(where() + ": the sheet is empty");
            }
        }

        private FileRefused noHeader() {
            return new FileRefused(
                    RefusalReason.NO_HEADER,
                    where(),
                    "no row among the first " + agency.header().searchRows() + " has "
                            + Math.min(agency.header().minMatches(), wanted.size()) + " of the " + wanted.size()
                            + " configured column names");
        }

        private String where() {
            return file.name() + (sheet == null || sheet.isEmpty() ? "" : ", " + sheet);
        }
    }
}
