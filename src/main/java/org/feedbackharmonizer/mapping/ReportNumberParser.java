package org.feedbackharmonizer.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.feedbackharmonizer.config.FieldSpec;
import org.feedbackharmonizer.deidentify.OutputGuard;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.CellText;

/**
 * Reads the CyberTipline report number(s) of a cell as normalized report numbers: digits only, no leading zeros
 * (the form the referral key is made from, FEEDBACK_SCHEMA.md).
 *
 * <p>A cell is read in this order:
 *
 * <ol>
 *   <li>Digits in groups of three after a first group of one to three, all separated by commas
 *       ({@code 123,456,789}) or all by single spaces ({@code 123 456 789}), are one number written with thousands
 *       separators: the separators are removed <em>before</em> the cell is split. Split on them instead, the parts
 *       would be numbers of at most three digits, which are never report numbers, so this reading loses nothing.
 *   <li>A prefix just before a number is removed: {@code CT}, {@code CTR}, {@code NCMEC}, {@code TIP},
 *       {@code Report}, {@code No.}, {@code #} in any case and combination, each optionally followed by spaces,
 *       {@code :}, {@code .}, {@code -} or {@code #} ({@code CT-123}, {@code NCMEC Report #123}).
 *   <li>When a split regex is configured, the cell is split on it and empty parts are dropped.
 *   <li>Each part must then be digits only (a trailing {@code .0}, as a CSV export of a numeric column writes it,
 *       is allowed); any other letter or sign is {@link RejectReason#REPORT_NUMBER_INVALID}. Text in scientific
 *       notation ({@code 1.23457E+08}) is rejected: the export has already lost digits.
 *   <li>Leading zeros are removed; 5 to 12 digits must remain (CyberTipline numbers have 8 or 9 today), or as many
 *       as the agency's {@code digits:} says.
 *   <li>The same number twice in one cell is kept once, in first-seen order.
 * </ol>
 *
 * <p>One bad part rejects the whole cell: a row is never half-read.
 */
public final class ReportNumberParser {

    private static final Pattern GROUPED_THOUSANDS = Pattern.compile(
            "(?<!\\d)(?<!\\d,)\\d{1,3}(?:,\\d{3})+(?!\\d|,\\d)" + "|(?<!\\d)(?<!\\d )\\d{1,3}(?: \\d{3})+(?!\\d| \\d)");

    private static final Pattern PREFIXES =
            Pattern.compile("(?i)(?:(?:NCMEC|CTR|CT|TIP|REPORT|NO\\.?|#)[\\s:.#-]*)+(?=\\d)");

    private static final Pattern DIGITS = Pattern.compile("(\\d+)(?:\\.0+)?");

    private final Pattern split;
    private final FieldSpec.Digits digits;
    private final String invalidMessage;

    /**
     * @param splitRegex separates several report numbers in one cell, e.g. {@code [;,/\s]+}; null when a cell holds
     *     one number
     * @throws IllegalArgumentException when the regex does not compile
     */
    public ReportNumberParser(String splitRegex) {
        this(splitRegex, FieldSpec.Digits.DEFAULT);
    }

    /**
     * @param splitRegex as for {@link #ReportNumberParser(String)}
     * @param digits how many digits a number has, leading zeros not counted
     */
    public ReportNumberParser(String splitRegex, FieldSpec.Digits digits) {
        this.digits = java.util.Objects.requireNonNull(digits, "digits");
        this.invalidMessage = "not a report number: expected " + digits
                + " digits, optionally after CT, CTR, NCMEC, TIP, Report, No. or #";
        if (splitRegex == null || splitRegex.isEmpty()) {
            this.split = null;
        } else {
            try {
                this.split = Pattern.compile(splitRegex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("split is not a valid regex: " + e.getDescription(), e);
            }
        }
    }

    /** The split regex, or null. */
    public String splitRegex() {
        return split == null ? null : split.pattern();
    }

    /**
     * @return one or more normalized report numbers, distinct, in the order written
     * @throws ValueRejected {@link RejectReason#REPORT_NUMBER_MISSING} for a blank cell (or one holding only
     *     separators), {@link RejectReason#REPORT_NUMBER_INVALID} for anything else that is not report numbers,
     *     {@link RejectReason#CELL_ERROR} for a spreadsheet error cell
     */
    public List<String> parse(CellValue cell) throws ValueRejected {
        if (cell instanceof CellValue.Number n) {
            return List.of(fromNumber(n.value()));
        }
        if (cell instanceof CellValue.Error) {
            throw new ValueRejected(RejectReason.CELL_ERROR, "a spreadsheet error cell, not a report number");
        }
        if (cell instanceof CellValue.Date || cell instanceof CellValue.Bool) {
            throw invalid();
        }
        String text = CellText.clean(cell.text());
        if (text.isEmpty()) {
            throw missing();
        }
        if (OutputGuard.isAllDigits(text)
                && (split == null || !split.matcher(text).find())) {
            // what ungrouping, prefixes and splitting would leave of it unchanged: one number
            return List.of(normalize(text));
        }
        text = ungroup(text);
        text = PREFIXES.matcher(text).replaceAll("");
        List<String> parts = split == null ? List.of(text) : List.of(split.split(text, -1));
        Set<String> numbers = new LinkedHashSet<>();
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = DIGITS.matcher(p);
            if (!m.matches()) {
                throw invalid();
            }
            numbers.add(normalize(m.group(1)));
        }
        if (numbers.isEmpty()) {
            throw missing();
        }
        return List.copyOf(new ArrayList<>(numbers));
    }

    private String fromNumber(double value) throws ValueRejected {
        // A report number is a whole number; a double holds every integer of up to 15 digits exactly.
        if (Double.isNaN(value) || value < 0 || value != Math.rint(value) || value >= 1e15) {
            throw invalid();
        }
        return normalize(Long.toString((long) value));
    }

    private static String ungroup(String text) {
        Matcher m = GROUPED_THOUSANDS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().replace(",", "").replace(" ", ""));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String normalize(String text) throws ValueRejected {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '0') {
            i++;
        }
        String n = text.substring(i);
        if (n.length() < digits.min() || n.length() > digits.max()) {
            throw invalid();
        }
        return n;
    }

    private ValueRejected invalid() {
        return new ValueRejected(RejectReason.REPORT_NUMBER_INVALID, invalidMessage);
    }

    private static ValueRejected missing() {
        return new ValueRejected(RejectReason.REPORT_NUMBER_MISSING, "no report number in a required cell");
    }
}
