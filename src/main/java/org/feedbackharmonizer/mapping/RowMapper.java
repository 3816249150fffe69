package org.feedbackharmonizer.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.FieldCondition;
import org.feedbackharmonizer.config.FieldSpec;
import org.feedbackharmonizer.config.SkipRules;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.RawRecord;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.FeedbackRecord;
import org.feedbackharmonizer.schema.FieldCatalog;
import org.feedbackharmonizer.schema.NotActionableReason;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.Status;
import org.feedbackharmonizer.schema.VictimBand;
import org.feedbackharmonizer.schema.YesNo;

/**
 * Maps the data rows of one sheet to the schema, once its header is known. Knows nothing of file formats; the
 * only cells it looks at are the configured ones.
 */
public final class RowMapper {
    private static final RowResult.Merged MERGED = new RowResult.Merged();
    private final AgencyFileContext context;
    private final Header header;
    private final String sheet;
    private final Map<String, FieldReader> readers = new LinkedHashMap<>();
    /** The sources of each {@code first_of} field, in turn. */
    private final Map<String, List<FieldReader>> firstOf = new LinkedHashMap<>();
    /** The source of a {@code first_of} field being read, to name its column if it rejects the row. */
    private FieldReader source;

    private final List<String> missingColumns = new ArrayList<>();
    private final List<int[]> skipColumns = new ArrayList<>();
    private final int fromColumn;
    /** Set by the first row that {@code skip.from} matches: every row from it to the end of the sheet is skipped. */
    private boolean dataEnded;

    private final int minHeaderMatches;
    private final ReportNumberParser reportNumbers;
    private final UnmappedLabels unmapped;

    public RowMapper(AgencyFileContext context, String sheet, Header header, UnmappedLabels unmapped) {
        this.context = context;
        this.header = header;
        this.sheet = sheet;
        this.unmapped = unmapped;
        AgencyConfig agency = context.agency();
        for (FieldSpec spec : agency.fields().values()) {
            readers.put(spec.field(), reader(spec, agency, header));
            if (!spec.firstOf().isEmpty()) {
                List<FieldReader> sources = new ArrayList<>();
                spec.firstOf().forEach(source -> sources.add(reader(source, agency, header)));
                firstOf.put(spec.field(), sources);
            }
        }
        for (SkipRules.Rule rule : agency.skip().when()) {
            int column = rule.column() == null ? -1 : header.find(List.of(ColumnNames.normalize(rule.column())));
            skipColumns.add(new int[] {column});
        }
        SkipRules.Rule from = agency.skip().from();
        this.fromColumn =
                from == null || from.column() == null ? -1 : header.find(List.of(ColumnNames.normalize(from.column())));
        if (from != null && from.column() != null && fromColumn < 0) {
            missingColumns.add("skip.from (column '" + from.column() + "')");
        }
        this.minHeaderMatches = Math.max(2, agency.header().minMatches());
        FieldSpec rn = agency.field("report_number");
        this.reportNumbers =
                rn == null ? new ReportNumberParser(null) : new ReportNumberParser(rn.split(), rn.digits());
    }

    /** The reader of a field or of one of its sources, at the column this sheet's header has for it. */
    private FieldReader reader(FieldSpec spec, AgencyConfig agency, Header header) {
        int column = -1;
        if (spec.position() != null) {
            column = spec.position();
        } else if (spec.column() != null) {
            column = header.find(normalized(spec.names()));
            if (column < 0) {
                missingColumns.add(spec.field() + " (column '" + spec.column() + "')");
            }
        }
        return new FieldReader(spec, agency.values(), column);
    }

    static List<String> normalized(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(ColumnNames.normalize(n));
        }
        return out;
    }

    /** Every configured column name, normalized: what the header locator looks for. */
    public static Set<String> wantedNames(AgencyConfig agency) {
        Set<String> out = new LinkedHashSet<>();
        for (FieldSpec spec : agency.fields().values()) {
            out.addAll(normalized(spec.names()));
        }
        return out;
    }

    /** Configured fields whose column this sheet's header does not have. */
    public List<String> missingColumns() {
        return missingColumns;
    }

    public boolean reportNumberFound() {
        FieldReader r = readers.get("report_number");
        return r != null && (r.column >= 0 || r.spec.constant() != null);
    }

    public RowResult map(RawRecord row) {
        SkipRules skip = context.agency().skip();
        // before the other rules: the end marker also counts if hidden, and what follows it is skipped as such
        if (dataEnded
                || fromColumn >= 0
                        && matches(skip.from(), row.cell(fromColumn).text().strip())) {
            dataEnded = true;
            return new RowResult.Skipped(RowResult.Skipped.SKIP_FROM);
        }
        if (row.hidden() && context.agency().sheets().skipHiddenRows()) {
            return new RowResult.Skipped(RowResult.Skipped.HIDDEN_ROW);
        }
        if (skip.blankRows() && row.isBlank()) {
            return new RowResult.Skipped(RowResult.Skipped.BLANK_ROW);
        }
        if (skip.repeatedHeader() && isRepeatedHeader(row)) {
            return new RowResult.Skipped(RowResult.Skipped.REPEATED_HEADER);
        }
        for (int i = 0; i < skip.when().size(); i++) {
            SkipRules.Rule rule = skip.when().get(i);
            int column = skipColumns.get(i)[0];
            if (column >= 0 && matches(rule, row.cell(column).text().strip())) {
                if (rule.reject() != null) {
                    return new RowResult.Rejected(new Reject(
                            new SourceRef(context.fileId(), sheet, row.rowNumber()),
                            rule.column(),
                            RejectReason.REJECTED_BY_RULE,
                            "skip.when[" + i + "] rejects it: " + rule.reject()));
                }
                return new RowResult.Skipped("skip.when[" + i + "]");
            }
        }
        FieldReader current = null;
        try {
            current = readers.get("report_number");
            List<String> numbers = reportNumbers.parse(current.cell(row));
            Observation o = new Observation();
            current = readers.get("received_date");
            o.receivedDate =
                    current == null ? null : current.date(cell(row, current)).orElse(null);
            current = readers.get("closed_date");
            o.closedDate =
                    current == null ? null : current.date(cell(row, current)).orElse(null);
            current = readers.get("subject_birth_date");
            o.birthDate =
                    current == null ? null : current.date(cell(row, current)).orElse(null);
            o.status = (Status) value(row, current = readers.get("status"), Status.UNKNOWN);
            o.outcome = (Outcome) value(row, current = readers.get("outcome"), Outcome.UNKNOWN);
            o.actionable = (YesNo) value(row, current = readers.get("actionable"), YesNo.UNKNOWN);
            current = readers.get("not_actionable_reason");
            o.notActionableReason = current == null ? null : (NotActionableReason) value(row, current, null);
            o.searchWarrant = (YesNo) value(row, current = readers.get("search_warrant"), YesNo.UNKNOWN);
            o.arrest = (YesNo) value(row, current = readers.get("arrest"), YesNo.UNKNOWN);
            o.charged = (YesNo) value(row, current = readers.get("charged"), YesNo.UNKNOWN);
            o.convicted = (Conviction) value(row, current = readers.get("convicted"), Conviction.UNKNOWN);
            o.victims = (VictimBand) value(row, current = readers.get("victims_identified"), VictimBand.UNKNOWN);
            current = readers.get("victim_count");
            if (current != null && o.victims == VictimBand.UNKNOWN) {
                o.victims = current.victimBand(cell(row, current));
            }
            o.ageBand = (AgeBand) value(row, current = readers.get("subject_age_band"), AgeBand.UNKNOWN);
            current = readers.get("subject_age");
            if (current != null && o.ageBand == AgeBand.UNKNOWN) {
                o.ageBand = current.ageBand(cell(row, current));
            }
            current = null;
            ReportMerge merge = context.merge();
            if (merge == null) {
                Derivations.apply(o);
                return new RowResult.Written(records(row, numbers, o));
            }
            Derivations.applyToMergedRow(o);
            List<String> keys = new ArrayList<>(numbers.size());
            for (String number : numbers) {
                keys.add(context.referralKeys().apply(number));
            }
            merge.add(keys, o, sheet, row.rowNumber());
            return MERGED;
        } catch (ValueRejected e) {
            FieldReader at = source != null ? source : current; // a first_of field: the source that rejected
            source = null;
            String column = at == null ? null : describe(at);
            if (e.reason() == RejectReason.UNMAPPED_LABEL && at != null) {
                unmapped.add(at.spec.field(), column, at.cell(row).text());
            }
            return new RowResult.Rejected(new Reject(
                    new SourceRef(context.fileId(), sheet, row.rowNumber()), column, e.reason(), e.getMessage()));
        }
    }

    private static String describe(FieldReader r) {
        if (r.spec.column() != null) {
            return r.spec.column();
        }
        return r.spec.position() != null ? "#" + r.spec.position() : r.spec.field();
    }

    private Enum<?> value(RawRecord row, FieldReader r, Enum<?> unknown) throws ValueRejected {
        if (r == null) {
            return unknown;
        }
        List<FieldReader> sources = firstOf.get(r.spec.field());
        if (sources == null) {
            return r.value(cell(row, r), unknown);
        }
        for (FieldReader s : sources) {
            CellValue c = cell(row, s); // its conditions may read other fields first
            source = s;
            Enum<?> v = s.value(c, unknown);
            source = null;
            if (v != null && v != unknown) {
                return v;
            }
        }
        return unknown;
    }

    /** The field's cell in this row, or a blank one where its {@code only_when} does not hold. */
    private CellValue cell(RawRecord row, FieldReader r) {
        List<FieldCondition> conditions = r.spec.onlyWhen();
        return conditions.isEmpty() || holds(row, conditions) ? r.cell(row) : CellValue.Blank.INSTANCE;
    }

    /**
     * Whether every condition holds in this row, each named field read as its own turn reads it (its own
     * {@code only_when} included: validate refuses a circle). A named field whose cell is rejected does not hold;
     * every configured field has its turn, so the row is then rejected anyway, naming that field.
     */
    private boolean holds(RawRecord row, List<FieldCondition> conditions) {
        for (FieldCondition c : conditions) {
            FieldReader r = readers.get(c.field());
            Enum<?> unknown = unknownValue(FieldCatalog.find(c.field()).orElseThrow());
            try {
                Enum<?> v = value(row, r, unknown);
                if (v == null || !c.values().contains(v)) { // null: an empty not_actionable_reason
                    return false;
                }
            } catch (ValueRejected e) {
                source = null; // a source of a first_of field that rejected here names no column of this row's reject
                return false;
            }
        }
        return true;
    }

    /** What a field without a value reads as: its UNKNOWN, or null (not_actionable_reason has none). */
    private static Enum<?> unknownValue(FieldCatalog.Entry entry) {
        for (Enum<?> e : entry.values().getEnumConstants()) {
            if (e.name().equals("UNKNOWN")) {
                return e;
            }
        }
        return null;
    }

    private static boolean matches(SkipRules.Rule rule, String text) {
        if (rule.equals() != null && text.equalsIgnoreCase(rule.equals().strip())) {
            return true;
        }
        return rule.matches() != null && rule.matches().matcher(text).find();
    }

    private boolean isRepeatedHeader(RawRecord row) {
        int same = 0;
        for (FieldReader r : readers.values()) {
            if (r.column >= 0 && r.spec.column() != null) {
                String text = ColumnNames.normalize(row.cell(r.column).text());
                if (!text.isEmpty()
                        && header.names().size() > r.column
                        && header.names().get(r.column).contains(text)) {
                    same++;
                }
            }
        }
        return same >= Math.min(minHeaderMatches, readers.size());
    }

    private List<FeedbackRecord> records(RawRecord row, List<String> numbers, Observation o) {
        List<FeedbackRecord> out = new ArrayList<>(numbers.size());
        for (String number : numbers) {
            out.add(o.record(context, context.referralKeys().apply(number), sheet, row.rowNumber()));
        }
        return out;
    }
}
