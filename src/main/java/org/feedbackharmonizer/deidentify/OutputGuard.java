package org.feedbackharmonizer.deidentify;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The last check before an output file is published: scans it for anything that looks like a personal value
 * the schema forbids (FEEDBACK_SCHEMA.md, "What must never reach any output"). The mappings should make this
 * impossible; the guard is there for the day one of them does not. The first finding stops the whole
 * publish and names file, row and column, never the value.
 *
 * <p>The detectors are tuned not to fire on our own outputs: 32-hex referral keys and 16-hex file ids, ISO
 * dates in date columns, {@code YYYY-MM} months, enum labels ({@code UNDER_18}, {@code 18-24}, {@code 6+}),
 * integers, percentages and codes like {@code US-TX-ICAC-DALLAS}. Known gaps, accepted for that reason: phone
 * numbers written as a bare run of digits ({@code 2145550142}) or without an area code, dates written as
 * {@code yyyyMMdd}, and raw report numbers shorter than 5 digits.
 *
 * <p>Dates: in a CSV a full date (ISO, {@code MM/dd/yyyy}, {@code dd.MM.yyyy}, {@code 31 March 1990}, ...) is
 * allowed only in the columns named as date columns; anywhere else it may be a date of birth. In text files
 * (HTML, JSON, Prometheus) ISO {@code yyyy-MM-dd} dates are allowed (report dates, run dates) and every other
 * full date is flagged.
 */
public final class OutputGuard {

    /** What a finding looks like. */
    public enum Kind {
        EMAIL("an e-mail address"),
        PHONE("a phone number"),
        IPV4("an IPv4 address"),
        IPV6("an IPv6 address"),
        URL("a URL"),
        SSN("a US social security number"),
        DATE_OF_BIRTH("a date of birth (a full date outside a date column)"),
        REPORT_NUMBER("a raw CyberTipline report number from this run"),
        UNREADABLE("a file that cannot be scanned");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** URLs our own outputs contain: XML namespaces in inline SVG. */
    public static final Set<String> DEFAULT_ALLOWED_URL_PREFIXES = Set.of("http://www.w3.org/");

    private static final int MIN_REPORT_NUMBER_DIGITS = 5;
    private static final int MAX_CACHED_VALUE_LENGTH = 64;
    private static final int MAX_CACHED_VALUES_PER_COLUMN = 4096;

    // Local part and domain as in the RFCs' common subset; a literal '@' must be present (checked first).
    private static final Pattern EMAIL =
            Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])");
    private static final Pattern URL = Pattern.compile("(?i)(?<![\\w.-])(?:(?:https?|ftp)://|www\\.)[^\\s\"'<>]+");
    // Area numbers 000, 666 and 900-999, group 00 and serial 0000 are never issued.
    private static final Pattern SSN =
            Pattern.compile("(?<![\\w-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\w-])");
    // North American: (214) 555-0142, 214-555-0142, 214.555.0142, 214 555 0142, +1 214 555 0142, 1-214-555-0142.
    private static final Pattern PHONE_NANP = Pattern.compile("(?<![\\w+.-])(?:\\+?1[ .-]?)?"
            + "(?:\\(\\s?[2-9]\\d{2}\\s?\\)[ .-]?|[2-9]\\d{2}[ .-])[2-9]\\d{2}[ .-]\\d{4}(?![\\w-]|\\.\\d)");
    // International: a '+', then 8 to 15 digits (E.164) with spaces, hyphens or brackets; no dots, so that
    // "+12.5" and friends stay numbers.
    private static final Pattern PHONE_INTERNATIONAL = Pattern.compile("(?<![\\w+])\\+\\d[\\d ()-]{6,22}\\d(?!\\d)");
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    // Four octets, not part of a longer dotted run (1.2.3.4.5, v1.2.3.4, 4.2.18.Final).
    private static final Pattern IPV4 =
            Pattern.compile("(?<![\\w.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\w]|\\.\\w)");
    private static final String H = "[0-9a-fA-F]{1,4}";
    // Full and compressed forms. Hex keys have no colons; CSS "::before" fails the right-hand boundary.
    private static final Pattern IPV6 = Pattern.compile("(?<![\\w:.])(?:"
            + "(?:" + H + ":){7}" + H
            + "|(?:" + H + ":){1,7}:"
            + "|(?:" + H + ":){1,6}:" + H
            + "|(?:" + H + ":){1,5}(?::" + H + "){1,2}"
            + "|(?:" + H + ":){1,4}(?::" + H + "){1,3}"
            + "|(?:" + H + ":){1,3}(?::" + H + "){1,4}"
            + "|(?:" + H + ":){1,2}(?::" + H + "){1,5}"
            + "|" + H + ":(?::" + H + "){1,6}"
            + "|:(?::" + H + "){1,7}"
            + ")(?![\\w:])");
    private static final Pattern HEX_GROUP = Pattern.compile(H);
    private static final Pattern ISO_DATE =
            Pattern.compile("(?<![\\w-])((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
    private static final Pattern YMD_OTHER =
            Pattern.compile("(?<![\\w./-])((?:19|20)\\d{2})([/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d|[./]\\d)");
    // d/m/y or m/d/y with /, . or -: four-digit years; two-digit years only with '/' (4.2.18 is a version).
    private static final Pattern DMY = Pattern.compile("(?<![\\w./-])(\\d{1,2})(?:([/.-])(\\d{1,2})\\2((?:19|20)\\d{2})"
            + "|/(\\d{1,2})/(\\d{2}))(?![\\w]|[./-]\\d)");
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern NAMED_MONTH_DATE = Pattern.compile("(?i)(?<![\\w])(?:"
            + "(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?[ -]" + MONTH + "\\.?[ ,-]+(?:19|20)\\d{2}"
            + "|" + MONTH + "\\.?[ -](?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,?[ -](?:19|20)\\d{2}"
            + ")(?![\\w])");
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<!\\d)\\d{" + MIN_REPORT_NUMBER_DIGITS + ",}(?!\\d)");
    private static final Pattern GROUPED_DIGITS = Pattern.compile(
            "(?<!\\d)(?<!\\d[,.' \u00a0])\\d{1,3}([,.' \u00a0])\\d{3}(?:\\1\\d{3})*(?!\\d|[,.' \u00a0]\\d)");
    // Our own ids: 16-hex file ids, 32-hex referral keys, 64-hex SHA-256. Their digit runs are not numbers.
    private static final Pattern OWN_HEX_ID = Pattern.compile("[0-9a-f]{16}|[0-9a-f]{32}|[0-9a-f]{64}");
    private static final Pattern ESCAPE =
            Pattern.compile("&#(\\d{1,7});|&#[xX]([0-9a-fA-F]{1,6});|\\\\u([0-9a-fA-F]{4})");

    private enum DateRule {
        ALLOW_ALL,
        ALLOW_ISO,
        FLAG_ALL
    }

    private final long[] reportNumbers; // sorted
    private final Set<String> dateColumns;
    private final List<String> allowedUrlPrefixes;

    /**
     * A guard for a whole run: its report numbers as a set of longs, without a string per number. Numbers
     * shorter than 5 digits cannot be told from ordinary integers and are not looked for.
     *
     * @param dateColumns the columns the published tables declare as dates
     */
    public OutputGuard(SeenReportNumbers seen, Set<String> dateColumns) {
        this.reportNumbers = seen.sortedNumbers();
        this.dateColumns = Set.copyOf(dateColumns);
        this.allowedUrlPrefixes = DEFAULT_ALLOWED_URL_PREFIXES.stream()
                .map(p -> p.toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * Scans a UTF-8 CSV whose first record is the header. Rows are numbered as a spreadsheet shows them: the
     * header is row 1. The header is scanned too; a finding there is named by position ("#3"), since the
     * header cell itself is what looks personal.
     */
    public void scanCsv(Path file) throws OutputRejected {
        try (Reader reader = Files.newBufferedReader(file, UTF_8)) {
            scanCsv(nameOf(file), reader);
        } catch (CharacterCodingException e) {
            throw OutputRejected.unreadable(nameOf(file), "not valid UTF-8");
        } catch (IOException e) {
            throw OutputRejected.unreadable(nameOf(file), e.getClass().getSimpleName());
        }
    }

    /**
     * Scans a CSV as it is being written: the text the writer hands to the file, read here as it comes
     * (publish.TextPipe), so that the scan runs beside the export instead of after it.
     */
    public void scanCsv(String fileName, Reader text) throws OutputRejected {
        try (CSVParser parser = CSVFormat.RFC4180.parse(text)) {
            List<String> header = null;
            List<String> columns = new ArrayList<>();
            List<DateRule> dates = new ArrayList<>();
            List<Map<String, Boolean>> clean = new ArrayList<>();
            for (CSVRecord record : parser) {
                long row = record.getRecordNumber();
                if (header == null) {
                    header = new ArrayList<>();
                    for (int i = 0; i < record.size(); i++) {
                        String name = record.get(i);
                        if (i == 0 && name.startsWith("\uFEFF")) {
                            name = name.substring(1);
                        }
                        Optional<Kind> found = detect(name, DateRule.FLAG_ALL);
                        if (found.isPresent()) {
                            throw OutputRejected.inCsv(fileName, row, "#" + (i + 1), found.get());
                        }
                        header.add(name);
                    }
                    continue;
                }
                for (int i = 0; i < record.size(); i++) {
                    String value = record.get(i);
                    while (clean.size() <= i) {
                        int c = clean.size();
                        String column = c < header.size() && !header.get(c).isBlank() ? header.get(c) : "#" + (c + 1);
                        columns.add(column);
                        dates.add(dateColumns.contains(column) ? DateRule.ALLOW_ALL : DateRule.FLAG_ALL);
                        clean.add(new HashMap<>());
                    }
                    Optional<Kind> found = detect(value, dates.get(i), clean.get(i));
                    if (found.isPresent()) {
                        throw OutputRejected.inCsv(fileName, row, columns.get(i), found.get());
                    }
                }
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed input this way; its message may quote the text around the error.
            throw OutputRejected.unreadable(
                    fileName, e.getCause() instanceof CharacterCodingException ? "not valid UTF-8" : "not valid CSV");
        } catch (CharacterCodingException e) {
            throw OutputRejected.unreadable(fileName, "not valid UTF-8");
        } catch (IOException e) {
            throw OutputRejected.unreadable(fileName, e.getClass().getSimpleName());
        }
    }

    /**
     * Scans a UTF-8 text file (HTML, JSON, Prometheus metrics) line by line. HTML numeric character references
     * and JSON {@code \\uXXXX} escapes are decoded first, so {@code a&#64;b.org} is still an e-mail address.
     */
    public void scanText(Path file) throws OutputRejected {
        String fileName = nameOf(file);
        try (BufferedReader reader = Files.newBufferedReader(file, UTF_8)) {
            long lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                Optional<Kind> found = detect(unescape(line), DateRule.ALLOW_ISO);
                if (found.isPresent()) {
                    throw OutputRejected.inText(fileName, lineNumber, found.get());
                }
            }
        } catch (CharacterCodingException e) {
            throw OutputRejected.unreadable(fileName, "not valid UTF-8");
        } catch (IOException e) {
            throw OutputRejected.unreadable(fileName, e.getClass().getSimpleName());
        }
    }

    private static final OutputGuard WITHOUT_NUMBERS = new OutputGuard(new SeenReportNumbers(), Set.of());
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{5,}");

    /**
     * Whether a free text looks like it holds personal data (e-mail, phone, address-like numbers, IP, URL, SSN,
     * a full date, a long digit run that could be a report or case number). Used to withhold such labels from
     * steward outputs before they are ever stored.
     */
    public static boolean looksPersonal(String text) {
        return showsPersonalPattern(text)
                || (text != null && LONG_DIGIT_RUN.matcher(text).find());
    }

    /**
     * Whether a code shows one of the guard's patterns (e-mail, phone, IP, URL, SSN, a full date). Unlike {@link
     * #looksPersonal}, a digit run alone does not count: codes such as a county's FIPS number have one.
     */
    public static boolean showsPersonalPattern(String text) {
        return text != null && WITHOUT_NUMBERS.detect(text, DateRule.FLAG_ALL).isPresent();
    }

    private Optional<Kind> detect(String text, DateRule dates) {
        return detect(text, dates, null);
    }

    /**
     * @param knownClean values of one CSV column already found clean, or null outside a CSV column. Enum labels,
     *     dates and codes repeat on every row: a text the patterns must see is looked up there first and kept
     *     there when clean, so each is scanned once. Keys and row numbers are new on every row and take the fast
     *     paths before it: remembering them would only cost a hash and a miss per cell.
     */
    private Optional<Kind> detect(String text, DateRule dates, Map<String, Boolean> knownClean) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        // Fast paths for the two columns with a new value on every row (referral keys, row numbers): our own
        // hex ids hold nothing to find, and a bare digit run can only be a report number (the patterns below
        // all need separators).
        if (isOwnHexId(text)) {
            return Optional.empty();
        }
        if (isAllDigits(text)) {
            // The whole text is the only digit run there is (shorter than 5 digits it is none), and grouped
            // digits need a separator: so it is a report number or nothing, without the patterns.
            return hasReportNumbers() && isReportNumber(text) ? Optional.of(Kind.REPORT_NUMBER) : Optional.empty();
        }
        if (knownClean == null) {
            return detectByPatterns(text, dates);
        }
        if (knownClean.containsKey(text)) {
            return Optional.empty();
        }
        Optional<Kind> found = detectByPatterns(text, dates);
        if (found.isEmpty()
                && text.length() <= MAX_CACHED_VALUE_LENGTH
                && knownClean.size() < MAX_CACHED_VALUES_PER_COLUMN) {
            knownClean.put(text, Boolean.TRUE);
        }
        return found;
    }

    /** The patterns, for a text that is neither empty, one of our own hex ids nor digits only. */
    private Optional<Kind> detectByPatterns(String text, DateRule dates) {
        boolean digit = false;
        boolean at = false;
        boolean colon = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            digit |= ch >= '0' && ch <= '9';
            at |= ch == '@';
            colon |= ch == ':';
        }
        if (at && EMAIL.matcher(text).find()) {
            return Optional.of(Kind.EMAIL);
        }
        if ((colon || (text.indexOf('.') >= 0 && containsIgnoreCase(text, "www."))) && containsUrl(text)) {
            return Optional.of(Kind.URL);
        }
        if (!digit && !colon) {
            return Optional.empty();
        }
        if (digit && SSN.matcher(text).find()) {
            return Optional.of(Kind.SSN);
        }
        if (digit && (PHONE_NANP.matcher(text).find() || containsInternationalPhone(text))) {
            return Optional.of(Kind.PHONE);
        }
        if (digit && IPV4.matcher(text).find()) {
            return Optional.of(Kind.IPV4);
        }
        if (colon && containsIpv6(text)) {
            return Optional.of(Kind.IPV6);
        }
        if (digit && dates != DateRule.ALLOW_ALL && containsDate(text, dates == DateRule.ALLOW_ISO)) {
            return Optional.of(Kind.DATE_OF_BIRTH);
        }
        if (digit && containsReportNumber(text)) {
            return Optional.of(Kind.REPORT_NUMBER);
        }
        return Optional.empty();
    }

    private boolean containsUrl(String text) {
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group().toLowerCase(Locale.ROOT);
            if (allowedUrlPrefixes.stream().noneMatch(url::startsWith)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOwnHexId(String text) {
        int n = text.length();
        if (n != 16 && n != 32 && n != 64) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text is ASCII digits {@code 0}-{@code 9} only (the empty text is). Public for
     * mapping.ReportNumberParser, whose fast path for a plain report number asks the same question.
     */
    public static boolean isAllDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean containsInternationalPhone(String text) {
        if (text.indexOf('+') < 0) {
            return false;
        }
        Matcher m = PHONE_INTERNATIONAL.matcher(text);
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            if (digits >= 8 && digits <= 15) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIpv6(String text) {
        Matcher m = IPV6.matcher(text);
        while (m.find()) {
            // "::" or "::1" alone say nothing about anyone; an address has at least two groups.
            Matcher groups = HEX_GROUP.matcher(m.group());
            int count = 0;
            while (groups.find()) {
                count++;
            }
            if (count >= 2) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsDate(String text, boolean isoAllowed) {
        if (!isoAllowed) {
            Matcher iso = ISO_DATE.matcher(text);
            while (iso.find()) {
                if (validMonthDay(iso.group(2), iso.group(3))) {
                    return true;
                }
            }
        }
        Matcher ymd = YMD_OTHER.matcher(text);
        while (ymd.find()) {
            if (validMonthDay(ymd.group(3), ymd.group(4))) {
                return true;
            }
        }
        Matcher dmy = DMY.matcher(text);
        while (dmy.find()) {
            String second = dmy.group(3) != null ? dmy.group(3) : dmy.group(5);
            if (validMonthDay(dmy.group(1), second) || validMonthDay(second, dmy.group(1))) {
                return true;
            }
        }
        return NAMED_MONTH_DATE.matcher(text).find();
    }

    private static boolean validMonthDay(String month, String day) {
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        return m >= 1 && m <= 12 && d >= 1 && d <= 31;
    }

    private boolean hasReportNumbers() {
        return reportNumbers.length > 0;
    }

    private boolean containsReportNumber(String text) {
        if (!hasReportNumbers()) {
            return false;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            if (!insideOwnHexId(text, run.start(), run.end()) && isReportNumber(run.group())) {
                return true;
            }
        }
        Matcher grouped = GROUPED_DIGITS.matcher(text);
        while (grouped.find()) {
            if (isReportNumber(grouped.group().replaceAll("[^0-9]", ""))) {
                return true;
            }
        }
        return false;
    }

    private boolean isReportNumber(String digits) {
        String number = stripLeadingZeros(digits);
        if (number.length() < MIN_REPORT_NUMBER_DIGITS) {
            return false;
        }
        if (number.length() > 18) {
            return false; // normalized report numbers have at most 12 digits (SeenReportNumbers)
        }
        return Arrays.binarySearch(reportNumbers, Long.parseLong(number)) >= 0;
    }

    private static boolean insideOwnHexId(String text, int start, int end) {
        int from = start;
        int to = end;
        while (from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
            from--;
        }
        while (to < text.length() && Character.isLetterOrDigit(text.charAt(to))) {
            to++;
        }
        return (from != start || to != end)
                && OWN_HEX_ID.matcher(text).region(from, to).matches();
    }

    private static String unescape(String line) {
        if (line.indexOf('&') < 0 && line.indexOf('\\') < 0) {
            return line;
        }
        Matcher m = ESCAPE.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        while (m.find()) {
            int codePoint;
            if (m.group(1) != null) {
                codePoint = Integer.parseInt(m.group(1));
            } else {
                codePoint = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3), 16);
            }
            String replacement = Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean containsIgnoreCase(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part);
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static String nameOf(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
