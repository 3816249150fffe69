package org.feedbackharmonizer.steward;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints an inspection for a steward. Privacy: a personal-looking column is described by its kind and fill rate
 * only; labels are listed only for low-cardinality coded columns; title rows are counted, never quoted.
 */
public final class InspectionReport {
    private InspectionReport() {}

    public static void print(FileInspection in, PrintWriter out) {
        out.println("file: " + in.file().getFileName());
        out.println("format: " + in.format().name().toLowerCase(Locale.ROOT) + " (from the "
                + in.formatSource().replace("--format", "--format option") + ")");
        if (in.isText()) {
            out.println("charset: " + in.charset().name() + " (" + in.charsetNote() + "), delimiter: "
                    + (in.delimiter() == '\t' ? "tab" : "'" + in.delimiter() + "'"));
        }
        out.println("sheets: " + in.sheets().size() + " (at most " + in.rowLimit() + " data rows read per sheet)");
        for (SheetProfile s : in.sheets()) {
            out.printf(
                    "  %-3d %-30s %-7s %s rows%n",
                    s.index(),
                    in.isText() ? "(text file)" : "'" + s.name() + "'",
                    s.hidden() ? "hidden" : "visible",
                    (s.truncated() ? "more than " : "") + s.rowsSeen());
        }
        for (SheetProfile s : in.sheets()) {
            out.println();
            String title = in.isText() ? "text file" : "sheet '" + s.name() + "'";
            if (s.header() == null) {
                out.println(title + ": no header found in the first " + HeaderGuess.SEARCH_ROWS
                        + " rows (no row with two or more text cells)");
                continue;
            }
            HeaderGuess h = s.header();
            out.println(title + ": header " + (h.rows() == 2 ? "rows " + h.row() + "-" + h.lastRow() : "row " + h.row())
                    + ": " + h.reason());
            if (s.titleRows() > 0) {
                out.println("  title rows: " + s.titleRows()
                        + (s.asOfInTitle() == null ? "" : "; as-of date in a title row: " + s.asOfInTitle()));
            }
            out.println("  data rows: " + s.dataRows() + (s.truncated() ? " (limit reached)" : "") + ", blank rows: "
                    + s.blankRows());
            List<FieldSynonyms.Match> matches = FieldSynonyms.match(s.columns());
            out.printf("  %-4s %-32s %-19s %6s %9s  %s%n", "COL", "NAME", "TYPE", "FILL", "DISTINCT", "FIELD");
            for (ColumnProfile c : s.columns()) {
                String field = matches.stream()
                        .filter(m -> m.column() == c)
                        .map(m -> m.field() + (m.byValues() ? " (by values)" : ""))
                        .findFirst()
                        .orElse(c.personal() ? "- (personal)" : "-");
                out.printf(
                        "  %-4d %-32s %-19s %5.0f%% %9s  %s%n",
                        c.index() + 1,
                        c.shownName(),
                        c.kind().label(),
                        100 * c.fillRate(),
                        c.distinct() < 0 ? ">" + ColumnProfile.MAX_LABELS : String.valueOf(c.distinct()),
                        field);
            }
            // Only a column taken for a schema field, or one of yes/no words, shows its labels: what a header
            // names no field for may be anything (an investigator's name, a unit), and the steward who maps it
            // sees its labels in preview.
            List<String> shown = new ArrayList<>();
            List<String> unshown = new ArrayList<>();
            for (ColumnProfile c : s.columns()) {
                if (!c.showsLabels()) {
                    continue;
                }
                if (c.kind() != ValueKind.YES_NO && matches.stream().noneMatch(m -> m.column() == c)) {
                    unshown.add(c.shownName());
                    continue;
                }
                List<String> parts = new ArrayList<>();
                c.labels().forEach((l, n) -> parts.add("\"" + l + "\" " + n));
                shown.add("    " + c.shownName() + ": " + String.join(", ", parts));
            }
            if (!shown.isEmpty()) {
                out.println("  labels of low-cardinality columns:");
                shown.forEach(out::println);
            }
            if (!unshown.isEmpty()) {
                out.println("  labels not shown (no schema field guessed; map the column and 'preview' lists them): "
                        + String.join(", ", unshown));
            }
            List<String> personal = s.columns().stream()
                    .filter(ColumnProfile::personal)
                    .map(ColumnProfile::shownName)
                    .toList();
            if (!personal.isEmpty()) {
                out.println("  personal-looking columns (values never shown): " + String.join(", ", personal));
            }
        }
        out.println("---");
        out.print(StarterConfig.write(in));
        out.flush();
    }
}
