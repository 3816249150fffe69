package org.feedbackharmonizer.samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.feedbackharmonizer.schema.AgeBand;
import org.feedbackharmonizer.schema.Outcome;
import org.feedbackharmonizer.schema.VictimBand;

/**
 * Writes {@code input-samples/} (a referral ledger and one folder per agency, each in that agency's own messy
 * layout) and the expectations in {@code src/test/resources/samples/}, all from one seeded set of referral
 * "truths". Expectations are computed from the truths and from what each layout carries, never by parsing the
 * files back, so a harmonizer that disagrees with them has a bug (or the config language has a gap).
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=org.feedbackharmonizer.samples.SampleGenerator
 * -Dexec.classpathScope=test -Dexec.args=.}
 */
public final class SampleGenerator {

    static final long SEED = 20251031L;
    static final LocalDate LEDGER_DATE = LocalDate.of(2025, 10, 31);
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    /** Every workbook and zip entry carries this time, so that reruns give the same bytes. */
    static final LocalDateTime FIXED_TIME = LocalDateTime.of(2025, 11, 1, 0, 0);

    static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.US);
    static final DateTimeFormatter DMY_SHORT = DateTimeFormatter.ofPattern("dd-MMM-yy", Locale.US);
    static final DateTimeFormatter MD = DateTimeFormatter.ofPattern("M/d", Locale.US);

    /** The agencies in the ledger. The last one has an agreement but never sent a file. */
    enum Agency {
        TX_DALLAS("TX-DALLAS", "US-TX-ICAC-DALLAS", "dallas", "214", "Dallas, TX 75201", 62),
        OH_ICAC("OH-ICAC", "US-OH", "ohio", "614", "Columbus, OH 43215", 55),
        FL_MIAMI("FL-MIAMI", "US-FL-ICAC-MIAMI", "miami", "305", "Miami, FL 33130", 55),
        WA_SEATTLE("WA-SEATTLE", "US-WA-ICAC-SEATTLE", "seattle", "206", "Seattle, WA 98104", 50),
        GA_GBI("GA-GBI", "US-GA", "gbi", "404", "Atlanta, GA 30303", 50),
        AZ_PHX("AZ-PHX", "US-AZ-ICAC-PHOENIX", "phoenix", "602", "Phoenix, AZ 85003", 45),
        NV_LVMPD("NV-LVMPD", "US-NV-ICAC-LASVEGAS", "lasvegas", "702", "Las Vegas, NV 89101", 35);

        final String code;
        final String jurisdiction;
        final String folder;
        final String areaCode;
        final String cityLine;
        final int referrals;

        Agency(String code, String jurisdiction, String folder, String areaCode, String cityLine, int referrals) {
            this.code = code;
            this.jurisdiction = jurisdiction;
            this.folder = folder;
            this.areaCode = areaCode;
            this.cityLine = cityLine;
            this.referrals = referrals;
        }
    }

    /** Made-up personal data of one subject, planted in the personal columns of every file. */
    record Person(
            String name,
            String email,
            String phone,
            String street,
            String address,
            String ip,
            String screenName,
            LocalDate dob,
            String officer,
            String caseNumber,
            String note) {}

    /** What really happened to one referral. Mutable only so that a merged pair can share one history. */
    static final class Truth {
        final Agency agency;
        final String number;
        boolean inLedger = true;
        /** False for referrals the agency never reports on: they make coverage fall below 100%. */
        boolean reported = true;

        LocalDate madeAvailable;
        LocalDate received;
        /** The day the final outcome was reached; before it the referral is still under investigation. */
        LocalDate decided;

        Outcome outcome;
        boolean closes;
        int victims;
        int age;
        Person person;

        Truth(Agency agency, String number) {
            this.agency = agency;
            this.number = number;
        }

        /** The referral as a file dated {@code asOf} knows it, or null when it was not received yet. */
        State asOf(LocalDate asOf) {
            if (received.isAfter(asOf)) {
                return null;
            }
            if (!decided.isAfter(asOf)) {
                return new State(outcome, closes, closes ? decided : null, victims, false);
            }
            return new State(Outcome.UNDER_INVESTIGATION, false, null, 0, true);
        }
    }

    /** A referral's state at one as-of date. */
    record State(Outcome outcome, boolean closed, LocalDate closedOn, int victims, boolean interim) {

        /** Whether the case reached search warrant (0), arrest (1), charged (2) or convicted (3). */
        boolean reached(int flag) {
            return outcome.isOrdered() && outcome.ordinal() >= Outcome.SEARCH_WARRANT_SERVED.ordinal() + flag;
        }

        boolean actionable() {
            return reason() == null;
        }

        String reason() {
            return switch (outcome) {
                case NO_ACTION_INSUFFICIENT_INFO -> "INSUFFICIENT_INFORMATION";
                case NO_ACTION_DATA_UNAVAILABLE -> "DATA_UNAVAILABLE";
                case NO_ACTION_NO_OFFENSE -> "NO_OFFENSE";
                case REFERRED_ELSEWHERE -> "OUTSIDE_JURISDICTION";
                default -> null;
            };
        }
    }

    /** What one agency's layout carries, which decides what a correct harmonizer can know. */
    record Traits(
            boolean outcomeColumn,
            boolean[] flagColumns,
            boolean convictedPending,
            boolean statusColumn,
            boolean closedColumn,
            boolean actionableColumn,
            boolean reasonColumn,
            boolean victimsColumn,
            Age age,
            boolean ageBandPermitted) {}

    enum Age {
        NONE,
        NUMBER,
        BIRTH_DATE
    }

    enum Kind {
        DATA,
        BLANK,
        TOTAL,
        HEADER
    }

    enum Bad {
        NONE(null),
        REPORT_PENDING("REPORT_NUMBER_INVALID"),
        BAD_DATE("BAD_DATE"),
        UNMAPPED("UNMAPPED_LABEL"),
        DATE_ORDER("DATE_ORDER");

        final String reason;

        Bad(String reason) {
            this.reason = reason;
        }
    }

    /** One physical row below the header of a generated file. */
    static final class Line {
        final Kind kind;
        final List<Truth> truths;
        final State state;
        Bad bad = Bad.NONE;

        Line(Kind kind, List<Truth> truths, State state) {
            this.kind = kind;
            this.truths = truths;
            this.state = state;
        }

        Truth truth() {
            return truths.get(0);
        }
    }

    /** A cell holding an Excel serial date as a plain, unformatted number (as some exports do). */
    record Serial(LocalDate date) {}

    private final Path input;
    private final Path resources;
    private final Random rnd = new Random(SEED);
    private final Map<Agency, List<Truth>> truths = new EnumMap<>(Agency.class);
    private final Set<String> personal = new TreeSet<>();
    private final List<List<String>> expectedRows = new ArrayList<>();
    private final List<List<String>> countRows = new ArrayList<>();
    private long nextNumber = 201_337_000L;
    private long nextOrphan = 199_880_100L;

    private SampleGenerator(Path root) {
        this.input = root.resolve("input-samples");
        this.resources = root.resolve("src/test/resources/samples");
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        new SampleGenerator(root).generate();
    }

    void generate() throws IOException {
        Files.createDirectories(resources);
        for (Agency a : Agency.values()) {
            Files.createDirectories(input.resolve(a.folder));
            truths.put(a, referrals(a));
        }
        mergeMiamiPair();
        writeLedger();
        dallas();
        ohio();
        miami();
        seattle();
        gbi();
        phoenix();
        Files.writeString(input.resolve(Agency.NV_LVMPD.folder).resolve(".gitkeep"), "");
        writeExpectations();
    }

    // ---------------------------------------------------------------- truths

    private List<Truth> referrals(Agency a) {
        List<Truth> list = new ArrayList<>();
        int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, LEDGER_DATE) + 1;
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < a.referrals; i++) {
            dates.add(FIRST_DAY.plusDays(rnd.nextInt(days)));
        }
        dates.sort(Comparator.naturalOrder());
        for (LocalDate d : dates) {
            nextNumber += 1 + rnd.nextInt(4_000);
            list.add(truth(a, Long.toString(nextNumber), d));
        }
        return list;
    }

    private Truth orphan(Agency a, LocalDate madeAvailable) {
        nextOrphan += 17 + rnd.nextInt(500);
        Truth t = truth(a, Long.toString(nextOrphan), madeAvailable);
        t.inLedger = false;
        return t;
    }

    private Truth truth(Agency a, String number, LocalDate madeAvailable) {
        Truth t = new Truth(a, number);
        t.madeAvailable = madeAvailable;
        t.received = madeAvailable.plusDays(rnd.nextInt(3));
        t.reported = rnd.nextInt(100) >= 12;
        t.outcome = pick(
                new Outcome[] {
                    Outcome.NO_ACTION_INSUFFICIENT_INFO,
                    Outcome.NO_ACTION_DATA_UNAVAILABLE,
                    Outcome.NO_ACTION_NO_OFFENSE,
                    Outcome.UNABLE_TO_IDENTIFY_SUBJECT,
                    Outcome.REFERRED_ELSEWHERE,
                    Outcome.UNDER_INVESTIGATION,
                    Outcome.SUBJECT_IDENTIFIED,
                    Outcome.SEARCH_WARRANT_SERVED,
                    Outcome.ARREST,
                    Outcome.CHARGED,
                    Outcome.CONVICTED
                },
                new int[] {8, 7, 9, 9, 8, 14, 8, 8, 11, 11, 7});
        int[] lag = switch (t.outcome) {
            case UNDER_INVESTIGATION -> new int[] {0, 1};
            case REFERRED_ELSEWHERE -> new int[] {3, 20};
            case NO_ACTION_INSUFFICIENT_INFO, NO_ACTION_NO_OFFENSE, NO_ACTION_DATA_UNAVAILABLE -> new int[] {10, 60};
            case CONVICTED -> new int[] {90, 200};
            default -> new int[] {20, 120};
        };
        t.decided = t.received.plusDays(lag[0] + rnd.nextInt(lag[1]));
        t.closes = switch (t.outcome) {
            case UNDER_INVESTIGATION, SUBJECT_IDENTIFIED, SEARCH_WARRANT_SERVED -> false;
            case ARREST, CHARGED -> rnd.nextBoolean();
            default -> true;
        };
        t.victims = t.outcome.ordinal() >= Outcome.SUBJECT_IDENTIFIED.ordinal()
                ? pick(new Integer[] {0, 1, 2, 3, 4, 7, 12}, new int[] {4, 5, 3, 2, 1, 1, 1})
                : 0;
        t.age = 15 + rnd.nextInt(55);
        t.person = person(a, t);
        return t;
    }

    /** Miami writes two referrals about one subject in a single row: the pair shares one history. */
    private void mergeMiamiPair() {
        List<Truth> list = truths.get(Agency.FL_MIAMI);
        Truth first = list.get(9);
        Truth second = list.get(10);
        first.reported = true;
        first.outcome = Outcome.ARREST;
        first.closes = false;
        first.decided = first.received.plusDays(40);
        second.reported = true;
        second.madeAvailable = first.madeAvailable;
        second.received = first.received;
        second.decided = first.decided;
        second.outcome = first.outcome;
        second.closes = first.closes;
        second.victims = first.victims;
        second.age = first.age;
        second.person = first.person;
    }

    private static final String[] FIRST = {
        "Jordan", "Casey", "Riley", "Morgan", "Taylor", "Avery", "Quinn", "Jamie", "Skyler", "Drew", "Parker", "Reese"
    };
    private static final String[] LAST = {"Example", "Sample", "Testcase", "Placeholder", "Demo", "Fictive", "Mockwell"
    };
    private static final String[] FIRST_ACCENTED = {"José", "Zoë", "François", "Íñigo", "Björn", "Renée", "Ana"};
    private static final String[] LAST_ACCENTED = {"Müller", "Ejemplo", "Muestra", "Beispiel", "Exemple", "Sample"};
    private static final String[] STREETS = {"Sample St", "Example Ave", "Placeholder Rd", "Fictional Blvd", "Demo Ct"};
    private static final String[] HANDLE_WORDS = {"pixel", "shadow", "gamer", "wolf", "nova", "echo", "byte"};

    private Person person(Agency a, Truth t) {
        boolean accented = a == Agency.FL_MIAMI && rnd.nextInt(3) == 0;
        String first = accented ? pickOne(FIRST_ACCENTED) : pickOne(FIRST);
        String last = accented ? pickOne(LAST_ACCENTED) : pickOne(LAST);
        String name = first + " " + last;
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String email = ascii.replace(' ', '.') + (10 + rnd.nextInt(90)) + "@"
                + pickOne(new String[] {"example.com", "example.org", "example.net"});
        String phone = a.areaCode + "-555-01" + String.format(Locale.ROOT, "%02d", rnd.nextInt(100));
        String street = (100 + rnd.nextInt(9900)) + " " + pickOne(STREETS);
        String ip = switch (rnd.nextInt(3)) {
            case 0 -> "198.51.100." + (1 + rnd.nextInt(254));
            case 1 -> "203.0.113." + (1 + rnd.nextInt(254));
            default -> "2001:db8::" + Integer.toHexString(0x100 + rnd.nextInt(0xfe00));
        };
        String handle = ascii.substring(0, ascii.indexOf(' ')) + "_" + pickOne(HANDLE_WORDS) + (10 + rnd.nextInt(90));
        LocalDate dob = t.received.minusYears(t.age).minusDays(1 + rnd.nextInt(360));
        String officer = "Det. " + pickOne(FIRST) + " " + pickOne(new String[] {"Officerson", "Badgely", "Caseworth"});
        String caseNumber = switch (a) {
            case TX_DALLAS -> "DPD-25-0" + (10000 + rnd.nextInt(89999));
            case OH_ICAC -> "OH-ICAC-2025-" + (1000 + rnd.nextInt(8999));
            case FL_MIAMI -> "MPD25-0" + (10000 + rnd.nextInt(89999));
            case WA_SEATTLE -> "SPD 2025-" + (100000 + rnd.nextInt(899999));
            case GA_GBI -> "CEACC-25-0" + (100 + rnd.nextInt(899));
            case AZ_PHX -> "PHX25-0" + (10000 + rnd.nextInt(89999));
            case NV_LVMPD -> "LV25-" + (10000 + rnd.nextInt(89999));
        };
        String note = switch (rnd.nextInt(4)) {
            case 0 -> "Subj " + name + " (" + handle + ") interviewed at " + street + ", phone " + phone + " confirmed";
            case 1 -> "ESP returned IP " + ip + "; subscriber " + name + ", " + email;
            case 2 -> "Knock-and-talk at " + street + "; " + name + " cooperative, devices previewed";
            default -> "Linked account " + handle + " to " + email + "; DOB " + dob.format(US);
        };
        if (a == Agency.FL_MIAMI && rnd.nextInt(4) == 0) {
            // Pasted from Word: curly quotes, which only survive in windows-1252 as 0x93/0x94/0x92.
            note = name + " said \u201cit wasn\u2019t me, it\u2019s my roommate\u201d at " + street;
        }
        return new Person(
                name, email, phone, street, street + ", " + a.cityLine, ip, handle, dob, officer, caseNumber, note);
    }

    private <T> T pick(T[] values, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int r = rnd.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException();
    }

    private String pickOne(String[] values) {
        return values[rnd.nextInt(values.length)];
    }

    // ---------------------------------------------------------------- ledger

    private void writeLedger() throws IOException {
        List<Truth> all = new ArrayList<>();
        truths.values().forEach(all::addAll);
        all.sort(Comparator.comparing((Truth t) -> t.madeAvailable).thenComparing(t -> t.number));
        Path file = input.resolve("ledger/referral-ledger-2025-10-31.csv");
        Files.createDirectories(file.getParent());
        try (CSVPrinter p = printer(file, StandardCharsets.UTF_8, ',', "\n", false)) {
            p.printRecord("CyberTipline Report Number", "Date Made Available", "Agency Code", "Jurisdiction");
            for (Truth t : all) {
                p.printRecord(t.number, t.madeAvailable.format(ISO), t.agency.code, t.agency.jurisdiction);
            }
        }
    }

    // ---------------------------------------------------------------- which rows a file holds

    /** Cumulative files: every referral received by the as-of date that the agency reports on. */
    private List<Line> cumulative(Agency a, LocalDate asOf) {
        List<Line> lines = new ArrayList<>();
        for (Truth t : truths.get(a)) {
            State s = t.asOf(asOf);
            if (t.reported && s != null) {
                lines.add(new Line(Kind.DATA, List.of(t), s));
            }
        }
        return lines;
    }

    /** Delta files: referrals new since the previous file, or whose state changed since then. */
    private List<Line> delta(Agency a, LocalDate previous, LocalDate asOf) {
        List<Line> lines = new ArrayList<>();
        for (Truth t : truths.get(a)) {
            State s = t.asOf(asOf);
            if (t.reported && s != null && !s.equals(t.asOf(previous))) {
                lines.add(new Line(Kind.DATA, List.of(t), s));
            }
        }
        return lines;
    }

    /** Marks a data row as deliberately bad, choosing one whose referral is in no earlier file. */
    private static void spoil(List<Line> lines, int from, Bad bad, LocalDate previousAsOf) {
        for (int i = from; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.kind == Kind.DATA
                    && l.bad == Bad.NONE
                    && l.truths.size() == 1
                    && (previousAsOf == null || l.truth().asOf(previousAsOf) == null)
                    && (bad != Bad.DATE_ORDER || l.state.closed())) {
                l.bad = bad;
                return;
            }
        }
        throw new IllegalStateException("no row to spoil with " + bad);
    }

    private static void insert(List<Line> lines, int at, Kind kind) {
        lines.add(Math.min(at, lines.size()), new Line(kind, List.of(), null));
    }

    private void addOrphan(List<Line> lines, Agency a, LocalDate madeAvailable, LocalDate asOf) {
        Truth t = orphan(a, madeAvailable);
        State s = t.asOf(asOf);
        lines.add(new Line(Kind.DATA, List.of(t), s));
        lines.sort(Comparator.comparing((Line l) -> l.kind == Kind.DATA ? l.truth().received : LocalDate.MAX));
    }

    // ---------------------------------------------------------------- TX-DALLAS: XLSX, title rows, two-row header

    private static final Traits DALLAS = new Traits(
            true, new boolean[] {true, true, true, false}, false, true, true, false, false, true, Age.NUMBER, true);

    private void dallas() throws IOException {
        Agency a = Agency.TX_DALLAS;
        LocalDate aug = LocalDate.of(2025, 8, 31);
        LocalDate oct = LocalDate.of(2025, 10, 31);
        List<Line> first = cumulative(a, aug);
        insert(first, 12, Kind.BLANK);
        dallasFile(a, "dallas-outcomes-2025-08-31.xlsx", aug, first);

        List<Line> second = cumulative(a, oct);
        spoil(second, 0, Bad.UNMAPPED, aug);
        insert(second, 20, Kind.BLANK);
        insert(second, 21, Kind.BLANK);
        dallasFile(a, "dallas-outcomes-2025-10-31.xlsx", oct, second);
    }

    private void dallasFile(Agency a, String name, LocalDate asOf, List<Line> lines) throws IOException {
        lines.add(new Line(Kind.BLANK, List.of(), null));
        lines.add(new Line(Kind.TOTAL, List.of(), null));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sh = wb.createSheet("Outcomes");
            CellStyle date = dateStyle(wb, "m/d/yyyy");
            cells(sh, 0, "Dallas PD ICAC \u2014 Monthly CyberTip Outcomes");
            cells(sh, 1, "Report as of " + asOf.format(US));
            String[] top = {
                "CyberTip #", "Date Rec'd", "Disposition", "Enforcement", "", "", "Case Status", "Date Closed",
                "# Victims ID'd", "Suspect Age", "Suspect Name", "DOB", "Email", "Phone", "Address", "IP Address",
                "Screen Name", "Investigator", "DPD Case #", "Notes"
            };
            String[] sub = new String[top.length];
            Arrays.fill(sub, "");
            sub[3] = "Warrant";
            sub[4] = "Arrest";
            sub[5] = "Charged";
            cells(sh, 3, (Object[]) top);
            cells(sh, 4, (Object[]) sub);
            sh.addMergedRegion(new CellRangeAddress(3, 3, 3, 5));
            for (int c = 0; c < top.length; c++) {
                if (c < 3 || c > 5) {
                    sh.addMergedRegion(new CellRangeAddress(3, 4, c, c));
                }
            }
            int r = 5;
            int data = 0;
            for (Line l : lines) {
                Object[] v;
                if (l.kind == Kind.DATA) {
                    data++;
                    Truth t = l.truth();
                    State s = l.state;
                    Person p = t.person;
                    String disposition = l.bad == Bad.UNMAPPED ? "See attached memo" : dallasDisposition(t, s);
                    v = new Object[] {
                        Long.parseLong(t.number),
                        t.received,
                        disposition,
                        s.reached(0),
                        s.reached(1),
                        s.reached(2),
                        s.closed() ? "Closed" : "Open",
                        s.closedOn(),
                        s.victims(),
                        t.age,
                        p(p.name()),
                        p.dob(),
                        p(p.email()),
                        p(p.phone()),
                        p(p.address()),
                        p(p.ip()),
                        p(p.screenName()),
                        p(p.officer()),
                        p(p.caseNumber()),
                        p(p.note())
                    };
                    plantDob(p.dob(), US);
                } else if (l.kind == Kind.TOTAL) {
                    v = new Object[] {"Total", null, data + " referrals"};
                } else {
                    v = new Object[0];
                }
                Row row = cells(sh, r++, v);
                for (int c : new int[] {1, 7, 11}) {
                    Cell cell = row.getCell(c);
                    if (cell != null) {
                        cell.setCellStyle(date);
                    }
                }
            }
            save(wb, a, name);
        }
        account(a, name, "Outcomes", asOf, lines, DALLAS);
    }

    private String dallasDisposition(Truth t, State s) {
        String day = t.decided.format(MD);
        return switch (s.outcome()) {
            case NO_ACTION_INSUFFICIENT_INFO ->
                pickOne(new String[] {"Insufficient info - closed", "Not enough info to proceed"});
            case NO_ACTION_DATA_UNAVAILABLE ->
                pickOne(new String[] {"IP data expired/not returned", "ESP data not returned"});
            case NO_ACTION_NO_OFFENSE -> pickOne(new String[] {"No crime - adult content", "No crime - anime/drawn"});
            case UNABLE_TO_IDENTIFY_SUBJECT -> "UTC - unable to ID subj";
            case REFERRED_ELSEWHERE ->
                pickOne(new String[] {"Referred to HSI", "Referred to FBI", "Referred out of state - OK"});
            case UNDER_INVESTIGATION -> pickOne(new String[] {"Under investigation", "Open - pending subpoena"});
            case SUBJECT_IDENTIFIED -> "Subject ID'd - interview pending";
            case SEARCH_WARRANT_SERVED -> "SW served " + day;
            case ARREST -> "Arrested " + day;
            case CHARGED -> "Arrested " + day + " - charges filed";
            case CONVICTED -> "Convicted - plea " + day;
            default -> throw new IllegalStateException();
        };
    }

    // ---------------------------------------------------------------- OH-ICAC: XLSX, one sheet per month

    private static final Traits OHIO = new Traits(
            true, new boolean[] {true, true, true, true}, true, true, true, true, true, true, Age.NUMBER, true);

    private static final String[] OHIO_HEADER = {
        "Report #",
        "Received",
        "Result",
        "Status",
        "Closed",
        "Search Warrant",
        "Arrest",
        "Charged",
        "Convicted",
        "Actionable",
        "Reason Not Actionable",
        "Victims",
        "Suspect Age",
        "Suspect",
        "Suspect DOB",
        "Email",
        "Phone",
        "Address",
        "IP",
        "Screen Name",
        "Detective",
        "Agency Case #",
        "Narrative"
    };

    private void ohio() throws IOException {
        Agency a = Agency.OH_ICAC;
        LocalDate asOf = LocalDate.of(2025, 9, 30);
        String name = "OH-ICAC_CyberTip_Feedback_2025-09.xlsx";
        List<Line> all = cumulative(a, asOf);
        addOrphan(all, a, LocalDate.of(2025, 4, 14), asOf);
        addOrphan(all, a, LocalDate.of(2025, 7, 2), asOf);
        Map<YearMonth, List<Line>> byMonth = new TreeMap<>();
        for (Line l : all) {
            byMonth.computeIfAbsent(YearMonth.from(l.truth().received), m -> new ArrayList<>())
                    .add(l);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            // The Summary sheet comes first, so "the first visible sheet" is the wrong default here.
            Sheet summary = wb.createSheet("Summary");
            cells(summary, 0, "Month", "Referrals Worked", "Arrests");
            int r = 1;
            for (var e : byMonth.entrySet()) {
                long arrests =
                        e.getValue().stream().filter(l -> l.state.reached(1)).count();
                cells(summary, r++, sheetName(e.getKey()), e.getValue().size(), arrests);
            }
            cells(summary, r, "Total", all.size(), null);
            for (var e : byMonth.entrySet()) {
                List<Line> lines = e.getValue();
                String sheetName = sheetName(e.getKey());
                if (e.getKey().getMonthValue() == 6) {
                    insert(lines, 3, Kind.HEADER); // pasted in from another export
                }
                lines.add(new Line(Kind.BLANK, List.of(), null));
                ohioSheet(wb.createSheet(sheetName), lines);
                account(a, name, sheetName, asOf, lines, OHIO);
                if (e.getKey().getMonthValue() == 3) {
                    // A stale copy the analyst hid instead of deleting; reading it would double March.
                    Sheet old = wb.createSheet(sheetName + " (old)");
                    List<Line> stale = new ArrayList<>();
                    for (Line l : lines) {
                        if (l.kind == Kind.DATA) {
                            stale.add(new Line(Kind.DATA, l.truths, l.truth().asOf(l.truth().received)));
                        }
                    }
                    ohioSheet(old, stale);
                    wb.setSheetHidden(wb.getSheetIndex(old), true);
                    countRows.add(List.of(
                            path(a, name),
                            old.getSheetName(),
                            asOf.toString(),
                            "false",
                            "0",
                            "0",
                            "0",
                            "0",
                            "0",
                            "0",
                            "hidden sheet: not read"));
                }
            }
            countRows.add(List.of(
                    path(a, name),
                    "Summary",
                    asOf.toString(),
                    "false",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "0",
                    "summary sheet: excluded"));
            save(wb, a, name);
        }
    }

    private static String sheetName(YearMonth m) {
        return m.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.US));
    }

    private void ohioSheet(Sheet sh, List<Line> lines) {
        cells(sh, 0, (Object[]) OHIO_HEADER);
        int r = 1;
        for (Line l : lines) {
            Object[] v;
            if (l.kind == Kind.DATA) {
                Truth t = l.truth();
                State s = l.state;
                Person p = t.person;
                String convicted =
                        s.reached(3) ? "Yes" : s.outcome() == Outcome.CHARGED && !s.closed() ? "Pending" : "No";
                v = new Object[] {
                    "CT-" + t.number,
                    new Serial(t.received),
                    ohioResult(s.outcome()),
                    s.closed() ? "Closed" : "Open",
                    s.closedOn() == null ? null : s.closedOn().format(ISO),
                    yesNo(s.reached(0)),
                    yesNo(s.reached(1)),
                    yesNo(s.reached(2)),
                    convicted,
                    yesNo(s.actionable()),
                    ohioReason(s.reason()),
                    s.victims(),
                    t.age,
                    p(p.name()),
                    p(p.dob().format(US)),
                    p(p.email()),
                    p(p.phone()),
                    p(p.address()),
                    p(p.ip()),
                    p(p.screenName()),
                    p(p.officer()),
                    p(p.caseNumber()),
                    p(p.note())
                };
            } else if (l.kind == Kind.HEADER) {
                v = OHIO_HEADER;
            } else {
                v = new Object[0];
            }
            cells(sh, r++, v);
        }
    }

    private static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }

    private static String ohioResult(Outcome o) {
        return switch (o) {
            case NO_ACTION_INSUFFICIENT_INFO -> "Insufficient Info";
            case NO_ACTION_DATA_UNAVAILABLE -> "Data Expired";
            case NO_ACTION_NO_OFFENSE -> "No Offense";
            case UNABLE_TO_IDENTIFY_SUBJECT -> "UTC";
            case REFERRED_ELSEWHERE -> "Referred";
            case UNDER_INVESTIGATION -> "Open Investigation";
            case SUBJECT_IDENTIFIED -> "Subject Identified";
            case SEARCH_WARRANT_SERVED -> "Search Warrant";
            case ARREST -> "Arrest";
            case CHARGED -> "Charged";
            case CONVICTED -> "Convicted";
            default -> throw new IllegalStateException();
        };
    }

    private static String ohioReason(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "INSUFFICIENT_INFORMATION" -> "Insufficient Info";
            case "DATA_UNAVAILABLE" -> "Records Expired";
            case "NO_OFFENSE" -> "Not a Crime";
            case "OUTSIDE_JURISDICTION" -> "Out of Jurisdiction";
            default -> throw new IllegalStateException();
        };
    }

    // ---------------------------------------------------------------- FL-MIAMI: pipe-delimited windows-1252

    private static final Traits MIAMI = new Traits(
            true,
            new boolean[] {false, true, true, false},
            false,
            true,
            true,
            false,
            false,
            false,
            Age.BIRTH_DATE,
            true);

    private void miami() throws IOException {
        Agency a = Agency.FL_MIAMI;
        LocalDate jun = LocalDate.of(2025, 6, 30);
        LocalDate sep = LocalDate.of(2025, 9, 30);
        List<Line> first = cumulative(a, jun);
        mergePair(first);
        miamiFile(a, "miami-feedback-20250630.csv", jun, first);
        List<Line> second = delta(a, jun, sep);
        mergePair(second);
        spoil(second, 4, Bad.BAD_DATE, jun);
        addOrphan(second, a, LocalDate.of(2025, 8, 19), sep);
        miamiFile(a, "miami-feedback-20250930.csv", sep, second);
    }

    /** Folds the shared-history pair into one line whose report number cell holds both numbers. */
    private void mergePair(List<Line> lines) {
        List<Truth> list = truths.get(Agency.FL_MIAMI);
        Truth first = list.get(9);
        Truth second = list.get(10);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind == Kind.DATA && lines.get(i).truth() == first) {
                lines.set(i, new Line(Kind.DATA, List.of(first, second), lines.get(i).state));
            }
        }
        lines.removeIf(l -> l.kind == Kind.DATA && l.truth() == second);
    }

    private void miamiFile(Agency a, String name, LocalDate asOf, List<Line> lines) throws IOException {
        Path file = input.resolve(a.folder).resolve(name);
        try (CSVPrinter out = printer(file, Charset.forName("windows-1252"), '|', "\r\n", false)) {
            out.printRecord(
                    "CYBERTIP NO",
                    "DATE ASSIGNED",
                    "DISPOSITION",
                    "STATUS",
                    "CLOSED DATE",
                    "ARREST Y/N",
                    "CHARGED Y/N",
                    "SUBJECT NAME",
                    "SUBJ DOB",
                    "EMAIL",
                    "PHONE",
                    "HOME ADDRESS",
                    "IP ADDR",
                    "USERNAME",
                    "DETECTIVE",
                    "MPD CASE #",
                    "CASE NOTES");
            for (Line l : lines) {
                Truth t = l.truth();
                State s = l.state;
                Person p = t.person;
                String number = String.join(
                        "; ", l.truths.stream().map(x -> hashGrouped(x.number)).toList());
                String received = t.received.format(US);
                if (l.bad == Bad.BAD_DATE) {
                    received = received.substring(0, 6) + "2O" + received.substring(8); // letter O typed for zero
                }
                out.printRecord(
                        number,
                        received,
                        miamiDisposition(s.outcome()),
                        s.closed() ? "CLOSED" : "ACTIVE",
                        s.closedOn() == null ? "" : s.closedOn().format(US),
                        s.reached(1) ? "Y" : "N",
                        s.reached(2) ? "Y" : "N",
                        p(p.name()),
                        p(p.dob().format(US)),
                        p(p.email()),
                        p(p.phone()),
                        p(p.address()),
                        p(p.ip()),
                        p(p.screenName()),
                        p(p.officer()),
                        p(p.caseNumber()),
                        p(p.note()));
            }
        }
        account(a, name, "", asOf, lines, MIAMI);
    }

    private static String hashGrouped(String number) {
        return "#" + String.format(Locale.US, "%,d", Long.parseLong(number));
    }

    private static String miamiDisposition(Outcome o) {
        return switch (o) {
            case NO_ACTION_INSUFFICIENT_INFO -> "Closed - insufficient info in report";
            case NO_ACTION_DATA_UNAVAILABLE -> "ESP records expired/not returned";
            case NO_ACTION_NO_OFFENSE -> "Unfounded - no crime (adult)";
            case UNABLE_TO_IDENTIFY_SUBJECT -> "Unable to ID suspect";
            case REFERRED_ELSEWHERE -> "Referred to HSI";
            case UNDER_INVESTIGATION -> "Active investigation";
            case SUBJECT_IDENTIFIED -> "Suspect identified - pending interview";
            case SEARCH_WARRANT_SERVED -> "Search warrant executed";
            case ARREST -> "Arrest - booked TGK";
            case CHARGED -> "Charged - SAO filed";
            case CONVICTED -> "Convicted - sentenced";
            default -> throw new IllegalStateException();
        };
    }

    // ---------------------------------------------------------------- WA-SEATTLE: TSV, flags only, stopped in July

    private static final Traits SEATTLE = new Traits(
            false,
            new boolean[] {true, true, true, true},
            false,
            true,
            true,
            false,
            false,
            false,
            Age.BIRTH_DATE,
            true);

    private void seattle() throws IOException {
        Agency a = Agency.WA_SEATTLE;
        LocalDate apr = LocalDate.of(2025, 4, 30);
        LocalDate jul = LocalDate.of(2025, 7, 31);
        seattleFile(a, "seattle-icac-2025-04.tsv", apr, cumulative(a, apr));
        List<Line> second = cumulative(a, jul);
        addOrphan(second, a, LocalDate.of(2025, 6, 3), jul);
        seattleFile(a, "seattle-icac-2025-07.tsv", jul, second);
    }

    private void seattleFile(Agency a, String name, LocalDate asOf, List<Line> lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(
                        "\t",
                        "RptNum",
                        "Recvd",
                        "Status",
                        "Closed",
                        "Warrant",
                        "Arrest",
                        "Charged",
                        "Convicted",
                        "Suspect",
                        "DOB",
                        "Email",
                        "Phone",
                        "Address",
                        "IP",
                        "Handle",
                        "Det",
                        "SPD Case",
                        "Comments"))
                .append('\n');
        for (Line l : lines) {
            Truth t = l.truth();
            State s = l.state;
            Person p = t.person;
            sb.append(String.join(
                            "\t",
                            t.number,
                            t.received.format(DMY_SHORT),
                            s.closed() ? "Closed" : "Open",
                            s.closedOn() == null ? "" : s.closedOn().format(DMY_SHORT),
                            x(s.reached(0)),
                            x(s.reached(1)),
                            x(s.reached(2)),
                            x(s.reached(3)),
                            p(p.name()),
                            p(p.dob().format(US)),
                            p(p.email()),
                            p(p.phone()),
                            p(p.address()),
                            p(p.ip()),
                            p(p.screenName()),
                            p(p.officer()),
                            p(p.caseNumber()),
                            p(p.note())))
                    .append('\n');
        }
        Files.writeString(input.resolve(a.folder).resolve(name), sb, StandardCharsets.UTF_8);
        account(a, name, "", asOf, lines, SEATTLE);
    }

    private static String x(boolean b) {
        return b ? "X" : "";
    }

    // ---------------------------------------------------------------- GA-GBI: legacy XLS, codes, 1/0, yyyyMMdd

    private static final Traits GBI = new Traits(
            true,
            new boolean[] {false, true, true, false},
            false,
            false,
            true,
            false,
            true,
            true,
            Age.BIRTH_DATE,
            true);

    private void gbi() throws IOException {
        Agency a = Agency.GA_GBI;
        LocalDate q2 = LocalDate.of(2025, 6, 30);
        LocalDate q3 = LocalDate.of(2025, 9, 30);
        List<Line> first = cumulative(a, q2);
        addOrphan(first, a, LocalDate.of(2025, 5, 6), q2);
        gbiFile(a, "GBI_CEACC_Outcomes_Q2-2025.xls", q2, first);
        List<Line> second = delta(a, q2, q3);
        spoil(second, 2, Bad.DATE_ORDER, q2);
        gbiFile(a, "GBI_CEACC_Outcomes_Q3-2025.xls", q3, second);
    }

    private void gbiFile(Agency a, String name, LocalDate asOf, List<Line> lines) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createInformationProperties();
            wb.getSummaryInformation().setCreateDateTime(Date.from(FIXED_TIME.toInstant(ZoneOffset.UTC)));
            Sheet sh = wb.createSheet("CyberTips");
            cells(sh, 0, "Georgia Bureau of Investigation");
            cells(sh, 1, "Child Exploitation and Computer Crimes Unit - CyberTip Outcomes");
            cells(sh, 2, "as of " + asOf.format(ISO));
            cells(
                    sh,
                    4,
                    "CT Report",
                    "Date Recv",
                    "Disp Code",
                    "Arrested",
                    "Charged",
                    "Date Closed",
                    "NA Reason",
                    "Victims",
                    "Subject",
                    "Subject DOB",
                    "E-mail",
                    "Phone #",
                    "Address",
                    "IP",
                    "Online ID",
                    "Agent",
                    "GBI Case",
                    "Synopsis");
            int r = 5;
            for (Line l : lines) {
                Truth t = l.truth();
                State s = l.state;
                Person p = t.person;
                LocalDate closed = l.bad == Bad.DATE_ORDER ? t.received.minusDays(3) : s.closedOn();
                cells(
                        sh,
                        r++,
                        Long.parseLong(t.number),
                        t.received.format(COMPACT),
                        gbiCode(s.outcome()),
                        s.reached(1) ? 1 : 0,
                        s.reached(2) ? 1 : 0,
                        closed == null ? null : closed.format(COMPACT),
                        gbiReason(s.reason()),
                        s.victims(),
                        p(p.name()),
                        p(p.dob().format(COMPACT)),
                        p(p.email()),
                        p(p.phone()),
                        p(p.address()),
                        p(p.ip()),
                        p(p.screenName()),
                        p(p.officer()),
                        p(p.caseNumber()),
                        p(p.note()));
            }
            save(wb, a, name);
        }
        account(a, name, "CyberTips", asOf, lines, GBI);
    }

    private static String gbiCode(Outcome o) {
        return switch (o) {
            case NO_ACTION_INSUFFICIENT_INFO -> "INS";
            case NO_ACTION_DATA_UNAVAILABLE -> "EXP";
            case NO_ACTION_NO_OFFENSE -> "NOC";
            case UNABLE_TO_IDENTIFY_SUBJECT -> "UTC";
            case REFERRED_ELSEWHERE -> "REF";
            case UNDER_INVESTIGATION -> "INV";
            case SUBJECT_IDENTIFIED -> "SID";
            case SEARCH_WARRANT_SERVED -> "SW";
            case ARREST -> "ARR";
            case CHARGED -> "CHG";
            case CONVICTED -> "CNV";
            default -> throw new IllegalStateException();
        };
    }

    private static String gbiReason(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "INSUFFICIENT_INFORMATION" -> "INS";
            case "DATA_UNAVAILABLE" -> "EXP";
            case "NO_OFFENSE" -> "NOC";
            case "OUTSIDE_JURISDICTION" -> "OOJ";
            default -> throw new IllegalStateException();
        };
    }

    // ---------------------------------------------------------------- AZ-PHX: UTF-8 CSV with BOM, copy-paste debris

    private static final Traits PHOENIX = new Traits(
            true, new boolean[] {false, false, false, false}, false, true, true, true, false, true, Age.NUMBER, false);

    private static final String[] PHOENIX_HEADER = {
        "Report Number",
        "Date Assigned",
        "Case Disposition",
        "Date Closed",
        "Actionable?",
        "Victims Identified",
        "Suspect Age",
        "Suspect Name",
        "Suspect DOB",
        "Email Address",
        "Phone Number",
        "Street Address",
        "IP Address",
        "Screen Name",
        "Case Agent",
        "DR Number",
        "Case Notes"
    };

    private void phoenix() throws IOException {
        Agency a = Agency.AZ_PHX;
        LocalDate asOf = LocalDate.of(2025, 10, 31);
        String name = "phx_feedback_2025-10-31.csv";
        List<Line> lines = cumulative(a, asOf);
        spoil(lines, 3, Bad.REPORT_PENDING, null);
        spoil(lines, 11, Bad.UNMAPPED, null);
        insert(lines, 18, Kind.HEADER);
        insert(lines, 8, Kind.BLANK);
        int data = (int) lines.stream().filter(l -> l.kind == Kind.DATA).count();
        lines.add(new Line(Kind.BLANK, List.of(), null));
        lines.add(new Line(Kind.TOTAL, List.of(), null));
        Path file = input.resolve(a.folder).resolve(name);
        try (CSVPrinter out = printer(file, StandardCharsets.UTF_8, ',', "\r\n", true)) {
            out.printRecord((Object[]) PHOENIX_HEADER);
            for (Line l : lines) {
                if (l.kind == Kind.HEADER) {
                    out.printRecord((Object[]) PHOENIX_HEADER);
                } else if (l.kind == Kind.BLANK) {
                    out.printRecord((Object[]) new String[PHOENIX_HEADER.length]);
                } else if (l.kind == Kind.TOTAL) {
                    String[] total = new String[PHOENIX_HEADER.length];
                    total[0] = "TOTAL: " + data + " records";
                    out.printRecord((Object[]) total);
                } else {
                    Truth t = l.truth();
                    State s = l.state;
                    Person p = t.person;
                    out.printRecord(
                            l.bad == Bad.REPORT_PENDING ? "pending" : t.number,
                            t.received.format(ISO),
                            l.bad == Bad.UNMAPPED ? "Closed - Victim Uncooperative" : phoenixDisposition(s),
                            s.closedOn() == null ? "" : s.closedOn().format(ISO),
                            s.actionable() ? "Yes" : "No",
                            s.victims(),
                            t.age,
                            p(p.name()),
                            p(p.dob().format(US)),
                            p(p.email()),
                            p(p.phone()),
                            p(p.address()),
                            p(p.ip()),
                            p(p.screenName()),
                            p(p.officer()),
                            p(p.caseNumber()),
                            p(p.note()));
                }
            }
        }
        account(a, name, "", asOf, lines, PHOENIX);
    }

    private static String phoenixDisposition(State s) {
        String state = s.closed() ? "Closed - " : "Open - ";
        return state
                + switch (s.outcome()) {
                    case NO_ACTION_INSUFFICIENT_INFO -> "Insufficient Information";
                    case NO_ACTION_DATA_UNAVAILABLE -> "Records Expired";
                    case NO_ACTION_NO_OFFENSE -> "Unfounded/No Crime";
                    case UNABLE_TO_IDENTIFY_SUBJECT -> "Unable to Identify";
                    case REFERRED_ELSEWHERE -> "Referred to Other Agency";
                    case UNDER_INVESTIGATION -> "Active Investigation";
                    case SUBJECT_IDENTIFIED -> "Subject Identified";
                    case SEARCH_WARRANT_SERVED -> "Search Warrant Served";
                    case ARREST -> "Arrest Made";
                    case CHARGED -> "Charges Filed";
                    case CONVICTED -> "Convicted";
                    default -> throw new IllegalStateException();
                };
    }

    // ---------------------------------------------------------------- expectations

    /** The latest as-of date seen per agency and referral, to mark which expected row is current. */
    private final Map<String, LocalDate> latest = new TreeMap<>();

    /** Counts one file (or sheet) and derives the expected schema values of every row it should write. */
    private void account(Agency a, String name, String sheet, LocalDate asOf, List<Line> lines, Traits tr) {
        int written = 0;
        int rejected = 0;
        int blank = 0;
        int total = 0;
        int header = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (Line l : lines) {
            switch (l.kind) {
                case BLANK -> blank++;
                case TOTAL -> total++;
                case HEADER -> header++;
                case DATA -> {
                    if (l.bad != Bad.NONE) {
                        rejected++;
                        reasons.merge(l.bad.reason, 1, Integer::sum);
                        continue;
                    }
                    for (Truth t : l.truths) {
                        written++;
                        expectedRows.add(expected(t, l.state, tr, a, path(a, name), sheet, asOf));
                        latest.merge(a.code + "|" + t.number, asOf, (x, y) -> x.isAfter(y) ? x : y);
                    }
                }
            }
        }
        StringBuilder why = new StringBuilder();
        reasons.forEach((k, v) ->
                why.append(why.length() == 0 ? "" : ";").append(k).append(':').append(v));
        countRows.add(List.of(
                path(a, name),
                sheet,
                asOf.toString(),
                "true",
                Integer.toString(written + rejected),
                Integer.toString(written),
                Integer.toString(rejected),
                Integer.toString(blank),
                Integer.toString(total),
                Integer.toString(header),
                why.toString()));
    }

    /** The schema values a correct harmonizer writes for one referral, from its truth and what the layout holds. */
    private static List<String> expected(
            Truth t, State s, Traits tr, Agency a, String file, String sheet, LocalDate asOf) {
        String[] flags = new String[4];
        for (int i = 0; i < 4; i++) {
            flags[i] = tr.flagColumns()[i] ? (s.reached(i) ? "YES" : "NO") : "UNKNOWN";
        }
        if (tr.convictedPending() && s.outcome() == Outcome.CHARGED && !s.closed()) {
            flags[3] = "PENDING";
        }
        Outcome outcome = s.outcome();
        if (!tr.outcomeColumn()) {
            outcome = Outcome.UNKNOWN;
            for (int i = 0; i < 4; i++) {
                if (flags[i].equals("YES")) {
                    outcome = Outcome.values()[Outcome.SEARCH_WARRANT_SERVED.ordinal() + i];
                }
            }
        }
        int reachedFlag = outcome.isOrdered() ? outcome.ordinal() - Outcome.SEARCH_WARRANT_SERVED.ordinal() : -1;
        for (int i = 0; i <= reachedFlag && i < 4; i++) {
            if (flags[i].equals("UNKNOWN")) {
                flags[i] = "YES";
            }
        }
        String status = tr.statusColumn()
                ? (s.closed() ? "CLOSED" : "OPEN")
                : tr.closedColumn() && s.closed() ? "CLOSED" : "UNKNOWN";
        String days = status.equals("CLOSED") && tr.closedColumn()
                ? Long.toString(ChronoUnit.DAYS.between(t.received, s.closedOn()))
                : "";
        String actionable;
        if (tr.actionableColumn()) {
            actionable = s.actionable() ? "YES" : "NO";
        } else {
            actionable = tr.reasonColumn() && s.reason() != null ? "NO" : "UNKNOWN";
        }
        String reason = tr.reasonColumn() && actionable.equals("NO") ? s.reason() : "";
        String victims = tr.victimsColumn() ? VictimBand.ofCount(s.victims()).label() : "UNKNOWN";
        String age = "UNKNOWN";
        if (tr.ageBandPermitted()) {
            age = switch (tr.age()) {
                case NUMBER -> AgeBand.ofAge(t.age).label();
                case BIRTH_DATE ->
                    AgeBand.ofAge(Period.between(t.person.dob(), t.received).getYears())
                            .label();
                case NONE -> "UNKNOWN";
            };
        }
        return new ArrayList<>(List.of(
                t.number,
                a.code,
                Boolean.toString(t.inLedger),
                file,
                sheet,
                asOf.toString(),
                YearMonth.from(t.received).toString(),
                status,
                outcome.name(),
                actionable,
                reason,
                flags[0],
                flags[1],
                flags[2],
                flags[3],
                victims,
                age,
                days));
    }

    private void writeExpectations() throws IOException {
        try (CSVPrinter p =
                printer(resources.resolve("expected-feedback.csv"), StandardCharsets.UTF_8, ',', "\n", false)) {
            p.printRecord(
                    "report_number",
                    "agency_code",
                    "in_ledger",
                    "source_file",
                    "sheet",
                    "as_of_date",
                    "received_month",
                    "status",
                    "outcome",
                    "actionable",
                    "not_actionable_reason",
                    "search_warrant",
                    "arrest",
                    "charged",
                    "convicted",
                    "victims_identified",
                    "subject_age_band",
                    "days_to_close",
                    "current");
            expectedRows.sort(Comparator.comparing((List<String> r) -> r.get(1))
                    .thenComparing(r -> r.get(0))
                    .thenComparing(r -> r.get(5)));
            for (List<String> r : expectedRows) {
                boolean current =
                        latest.get(r.get(1) + "|" + r.get(0)).toString().equals(r.get(5));
                List<String> out = new ArrayList<>(r);
                out.add(Boolean.toString(current));
                p.printRecord(out);
            }
        }
        try (CSVPrinter p =
                printer(resources.resolve("expected-counts.csv"), StandardCharsets.UTF_8, ',', "\n", false)) {
            p.printRecord(
                    "source_file",
                    "sheet",
                    "as_of_date",
                    "read",
                    "data_rows",
                    "written",
                    "rejected",
                    "skipped_blank",
                    "skipped_total",
                    "skipped_repeated_header",
                    "reject_reasons");
            countRows.sort(Comparator.comparing((List<String> r) -> r.get(0)).thenComparing(r -> r.get(1)));
            for (List<String> r : countRows) {
                p.printRecord(r);
            }
        }
        Files.write(resources.resolve("personal-values.txt"), personal, StandardCharsets.UTF_8);
        Set<String> numbers = new TreeSet<>();
        truths.values().forEach(list -> list.forEach(t -> numbers.add(t.number)));
        expectedRows.forEach(r -> numbers.add(r.get(0)));
        Files.write(resources.resolve("report-numbers.txt"), numbers, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- writing helpers

    /** Records a personal value as planted, for the leak test, and returns it. */
    private String p(String value) {
        personal.add(value);
        return value;
    }

    private void plantDob(LocalDate dob, DateTimeFormatter shown) {
        personal.add(dob.format(ISO));
        personal.add(dob.format(shown));
    }

    private static String path(Agency a, String name) {
        return a.folder + "/" + name;
    }

    private static CellStyle dateStyle(Workbook wb, String format) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(format));
        return style;
    }

    /** Writes one row of typed values: String, Number, Boolean, LocalDate (a date cell) or Serial. */
    private static Row cells(Sheet sh, int rowIndex, Object... values) {
        Row row = sh.createRow(rowIndex);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof String s) {
                cell.setCellValue(s);
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
            } else if (v instanceof Serial s) {
                cell.setCellValue(DateUtil.getExcelDate(s.date()));
            } else {
                throw new IllegalArgumentException(v.getClass().getName());
            }
        }
        return row;
    }

    private void save(Workbook wb, Agency a, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (wb instanceof XSSFWorkbook x) {
            var core = x.getProperties().getCoreProperties();
            core.setCreator("Feedback Harmonizer sample generator");
            core.setCreated(java.util.Optional.of(Date.from(FIXED_TIME.toInstant(ZoneOffset.UTC))));
            core.setModified(java.util.Optional.of(Date.from(FIXED_TIME.toInstant(ZoneOffset.UTC))));
            wb.write(bytes);
            Files.write(input.resolve(a.folder).resolve(name), fixedZipTimes(bytes.toByteArray()));
        } else {
            wb.write(bytes);
            Files.write(input.resolve(a.folder).resolve(name), bytes.toByteArray());
        }
    }

    /** POI stamps zip entries with the current time; rewriting them with one fixed time makes reruns byte-stable. */
    private static byte[] fixedZipTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(FIXED_TIME);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static CSVPrinter printer(Path file, Charset charset, char delimiter, String newline, boolean bom)
            throws IOException {
        Files.createDirectories(file.getParent());
        Writer w = new OutputStreamWriter(Files.newOutputStream(file), charset);
        if (bom) {
            w.write('\uFEFF');
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setRecordSeparator(newline)
                .get();
        return new CSVPrinter(w, format);
    }
}
