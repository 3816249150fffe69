package org.feedbackharmonizer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Which sheets, header and rows of an agency's files hold its data: {@code sheets:}, {@code header:} and {@code skip:}. */
final class RowRules {
    private RowRules() {}

    static SheetSelection sheets(YamlNode root) {
        if (!root.has("sheets")) {
            return SheetSelection.DEFAULT;
        }
        YamlNode s = root.child("sheets");
        String name = s.optionalString("name").orElse(null);
        Integer index = s.optionalInt("index", 0, 10_000).orElse(null);
        Pattern pattern = s.optionalPattern("pattern").orElse(null);
        int given = (name != null ? 1 : 0) + (index != null ? 1 : 0) + (pattern != null ? 1 : 0);
        if (given > 1) {
            s.problem(null, "give only one of name, index or pattern");
        }
        Pattern exclude = s.optionalPattern("exclude").orElse(null);
        boolean readHidden = s.optionalString("hidden")
                .map(v -> choice(s, "hidden", v, "read", "skip"))
                .orElse(false);
        boolean skipHiddenRows = s.optionalString("hidden_rows")
                .map(v -> choice(s, "hidden_rows", v, "skip", "read"))
                .orElse(false);
        s.reportUnknownKeys();
        return new SheetSelection(name, index, pattern, exclude, readHidden, skipHiddenRows);
    }

    private static boolean choice(YamlNode n, String key, String v, String yes, String no) {
        if (v.equalsIgnoreCase(yes)) {
            return true;
        }
        if (!v.equalsIgnoreCase(no)) {
            n.problem(key, "'" + v + "' must be " + yes + " or " + no);
        }
        return false;
    }

    static HeaderSpec header(YamlNode root) {
        if (!root.has("header")) {
            return new HeaderSpec(null, 2, 1, 50);
        }
        YamlNode h = root.child("header");
        Integer row = h.optionalInt("row", 1, 1_000_000).orElse(null);
        int minMatches = h.optionalInt("min_matches", 1, 100).orElse(2);
        int rows = h.optionalInt("rows", 1, 2).orElse(1);
        int search = h.optionalInt("search_rows", 1, 10_000).orElse(50);
        h.reportUnknownKeys();
        return new HeaderSpec(row, minMatches, rows, search);
    }

    static SkipRules skip(YamlNode root) {
        if (!root.has("skip")) {
            return new SkipRules(true, true, List.of(), null);
        }
        YamlNode s = root.child("skip");
        boolean blank = s.optionalBoolean("blank_rows").orElse(true);
        boolean repeated = s.optionalBoolean("repeated_header").orElse(true);
        List<SkipRules.Rule> rules = new ArrayList<>();
        for (YamlNode r : s.children("when")) {
            SkipRules.Rule rule = skipRule(r);
            String reject = r.optionalString("reject").orElse(null);
            if (reject != null && reject.isBlank()) {
                r.problem("reject", "says why the rows are rejected, e.g. reject: \"voided: entered in error\"");
            }
            r.reportUnknownKeys();
            rules.add(new SkipRules.Rule(rule.column(), rule.matches(), rule.equals(), reject));
        }
        SkipRules.Rule from = null;
        if (s.has("from")) {
            YamlNode r = s.child("from");
            from = skipRule(r);
            r.reportUnknownKeys();
            if (from.column() == null) {
                r.problem("column", "is required");
            }
        }
        s.reportUnknownKeys();
        return new SkipRules(blank, repeated, rules, from);
    }

    /** One rule of {@code skip.when}, or {@code skip.from}: a column and what its text matches or equals. */
    private static SkipRules.Rule skipRule(YamlNode r) {
        String column = r.optionalString("column").orElse(null);
        Pattern matches = r.optionalPattern("matches").orElse(null);
        String equals = r.optionalString("equals").orElse(null);
        if (matches == null && equals == null) {
            r.problem(null, "needs 'matches' (a regex) or 'equals'");
        }
        return new SkipRules.Rule(column, matches, equals);
    }
}
