package org.feedbackharmonizer.steward;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.schema.CellText;

/**
 * What one column of a sheet holds: how often it is filled, what kind of values, and (kept only while few) its
 * distinct labels. Whether those labels may be shown is decided here too: never for a column that looks
 * personal.
 */
public final class ColumnProfile {
    /** Columns with more distinct labels than this are free text or identifiers: no labels are listed. */
    public static final int MAX_LABELS = 20;

    /** "Det. K. Smith", "SA J. Doe", "Sgt Example": a rank or title, then a name (the investigator columns). */
    private static final Pattern PERSON_WITH_TITLE = Pattern.compile(
            "^(?i:det|detective|sgt|sergeant|inv|investigator|lt|cpl|ofc|officer|agent|sa|tfo|capt|cpt|dep|deputy"
                    + "|tpr|trooper|mr|mrs|ms|dr)\\.?\\s+\\p{Lu}");

    private static final Set<String> PERSONAL_WORDS = Set.of(
            "name",
            "names",
            "first",
            "last",
            "surname",
            "fname",
            "lname",
            "email",
            "mail",
            "phone",
            "tel",
            "telephone",
            "mobile",
            "cell",
            "address",
            "addr",
            "street",
            "city",
            "zip",
            "ip",
            "ipaddress",
            "dob",
            "birth",
            "birthdate",
            "born",
            "note",
            "notes",
            "narrative",
            "comment",
            "comments",
            "remarks",
            "description",
            "details",
            "screen",
            "screenname",
            "username",
            "user",
            "handle",
            "officer",
            "detective",
            "det",
            "deputy",
            "sgt",
            "sergeant",
            "trooper",
            "assignee",
            "analyst",
            "investigator",
            "inv",
            "assigned",
            "ofc",
            "tfo",
            "examiner",
            "caseworker",
            "agent",
            "ssn",
            "case",
            "suspect",
            "offender",
            "victim",
            "account",
            "subject",
            "person",
            "individual",
            "defendant",
            "perpetrator",
            "complainant",
            "reporter",
            "witness",
            "contact",
            "owner",
            "alias",
            "nickname",
            "employee",
            "author",
            "parent",
            "guardian",
            // Spanish
            "nombre",
            "nombres",
            "apellido",
            "apellidos",
            "direccion",
            "domicilio",
            "calle",
            "municipio",
            "ciudad",
            "telefono",
            "celular",
            "correo",
            "usuario",
            "nacimiento",
            "nac",
            "agente",
            "oficial",
            "sargento",
            "investigador",
            "sospechoso",
            "imputado",
            "querella",
            "nota",
            "notas",
            "observaciones",
            "comentarios",
            "detalles",
            "narrativa");

    /** Words that make a column with a personal-looking word plainly a coded field ("Case Status"). */
    private static final Set<String> CODED_WORDS = Set.of(
            "status",
            "disposition",
            "outcome",
            "age",
            "count",
            "victims",
            "identified",
            "ided",
            "closed",
            "opened",
            "received",
            "arrest",
            "arrested",
            "charged",
            "convicted",
            "warrant",
            "actionable",
            "reason",
            "result",
            // Spanish
            "estado",
            "disposicion",
            "resultado",
            "motivo",
            "edad",
            "victimas",
            "ident",
            "cierre",
            "recibido",
            "arresto",
            "acusacion",
            "conviccion",
            "allanamiento",
            "procesable");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?:\\+?1[-. ]?)?\\(?\\d{3}\\)?[-. ]\\d{3}[-. ]\\d{4}");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b");
    private static final Pattern IPV6 = Pattern.compile("(?i)\\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\\b");

    private final int index;
    private final String name;
    private final boolean personalName;
    private final Map<ValueKind, Long> kinds = new EnumMap<>(ValueKind.class);
    private final Map<String, Long> labels = new LinkedHashMap<>();
    private final Map<String, Long> datePatterns = new LinkedHashMap<>();
    /** Words in the month's place of text that would be a date but for them ("05-ene-2025": ene), lower case. */
    private final Map<String, Long> foreignMonthWords = new TreeMap<>();
    /** A cell that starts a totals line; also the skip rule a starter configuration proposes for such lines. */
    static final String TOTAL_REGEX = "(?i)^\\s*(grand\\s+|month\\s+)?(total|sum)\\b";

    private static final Pattern TOTAL = Pattern.compile(TOTAL_REGEX);

    private boolean tooManyLabels;
    private long totalLines;
    private boolean personalValues;
    private long filled;
    private long rows;

    public ColumnProfile(int index, String name) {
        this.index = index;
        // a heading that wraps inside its cell ("Fecha\nRecibido") is one name, as the job matches it
        this.name = CellText.clean(name);
        this.personalName = looksPersonal(name);
    }

    /** Whether a header name says the column holds personal data (names, contact details, DOB, notes...). */
    static boolean looksPersonal(String header) {
        List<String> words = HeaderWords.of(header);
        boolean personal = false;
        for (String w : words) {
            if (CODED_WORDS.contains(w)) {
                return false;
            }
            personal |= PERSONAL_WORDS.contains(w);
        }
        String joined = String.join("", words);
        return personal
                || joined.contains("email")
                || joined.contains("phone")
                || joined.contains("address")
                || joined.contains("narrative")
                || joined.contains("birth");
    }

    /** @param saysTotal {@link #saysTotal} of the cell, which the inspector has asked for the whole row */
    void add(CellValue cell, boolean saysTotal) {
        rows++;
        if (cell.isBlank()) {
            return;
        }
        filled++;
        ValueKind kind = ValueKind.of(cell);
        kinds.merge(kind, 1L, Long::sum);
        String text = CellText.clean(cell.text()); // as the job compares labels: "Y" and "Y\u00a0" are one
        if (saysTotal) {
            totalLines++;
        }
        if (kind == ValueKind.DATE && cell instanceof CellValue.Text) {
            ValueKind.datePattern(text).ifPresent(p -> datePatterns.merge(p, 1L, Long::sum));
        } else if (kind == ValueKind.TEXT && foreignMonthWords.size() < 24) {
            ValueKind.foreignMonthWord(text).ifPresent(w -> foreignMonthWords.merge(w, 1L, Long::sum));
        }
        if (kind == ValueKind.TEXT
                && (EMAIL.matcher(text).find()
                        || PHONE.matcher(text).find()
                        || IPV4.matcher(text).find()
                        || IPV6.matcher(text).find()
                        || PERSON_WITH_TITLE.matcher(text).find())) {
            personalValues = true;
        }
        if (!tooManyLabels) {
            labels.merge(text, 1L, Long::sum);
            if (labels.size() > MAX_LABELS) {
                tooManyLabels = true;
                labels.clear(); // nothing more is needed of them, and nothing personal is kept
            }
        }
    }

    /** Whether a cell starts a totals line: "Total", "Sum", "Grand total", "Month total". */
    static boolean saysTotal(CellValue cell) {
        return cell instanceof CellValue.Text t && TOTAL.matcher(t.value()).find();
    }

    public int index() {
        return index;
    }

    /**
     * The header as the steward may see it. When the header row guessed is really a data row (or a header holds
     * data), what would be printed is personal: such a name is replaced by its position.
     */
    public String shownName() {
        if (name.isBlank()) {
            return "(unnamed, column " + (index + 1) + ")";
        }
        boolean control = name.chars().anyMatch(ch -> ch < 32 && ch != '\t');
        if (control
                || name.length() > 40
                || name.strip().split("\\s+").length > 6
                || org.feedbackharmonizer.deidentify.OutputGuard.looksPersonal(name)) {
            return "(column " + (index + 1) + ": header not shown, it looks like data)";
        }
        return name;
    }

    public String name() {
        return name;
    }

    public long filled() {
        return filled;
    }

    public long rows() {
        return rows;
    }

    /** Share of data rows with a value, 0..1. */
    public double fillRate() {
        return rows == 0 ? 0 : (double) filled / rows;
    }

    /** The kind most of its values are; a column of only yes/no words (or X) is yes-no. */
    public ValueKind kind() {
        if (filled == 0) {
            return ValueKind.TEXT;
        }
        if (!tooManyLabels
                && labels.size() <= 3
                && !labels.isEmpty()
                && labels.keySet().stream().allMatch(l -> isYesNoWord(l) || l.equals("1") || l.equals("0"))
                && labels.keySet().stream().anyMatch(ColumnProfile::isYesNoWord)) {
            return ValueKind.YES_NO;
        }
        return kinds.entrySet().stream()
                .max(Map.Entry.<ValueKind, Long>comparingByValue()
                        .thenComparing(e -> -e.getKey().ordinal()))
                .map(Map.Entry::getKey)
                .orElse(ValueKind.TEXT);
    }

    private static boolean isYesNoWord(String l) {
        String u = CellText.label(l);
        return ValueKind.YES_LABELS.contains(u) || ValueKind.NO_LABELS.contains(u);
    }

    /**
     * Whether the column looks personal: its name, its values (e-mail, phone, IP), or free text where nearly
     * every row differs. Such a column is described by counts and kind only.
     */
    public boolean personal() {
        if (personalName || personalValues) {
            return true;
        }
        ValueKind k = kind();
        // Coded columns repeat a few labels; where most rows differ, the column is names or free text.
        return k == ValueKind.TEXT && tooManyLabels
                || k == ValueKind.TEXT && filled >= 8 && labels.size() == filled
                || k == ValueKind.TEXT && filled >= 10 && labels.size() > filled / 2;
    }

    /** How many distinct labels, or -1 when more than {@link #MAX_LABELS}. */
    public int distinct() {
        return tooManyLabels ? -1 : labels.size();
    }

    /** Whether its labels may be listed: few, and neither personal nor dates, numbers or report numbers. */
    public boolean showsLabels() {
        ValueKind k = kind();
        return !tooManyLabels && !personal() && (k == ValueKind.TEXT || k == ValueKind.YES_NO) && filled > 0;
    }

    /** Its labels with counts, most frequent first; empty unless {@link #showsLabels()}. */
    public Map<String, Long> labels() {
        if (!showsLabels()) {
            return Map.of();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        labels.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Cells that start with "Total" or "Sum": lines a skip rule should drop. */
    public long totalLines() {
        return totalLines;
    }

    /** Text date patterns its values fit, with counts (dates stored as real date cells are not listed). */
    /** Month words of text dates that English month names do not cover, with how often each was seen. */
    public Map<String, Long> foreignMonthWords() {
        return foreignMonthWords;
    }

    public Map<String, Long> datePatterns() {
        return new TreeMap<>(datePatterns);
    }
}
