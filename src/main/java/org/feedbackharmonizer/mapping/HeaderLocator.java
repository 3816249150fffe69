package org.feedbackharmonizer.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.feedbackharmonizer.config.HeaderSpec;
import org.feedbackharmonizer.ingest.RawRecord;

/**
 * Finds the header of one sheet among its first rows: the given row, or the first row in which enough configured
 * column names appear. Rows above it are the preamble (title rows), kept as text for the file's as-of date.
 */
public final class HeaderLocator {
    private final HeaderSpec spec;
    private final Set<String> wanted;
    private final List<RawRecord> preamble = new ArrayList<>();
    private RawRecord upper;
    private String reason;
    private int offered;

    /** @param wantedNames the configured column names, already normalized */
    public HeaderLocator(HeaderSpec spec, Set<String> wantedNames) {
        this.spec = spec;
        this.wanted = wantedNames;
    }

    /** Offers the next row; returns the header once this row completes it. */
    public Optional<Header> offer(RawRecord r) {
        offered++;
        if (upper != null) {
            // The row under a two-row header's first row: sub-columns below their merged group cell.
            RawRecord group = upper;
            upper = null;
            return Optional.of(build(r, group, reason));
        }
        boolean first;
        if (spec.row() != null) {
            first = r.rowNumber() == spec.row();
            reason = "row " + r.rowNumber() + " is the configured header row";
        } else {
            int matches = r.isBlank() ? 0 : matches(build(r, null, null));
            int needed = Math.min(spec.minMatches(), wanted.size());
            first = matches >= needed && matches > 0;
            reason = "row " + r.rowNumber() + " is the first with " + matches + " of the " + wanted.size()
                    + " configured column names";
        }
        if (!first) {
            preamble.add(r);
            return Optional.empty();
        }
        if (spec.rows() == 2) {
            upper = r;
            return Optional.empty();
        }
        return Optional.of(build(r, null, reason));
    }

    /** Whether the search should give up: the header is not within the searched rows. */
    public boolean exhausted() {
        int limit = spec.row() != null ? (int) Math.min(Integer.MAX_VALUE, spec.row()) : spec.searchRows();
        return upper == null && offered >= limit;
    }

    public List<RawRecord> preamble() {
        return preamble;
    }

    /** How many wanted names a header row carries (each counted once). */
    public int matches(Header h) {
        Set<String> seen = new LinkedHashSet<>();
        for (List<String> col : h.names()) {
            for (String n : col) {
                if (wanted.contains(n)) {
                    seen.add(n);
                }
            }
        }
        return seen.size();
    }

    private Header build(RawRecord r, RawRecord group, String reason) {
        int width = Math.max(r.cells().size(), group == null ? 0 : group.cells().size());
        List<List<String>> names = new ArrayList<>(width);
        String carried = "";
        for (int c = 0; c < width; c++) {
            List<String> n = new ArrayList<>(3);
            String sub = r.cell(c).text().trim();
            if (group != null) {
                // A merged group cell keeps its text in its first column only: carry it right over the blanks.
                String g = group.cell(c).text().trim();
                if (!g.isEmpty()) {
                    carried = g;
                } else if (sub.isEmpty()) {
                    carried = "";
                }
                if (!carried.isEmpty()) {
                    n.add(ColumnNames.normalize(carried + " " + sub));
                    if (sub.isEmpty()) {
                        n.add(ColumnNames.normalize(carried));
                    }
                }
            }
            if (!sub.isEmpty()) {
                n.add(ColumnNames.normalize(sub));
            }
            names.add(n);
        }
        return new Header(r.rowNumber(), names, reason);
    }
}
