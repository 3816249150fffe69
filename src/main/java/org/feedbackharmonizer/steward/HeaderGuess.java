package org.feedbackharmonizer.steward;

import java.util.ArrayList;
import java.util.List;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.ingest.RawRecord;

/**
 * Where a sheet's header probably is, and why: the first row among the first rows of the sheet with the most
 * text cells that are not numbers or dates (title rows above have fewer), plus the row above or below it when
 * that one holds group cells over blanks (a two-row header).
 *
 * @param row 1-based first header row
 * @param rows 1, or 2 for a two-row header
 * @param names display name per column ("" for an unnamed column); for a two-row header "Group Sub"
 * @param reason why, in a sentence
 */
public record HeaderGuess(long row, int rows, List<String> names, String reason) {

    /** How many rows from the top of a sheet are searched. */
    public static final int SEARCH_ROWS = 50;

    /** The last header row. */
    public long lastRow() {
        return row + rows - 1;
    }

    /** The header among {@code top} (the sheet's first rows, in order), or null when no row looks like one. */
    public static HeaderGuess find(List<RawRecord> top) {
        int best = -1;
        int bestScore = 1; // a header has at least two named columns
        for (int i = 0; i < top.size(); i++) {
            int score = textCells(top.get(i));
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best < 0) {
            return null;
        }
        RawRecord header = top.get(best);
        String why = "row " + header.rowNumber() + " is the first with " + bestScore
                + " text cells that are not numbers or dates";
        int titles = 0;
        for (int i = 0; i < best; i++) {
            titles += top.get(i).isBlank() ? 0 : 1;
        }
        if (titles > 0) {
            why += "; " + titles + " title row(s) above it";
        }
        if (best + 1 < top.size()
                && top.get(best + 1).rowNumber() == header.rowNumber() + 1
                && groupsOver(header, top.get(best + 1))) {
            return new HeaderGuess(
                    header.rowNumber(),
                    2,
                    names(header, top.get(best + 1)),
                    why + "; row " + (header.rowNumber() + 1) + " holds sub-columns under a group cell of row "
                            + header.rowNumber() + " (two-row header)");
        }
        if (best > 0
                && top.get(best - 1).rowNumber() == header.rowNumber() - 1
                && groupsOver(top.get(best - 1), header)) {
            RawRecord group = top.get(best - 1);
            return new HeaderGuess(
                    group.rowNumber(),
                    2,
                    names(group, header),
                    why + "; row " + group.rowNumber() + " above it holds group cells over blanks (two-row header)");
        }
        return new HeaderGuess(header.rowNumber(), 1, names(null, header), why);
    }

    /** Non-blank cells that are plain text: not numbers, dates or yes/no words. */
    static int textCells(RawRecord r) {
        int n = 0;
        for (CellValue c : r.cells()) {
            if (!c.isBlank() && ValueKind.of(c) == ValueKind.TEXT) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether {@code upper} has a group cell over {@code lower}: a text cell followed by blanks in {@code upper}
     * with text under those blanks in {@code lower}, not spanning the whole width (that would be a title), and
     * {@code lower} holds no numbers or dates (it is not a data row).
     */
    static boolean groupsOver(RawRecord upper, RawRecord lower) {
        if (upper.isBlank() || lower.isBlank()) {
            return false;
        }
        for (CellValue c : lower.cells()) {
            if (!c.isBlank() && ValueKind.of(c) != ValueKind.TEXT) {
                return false;
            }
        }
        int width = Math.max(upper.cells().size(), lower.cells().size());
        for (int c = 0; c < width - 1; c++) {
            if (upper.cell(c).isBlank() || !upper.cell(c + 1).isBlank()) {
                continue;
            }
            int end = c + 1;
            while (end < width && upper.cell(end).isBlank()) {
                end++;
            }
            boolean spansAll = c == firstNonBlank(lower) && end >= width;
            if (!spansAll && !lower.cell(c + 1).isBlank() && !lower.cell(c).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static int firstNonBlank(RawRecord r) {
        for (int c = 0; c < r.cells().size(); c++) {
            if (!r.cell(c).isBlank()) {
                return c;
            }
        }
        return 0;
    }

    /** Column names as the header locator will know them: a group cell's text is carried right over blanks. */
    private static List<String> names(RawRecord group, RawRecord r) {
        int width = Math.max(r.cells().size(), group == null ? 0 : group.cells().size());
        List<String> out = new ArrayList<>(width);
        String carried = "";
        for (int c = 0; c < width; c++) {
            String sub = r.cell(c).text().strip();
            if (group == null) {
                out.add(sub);
                continue;
            }
            String g = group.cell(c).text().strip();
            if (!g.isEmpty()) {
                carried = g;
            } else if (sub.isEmpty()) {
                carried = "";
            }
            if (carried.isEmpty()) {
                out.add(sub);
            } else if (sub.isEmpty()) {
                out.add(carried);
            } else if (!g.isEmpty() || isGroup(group, c)) {
                out.add(carried + " " + sub);
            } else {
                out.add(sub);
            }
        }
        return out;
    }

    /** Whether column c of the group row is blank under a group cell that spans it. */
    private static boolean isGroup(RawRecord group, int c) {
        int start = c;
        while (start > 0 && group.cell(start).isBlank()) {
            start--;
        }
        return !group.cell(start).isBlank();
    }
}
