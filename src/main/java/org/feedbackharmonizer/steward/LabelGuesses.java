package org.feedbackharmonizer.steward;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.feedbackharmonizer.schema.CellText;

/**
 * A best guess of the schema value an agency's label means, by keywords, furthest step first: "Arrested -
 * charges filed" is CHARGED. Every guess goes into the starter configuration marked {@code # guess} for the
 * steward to confirm.
 */
final class LabelGuesses {
    private static final Map<String, Map<Pattern, String>> GUESSES = new LinkedHashMap<>();

    static {
        put("status", "(?i)\\b(closed|inactive|complete|done)\\b", "CLOSED");
        put("status", "(?i)\\b(open|active|pending|in progress|ongoing)\\b", "OPEN");
        put("outcome", "(?i)convict|guilty|plea|sentenced", "CONVICTED");
        put("outcome", "(?i)declin", "PROSECUTION_DECLINED");
        put("outcome", "(?i)dismiss|acquit", "DISMISSED_OR_ACQUITTED");
        put("outcome", "(?i)charge", "CHARGED");
        put("outcome", "(?i)arrest", "ARREST");
        put("outcome", "(?i)warrant|\\bsw\\b", "SEARCH_WARRANT_SERVED");
        put(
                "outcome",
                "(?i)unable to (id|identify)|\\butc\\b|unidentified|not identified",
                "UNABLE_TO_IDENTIFY_SUBJECT");
        put("outcome", "(?i)identified|id'?d", "SUBJECT_IDENTIFIED");
        put("outcome", "(?i)refer|transfer|forwarded", "REFERRED_ELSEWHERE");
        put("outcome", "(?i)no crime|not illegal|no offen[cs]e|unfounded", "NO_ACTION_NO_OFFENSE");
        put("outcome", "(?i)expired|not returned|no data|unavailable", "NO_ACTION_DATA_UNAVAILABLE");
        put("outcome", "(?i)insufficient|not enough", "NO_ACTION_INSUFFICIENT_INFO");
        put("outcome", "(?i)investigat|pending|open|active", "UNDER_INVESTIGATION");
        put("outcome", "(?i)^other$", "OTHER");
        put("not_actionable_reason", "(?i)insufficient|not enough", "INSUFFICIENT_INFORMATION");
        put("not_actionable_reason", "(?i)expired|unavailable|not returned|no data", "DATA_UNAVAILABLE");
        put("not_actionable_reason", "(?i)jurisdiction|out of (area|state)", "OUTSIDE_JURISDICTION");
        put("not_actionable_reason", "(?i)dup", "DUPLICATE_REPORT");
        put("not_actionable_reason", "(?i)no crime|not illegal|no offen[cs]e", "NO_OFFENSE");
        put(
                "not_actionable_reason",
                "(?i)not identified|unable to (id|identify)|unidentified",
                "SUBJECT_NOT_IDENTIFIED");
        put("not_actionable_reason", "(?i)^other$", "OTHER");
        put("convicted", "(?i)^(y|yes|true|x|convicted|guilty)$", "YES");
        put("convicted", "(?i)^(n|no|false|acquitted|not guilty)$", "NO");
        put("convicted", "(?i)pending|trial|awaiting", "PENDING");
    }

    private static void put(String field, String regex, String value) {
        GUESSES.computeIfAbsent(field, f -> new LinkedHashMap<>()).put(Pattern.compile(regex), value);
    }

    private LabelGuesses() {}

    /** The schema value {@code label} probably means for {@code field}. */
    static Optional<String> guess(String field, String label) {
        String l = label.strip();
        if (ValueKind.YES_LABELS.contains(CellText.label(l)) && !field.equals("convicted")) {
            return Optional.empty();
        }
        for (var e : GUESSES.getOrDefault(field, Map.of()).entrySet()) {
            if (e.getKey().matcher(l).find()) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
