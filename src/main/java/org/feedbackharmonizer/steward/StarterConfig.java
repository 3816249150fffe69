package org.feedbackharmonizer.steward;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedbackharmonizer.ingest.AsOfDates;
import org.feedbackharmonizer.ingest.FileFormat;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.DefaultLabels;

/**
 * Writes a first agency configuration (docs/config.md) for an inspected file: placeholders marked TODO for what
 * only the agreement can say, and for the columns it could name, the fields, value-map skeletons and vocabularies.
 * It is valid YAML as written; labels without a guess are left as comments for the steward.
 */
public final class StarterConfig {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern COMPACT_DATE = Pattern.compile("(?<!\\d)\\d{8}(?!\\d)");
    private static final Pattern YEAR_MONTH = Pattern.compile("(?<!\\d)\\d{4}-\\d{2}(?!-?\\d)");

    private final FileInspection inspection;
    private final StringBuilder out = new StringBuilder();

    private StarterConfig(FileInspection inspection) {
        this.inspection = inspection;
    }

    public static String write(FileInspection inspection) {
        return new StarterConfig(inspection).render();
    }

    private String render() {
        String fileName = inspection.file().getFileName().toString();
        SheetProfile sheet = inspection.mainSheet();
        LocalDate asOf = asOfFromName(fileName);
        if (asOf == null && sheet != null) {
            asOf = sheet.asOfInTitle();
        }
        int year = (asOf == null ? LocalDate.now() : asOf).getYear();
        line("# Starter configuration written by 'harmonizer inspect' from " + fileName + ".");
        line("# Replace every TODO, check every '# guess', save as config/agencies/<AGENCY>.yml, then run");
        line("# 'harmonizer validate' and 'harmonizer preview --agency <AGENCY> <file>'.");
        line("agency: TODO-AGENCY-CODE               # TODO: the agency code, as in the referral ledger");
        line("name: TODO agency name                 # TODO: free text for reports");
        line("jurisdiction: TODO-JURISDICTION        # TODO: e.g. US-TX-ICAC-DALLAS");
        line("");
        line("agreement:");
        line("  id: TODO-AGREEMENT-ID                # TODO: the data-sharing agreement");
        line("  effective: " + year + "-01-01                # TODO: when the agreement took effect");
        line("  cadence: monthly                     # TODO: weekly | monthly | quarterly | semiannual | annual");
        line("  permits: all                         # TODO: or the list of fields the agreement allows");
        line("");
        files(fileName, sheet);
        if (sheet == null) {
            line("# TODO: no header row was found in any visible sheet; set 'header.row' and the fields by hand.");
            line("fields:");
            line("  report_number: { column: TODO }");
            return out.toString();
        }
        if (inspection.format() == FileFormat.XLSX || inspection.format() == FileFormat.XLS) {
            line("");
            line("sheets:");
            line("  name: " + quote(sheet.name()));
            List<String> others = new ArrayList<>();
            for (SheetProfile s : inspection.sheets()) {
                if (s != sheet && !s.hidden() && s.header() != null) {
                    others.add(s.name());
                }
            }
            if (!others.isEmpty()) {
                line("  # TODO: other visible sheets with a header: " + String.join(", ", others)
                        + " (use 'pattern:' for one sheet per period, 'exclude:' for summaries)");
            }
        }
        line("");
        line("header:");
        line("  row: " + sheet.header().row() + "                             # "
                + sheet.header().reason());
        if (sheet.header().rows() == 2) {
            line("  rows: 2                            # a group cell over sub-columns: names are \"Group Sub\"");
        }
        List<FieldSynonyms.Match> matches = FieldSynonyms.match(sheet.columns());
        skip(matches);
        values(matches);
        fields(matches);
        unmatched(sheet, matches);
        return out.toString();
    }

    private void files(String fileName, SheetProfile sheet) {
        line("files:");
        var parent = inspection.file().toAbsolutePath().getParent();
        String folder = parent == null || parent.getFileName() == null
                ? ""
                : parent.getFileName().toString() + "/";
        line("  glob: " + quote(folder + glob(fileName)) + "   # relative to the input folder");
        line("  format: " + inspection.format().name().toLowerCase(Locale.ROOT));
        if (inspection.isText()) {
            line("  charset: " + inspection.charset().name() + "   # " + inspection.charsetNote());
            if (inspection.tsvQuotes()) {
                line(
                        "  quote: '\"'                       # cells start with a quote: one may hold tabs or line breaks");
            }
            if (inspection.format() == FileFormat.CSV && inspection.delimiter() != ',') {
                line("  delimiter: " + (inspection.delimiter() == '\t' ? "tab" : quote("" + inspection.delimiter())));
            }
        }
        String fromName = asOfRegex(fileName);
        boolean fromTitle = sheet != null && sheet.asOfInTitle() != null;
        if (fromName != null || fromTitle) {
            line("  as_of:");
            if (fromName != null) {
                line("    from_name: '" + fromName + "'   # guess: check it is the date the file reports on, not the"
                        + " day it was run");
            }
            if (fromTitle) {
                line("    from_title: '" + FileInspector.AS_OF_IN_TITLE.pattern() + "'   # found " + sheet.asOfInTitle()
                        + " in a title row");
            }
        } else {
            line("  # as_of: no date in the file name or title rows: the file's arrival date will be used");
        }
    }

    /** The file name with its digits (dates, periods) as wildcards: "dallas-2025-10-31.xlsx" -> "dallas-*.xlsx". */
    static String glob(String fileName) {
        return fileName.replaceAll("\\d[\\d_.-]*\\d|\\d", "*").replaceAll("\\*+", "*");
    }

    private static String asOfRegex(String fileName) {
        if (ISO_DATE.matcher(fileName).find()) {
            return "(\\d{4}-\\d{2}-\\d{2})";
        }
        Matcher m = COMPACT_DATE.matcher(fileName);
        if (m.find() && AsOfDates.parse(m.group(), List.of("yyyyMMdd")).isPresent()) {
            return "(\\d{8})";
        }
        if (YEAR_MONTH.matcher(fileName).find()) {
            return "(\\d{4}-\\d{2})";
        }
        return null;
    }

    static LocalDate asOfFromName(String fileName) {
        String regex = asOfRegex(fileName);
        if (regex == null) {
            return null;
        }
        Matcher m = Pattern.compile(regex).matcher(fileName);
        return m.find()
                ? AsOfDates.parse(m.group(1), List.of("yyyy-MM-dd", "yyyyMMdd", "yyyy-MM"))
                        .orElse(null)
                : null;
    }

    private void skip(List<FieldSynonyms.Match> matches) {
        for (FieldSynonyms.Match m : matches) {
            if (m.field().equals("report_number") && m.column().totalLines() > 0) {
                line("");
                line("skip:");
                line("  when:");
                line("    - column: " + quote(m.column().name()) + "   # "
                        + m.column().totalLines() + " line(s) start with Total or Sum");
                line("      matches: '" + ColumnProfile.TOTAL_REGEX + "'");
            }
        }
    }

    private static final Set<String> SPANISH_MONTHS = Set.of(
            "ene",
            "feb",
            "mar",
            "abr",
            "may",
            "jun",
            "jul",
            "ago",
            "sep",
            "sept",
            "set",
            "oct",
            "nov",
            "dic",
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre");

    private void values(List<FieldSynonyms.Match> matches) {
        Set<String> dates = new LinkedHashSet<>();
        Map<String, Long> foreignMonths = new TreeMap<>();
        Map<String, Long> yesNo = new LinkedHashMap<>();
        for (FieldSynonyms.Match m : matches) {
            String kind = kindOf(m.field());
            if (kind.equals("date")) {
                dates.addAll(m.column().datePatterns().keySet());
                m.column().foreignMonthWords().forEach((w, n) -> foreignMonths.merge(w, n, Long::sum));
            }
        }
        if (dates.stream().anyMatch(ValueKind.DAY_FIRST::contains)) {
            // some dates read only day first: the agency writes day first, and its 05/01/2025 is 5 January
            Set<String> dayFirst = new LinkedHashSet<>(ValueKind.DAY_FIRST);
            dates.removeIf(p -> p.startsWith("M") && p.contains("/"));
            dayFirst.addAll(dates);
            dates = dayFirst;
        }
        for (FieldSynonyms.Match m : matches) {
            String kind = kindOf(m.field());
            if (kind.equals("yes_no")) {
                m.column().labels().forEach((l, n) -> yesNo.merge(l, n, Long::sum));
            }
        }
        if (dates.isEmpty() && yesNo.isEmpty() && foreignMonths.isEmpty()) {
            return;
        }
        line("");
        line("values:");
        if (!dates.isEmpty()) {
            List<String> quoted = dates.stream().map(StarterConfig::quote).toList();
            line("  dates: [" + String.join(", ", quoted)
                    + "]   # text date styles seen (real date cells always work)");
        }
        if (!foreignMonths.isEmpty()) {
            // the words are shown only when they are known month names: a word in a date's place may be anything
            boolean spanish = SPANISH_MONTHS.containsAll(foreignMonths.keySet());
            long n = foreignMonths.values().stream().mapToLong(Long::longValue).sum();
            line("  # TODO: " + n + " text date(s) with month words that are not English"
                    + (spanish ? " (Spanish: " + counts(foreignMonths) + ")" : "")
                    + "; list the agency's twelve month names, January first, with a pattern such as dd-MMM-yyyy:");
            line("  # month_names: "
                    + (spanish ? "[ene, feb, mar, abr, may, jun, jul, ago, sep|sept, oct, nov, dic]" : "[...]"));
        }
        if (!yesNo.isEmpty()) {
            line("  # yes/no labels seen: " + counts(yesNo));
            // labels are read in any case, so "Yes", "yes" and "YES" are one label here
            Set<String> yes = new LinkedHashSet<>();
            Set<String> no = new LinkedHashSet<>();
            Set<String> unknown = new LinkedHashSet<>();
            // tick marks are yes, and then an X beside them is no (a ticked box against a crossed one)
            boolean ticks = yesNo.keySet().stream().map(CellText::label).anyMatch(ValueKind.CHECKMARKS::contains);
            if (ticks) {
                line("  # tick marks seen: they are yes, and X is taken for no");
            }
            for (String l : yesNo.keySet()) {
                String u = CellText.label(l);
                if (ValueKind.CHECKMARKS.contains(u)
                        || ValueKind.SPANISH_YES.contains(u)
                        || (!ticks && DefaultLabels.YES.contains(u))) {
                    yes.add(quote(u));
                } else if (DefaultLabels.NO.contains(u) || (ticks && u.equals("X"))) {
                    no.add(quote(u));
                } else if (DefaultLabels.UNKNOWN.contains(u)) {
                    unknown.add(quote(u));
                }
            }
            if (!yes.isEmpty()) {
                line("  yes: [" + String.join(", ", yes) + "]");
            }
            if (!no.isEmpty()) {
                line("  no: [" + String.join(", ", no) + "]");
            }
            if (!unknown.isEmpty()) {
                line("  unknown: [" + String.join(", ", unknown) + "]");
            }
        }
    }

    private void fields(List<FieldSynonyms.Match> matches) {
        line("");
        line("fields:");
        if (matches.stream().noneMatch(m -> m.field().equals("report_number"))) {
            line("  report_number: { column: TODO }   # TODO: no column looks like the CyberTipline report number");
        }
        for (FieldSynonyms.Match m : matches) {
            ColumnProfile c = m.column();
            String note = m.byValues() ? "   # guess: its values look like report numbers" : "";
            String kind = kindOf(m.field());
            if (kind.equals("enum")) {
                line("  " + m.field() + ":");
                line("    column: " + quote(c.name()));
                valueMap(m.field(), c);
            } else if (kind.equals("yes_no") && onlyMarks(c)) {
                line("  " + m.field() + ": { column: " + quote(c.name()) + ", yes: [X], no: [\"\"], blank: NO }"
                        + "   # guess: only X or blank");
            } else if (kind.equals("yes_no") && !c.labels().isEmpty() && !allYesNo(c)) {
                line("  " + m.field() + ":");
                line("    column: " + quote(c.name()));
                line("    # TODO: labels seen, list them under yes: / no: " + counts(c.labels()));
            } else {
                line("  " + m.field() + ": { column: " + quote(c.name()) + " }" + note);
            }
        }
    }

    private void valueMap(String field, ColumnProfile c) {
        if (c.labels().isEmpty()) {
            if (c.personal() || c.distinct() < 0) {
                line("    # TODO: more than " + ColumnProfile.MAX_LABELS + " distinct labels (free text): write"
                        + " /regex/ keys, furthest step first; 'harmonizer preview' lists what stays unmapped");
            }
            line("    # map: { \"label\": VALUE }   # TODO");
            return;
        }
        List<String> guessed = new ArrayList<>();
        List<String> open = new ArrayList<>();
        c.labels().forEach((label, n) -> {
            var g = LabelGuesses.guess(field, label);
            String rows = n + (n == 1 ? " row" : " rows");
            if (g.isPresent()) {
                guessed.add("      " + quote(label) + ": " + g.get() + "   # guess, " + rows);
            } else {
                open.add("      # " + quote(label) + ": TODO   # " + rows);
            }
        });
        line(guessed.isEmpty() ? "    # map:   # TODO: give each label its schema value" : "    map:");
        guessed.forEach(this::line);
        open.forEach(this::line);
        if (!open.isEmpty()) {
            line("    # otherwise: OTHER   # or leave it out: an unmapped label is then a reject");
        }
    }

    private static boolean onlyMarks(ColumnProfile c) {
        var labels = c.labels().keySet();
        return labels.size() == 1 && labels.iterator().next().equalsIgnoreCase("X") && c.fillRate() < 1.0;
    }

    private static boolean allYesNo(ColumnProfile c) {
        for (String l : c.labels().keySet()) {
            String u = CellText.label(l);
            if (!ValueKind.YES_LABELS.contains(u)
                    && !ValueKind.NO_LABELS.contains(u)
                    && !u.equals("1")
                    && !u.equals("0")) {
                return false;
            }
        }
        return true;
    }

    private void unmatched(SheetProfile sheet, List<FieldSynonyms.Match> matches) {
        List<String> rest = new ArrayList<>();
        for (ColumnProfile c : sheet.columns()) {
            if (matches.stream().noneMatch(m -> m.column() == c)) {
                String name = c.shownName().equals(c.name()) ? quote(c.name()) : c.shownName();
                rest.add("#   " + name + " (" + c.kind().label() + (c.personal() ? ", personal: leave unmapped" : "")
                        + ")");
            }
        }
        if (!rest.isEmpty()) {
            line("");
            line("# Columns not mapped (a column the configuration does not name is never read):");
            rest.forEach(this::line);
        }
    }

    private static String kindOf(String field) {
        if (FieldSynonyms.ENUM_FIELDS.contains(field)) {
            return "enum";
        }
        if (FieldSynonyms.YES_NO_FIELDS.contains(field)) {
            return "yes_no";
        }
        return switch (field) {
            case "received_date", "closed_date", "subject_birth_date" -> "date";
            default -> "other";
        };
    }

    private static String counts(Map<String, Long> labels) {
        List<String> parts = new ArrayList<>();
        labels.forEach((l, n) -> parts.add(l + " (" + n + ")"));
        return String.join(", ", parts);
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\x%02x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
