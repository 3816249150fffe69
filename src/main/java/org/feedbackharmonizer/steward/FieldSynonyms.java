package org.feedbackharmonizer.steward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which schema field a column probably is, from the words of its header name: "CT Number" and "NCMEC Report No"
 * are the report number, "Date Rec'd" the received date. A guess must also fit the column's kind of values (an
 * "Arrest Date" column is not the arrest flag).
 */
public final class FieldSynonyms {

    /** Per field, word sequences that name it; the longest sequence found in a header wins. */
    private static final Map<String, List<String>> SYNONYMS = new LinkedHashMap<>();

    static {
        SYNONYMS.put(
                "report_number",
                List.of(
                        "cybertip",
                        "cybertipline",
                        "cyber tip",
                        "ct number",
                        "ct no",
                        "ct",
                        "ncmec report",
                        "ncmec",
                        "report number",
                        "report no",
                        "tip",
                        "tip number",
                        "rptnum",
                        "rpt num",
                        "rpt no",
                        // Spanish (Puerto Rico and other agencies that export in Spanish)
                        "referido",
                        "num referido",
                        "numero referido",
                        "referido ct",
                        "num referido ct"));
        SYNONYMS.put(
                "received_date",
                List.of(
                        "date received",
                        "received",
                        "date recd",
                        "recd",
                        "rcvd",
                        "recv",
                        "date recv",
                        "assigned",
                        "date assigned",
                        "fecha recibido",
                        "recibido",
                        "fecha de recibo"));
        SYNONYMS.put(
                "closed_date", List.of("closed", "date closed", "close date", "closure", "fecha cierre", "cierre"));
        SYNONYMS.put("status", List.of("status", "case status", "estado", "estatus"));
        SYNONYMS.put(
                "outcome",
                List.of(
                        "disposition",
                        "outcome",
                        "result",
                        "case disposition",
                        "disp",
                        "disp code",
                        "disposicion",
                        "resultado"));
        SYNONYMS.put(
                "not_actionable_reason",
                List.of("reason", "not actionable", "not actionable reason", "motivo", "razon"));
        SYNONYMS.put("actionable", List.of("actionable", "procesable"));
        SYNONYMS.put(
                "search_warrant",
                List.of("warrant", "search warrant", "sw", "orden allanam", "allanamiento", "orden de allanamiento"));
        SYNONYMS.put("arrest", List.of("arrest", "arrested", "arrest made", "arresto"));
        SYNONYMS.put("charged", List.of("charged", "charges", "charges filed", "charge", "acusacion"));
        SYNONYMS.put("convicted", List.of("convicted", "conviction", "conviccion"));
        SYNONYMS.put(
                "victim_count",
                List.of("victims", "victim count", "victims identified", "victims idd", "victimas", "victimas ident"));
        SYNONYMS.put("subject_age", List.of("age", "suspect age", "subject age", "edad"));
        SYNONYMS.put(
                "subject_birth_date",
                List.of(
                        "dob",
                        "birth",
                        "date of birth",
                        "birthdate",
                        "birth date",
                        "f nac",
                        "fecha nac",
                        "fecha de nacimiento",
                        "nacimiento"));
    }

    /** Fields that take a value map over labels, and those read as yes/no. */
    static final Set<String> ENUM_FIELDS = Set.of("status", "outcome", "not_actionable_reason", "convicted");

    static final Set<String> YES_NO_FIELDS = Set.of("actionable", "search_warrant", "arrest", "charged");

    private FieldSynonyms() {}

    /** A column matched to a field, and whether the match is only by the column's values. */
    public record Match(String field, ColumnProfile column, boolean byValues) {}

    /** Each field matched to at most one column, each column to at most one field, in column order. */
    public static List<Match> match(List<ColumnProfile> columns) {
        Map<String, Match> byField = new LinkedHashMap<>();
        for (ColumnProfile c : columns) {
            if (c.name().isBlank()) {
                continue;
            }
            String field = fieldOf(c);
            if (field != null && !byField.containsKey(field)) {
                byField.put(field, new Match(field, c, false));
            }
        }
        if (!byField.containsKey("report_number")) {
            for (ColumnProfile c : columns) {
                boolean used = byField.values().stream().anyMatch(m -> m.column() == c);
                if (!used && !c.name().isBlank() && c.kind() == ValueKind.REPORT_NUMBER) {
                    byField.put("report_number", new Match("report_number", c, true));
                    break;
                }
            }
        }
        if (byField.containsKey("subject_age")) {
            byField.remove("subject_birth_date"); // an age is enough: a birth date is more personal than it needs
        }
        List<Match> out = new ArrayList<>(byField.values());
        out.sort((a, b) -> Integer.compare(a.column().index(), b.column().index()));
        return out;
    }

    /** The field a column's name says it is (and its values allow), or null. */
    static String fieldOf(ColumnProfile c) {
        List<String> words = HeaderWords.of(c.name());
        String best = null;
        int bestLength = 0;
        for (var e : SYNONYMS.entrySet()) {
            for (String synonym : e.getValue()) {
                List<String> seq = List.of(synonym.split(" "));
                if (seq.size() > bestLength && contains(words, seq) && fits(e.getKey(), c)) {
                    best = e.getKey();
                    bestLength = seq.size();
                }
            }
        }
        return best;
    }

    private static boolean contains(List<String> words, List<String> seq) {
        for (int i = 0; i + seq.size() <= words.size(); i++) {
            if (words.subList(i, i + seq.size()).equals(seq)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the column's values can be this field's. An empty column fits anything its name says. */
    private static boolean fits(String field, ColumnProfile c) {
        if (c.filled() == 0) {
            return true;
        }
        ValueKind k = c.kind();
        return switch (field) {
            case "report_number" -> k == ValueKind.REPORT_NUMBER || k == ValueKind.NUMBER || k == ValueKind.TEXT;
            case "received_date", "closed_date", "subject_birth_date" ->
                k == ValueKind.DATE || k == ValueKind.NUMBER || k == ValueKind.REPORT_NUMBER;
            case "subject_age", "victim_count" -> k == ValueKind.NUMBER || k == ValueKind.TEXT;
            default -> k == ValueKind.TEXT || k == ValueKind.YES_NO || k == ValueKind.NUMBER;
        };
    }
}
