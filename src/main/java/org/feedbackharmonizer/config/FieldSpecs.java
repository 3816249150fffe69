package org.feedbackharmonizer.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.FieldCatalog;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.YesNo;

/** The {@code fields:} of an agency or layout: for each schema field, where it is read from and how. */
final class FieldSpecs {
    private FieldSpecs() {}

    static Map<String, FieldSpec> read(YamlNode root) {
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        if (!root.has("fields")) {
            root.problem("fields", "is required (at least fields.report_number)");
            return out;
        }
        YamlNode fields = root.child("fields");
        for (String name : fields.keys()) {
            var entry = FieldCatalog.find(name);
            if (entry.isEmpty()) {
                fields.problem(name, "is not a field the schema knows; known: " + FieldCatalog.names());
                fields.raw(name);
                continue;
            }
            Object rawSpec = fields.raw(name);
            YamlNode f;
            if (rawSpec instanceof String s) {
                // shorthand: "outcome: Disposition" names the column
                f = new YamlNode(fields.file(), fields.at(name), Map.of("column", s), fields.problems());
            } else {
                f = fields.child(name);
            }
            out.put(name, field(f, entry.get()));
        }
        if (!out.containsKey("report_number")) {
            fields.problem("report_number", "is required: every row must name its CyberTipline report number");
        }
        FieldConditions.check(fields, out);
        return out;
    }

    private static FieldSpec field(YamlNode f, FieldCatalog.Entry entry) {
        if (f.has("first_of")) {
            return firstOf(f, entry);
        }
        return source(f, entry);
    }

    /**
     * {@code first_of}: sources of the field, each written as a field is, read in turn; the field takes the first
     * value that is not unknown. Only fields of schema values and yes/no fields, and nothing beside it.
     */
    private static FieldSpec firstOf(YamlNode f, FieldCatalog.Entry entry) {
        if (!FieldKeys.hasSchemaValues(entry)) {
            f.problem("first_of", "is for fields of schema values and yes/no fields");
        }
        for (String k : f.keys()) {
            if (!k.equals("first_of")) {
                f.problem(k, "goes inside each source of first_of");
            }
        }
        List<FieldSpec> sources = new java.util.ArrayList<>();
        for (YamlNode s : f.children("first_of")) {
            if (s.has("first_of")) {
                s.problem("first_of", "cannot be inside first_of");
                continue;
            }
            sources.add(source(s, entry));
        }
        if (sources.size() < 2) {
            f.problem("first_of", "lists two or more sources (one is a plain field)");
        }
        return FieldSpec.firstOf(entry.name(), sources);
    }

    private static FieldSpec source(YamlNode f, FieldCatalog.Entry entry) {
        String column = f.optionalString("column").orElse(null);
        List<String> synonyms = f.optionalStrings("synonyms").orElse(List.of());
        Integer position = f.optionalInt("position", 0, 16_383).orElse(null);
        String constant = f.optionalString("constant").orElse(null);
        int sources = (column != null ? 1 : 0) + (position != null ? 1 : 0) + (constant != null ? 1 : 0);
        if (sources != 1) {
            f.problem(null, "give exactly one of column, position or constant");
        } else if (column == null && !synonyms.isEmpty()) {
            f.problem("synonyms", "has no effect without column: synonyms are other names of the column");
        }
        LinkedHashMap<String, String> map = f.orderedPairs("map");
        String otherwise = f.optionalString("otherwise").orElse(null);
        if (FieldKeys.hasSchemaValues(entry)) {
            map.forEach((label, value) -> {
                ValueSection.checkRegexEntry(f, "map", label);
                checkValue(f, "map", entry, value, "'" + label + "' maps to");
            });
            if (otherwise != null
                    && !otherwise.equalsIgnoreCase("reject")
                    && !otherwise.strip().equalsIgnoreCase(FieldSpec.OTHERWISE_UNKNOWN)) {
                checkValue(f, "otherwise", entry, otherwise, "");
            }
            if (constant != null) {
                checkValue(f, "constant", entry, constant, "");
            }
        }
        if (otherwise != null && otherwise.equalsIgnoreCase("reject")) {
            otherwise = null;
        }
        Set<String> yes = f.optionalStrings("yes").map(CellText::labels).orElse(null);
        Set<String> no = f.optionalStrings("no").map(CellText::labels).orElse(null);
        YesNo blank = f.optionalEnum("blank", YesNo.class).orElse(null);
        if (yes != null && no != null) {
            ValueSection.overlap(f, yes, no);
        }
        List<String> dates = f.optionalStrings("dates").orElse(null);
        if (dates != null) {
            AgencyConfigLoader.checkPatterns(f, "dates", dates);
        }
        String split = f.optionalString("split").orElse(null);
        if (split != null) {
            f.compile("split", split);
        }
        FieldSpec.Digits digits = f.has("digits") ? digits(f) : FieldSpec.Digits.DEFAULT;
        boolean required = f.optionalBoolean("required").orElse(false);
        if (entry.kind() == FieldCatalog.Kind.REPORT_NUMBER && f.has("required") && !required) {
            f.problem("required", "has no effect on the report number (" + FieldKeys.ALWAYS_REQUIRED + ")");
        }
        Pattern extract = f.optionalPattern("extract").orElse(null);
        LabelList unknown = ValueSection.labelList(f, "unknown", List.of());
        List<FieldCondition> onlyWhen = FieldConditions.read(f, entry);
        FieldKeys.check(f, entry);
        return new FieldSpec(
                entry.name(),
                column,
                synonyms,
                position,
                constant,
                map,
                otherwise,
                yes,
                no,
                blank,
                dates,
                split,
                digits,
                required,
                extract,
                unknown,
                onlyWhen,
                f.optionalBoolean("dated").orElse(false),
                List.of());
    }

    private static final Pattern DIGITS = Pattern.compile("\\s*(\\d{1,3})\\s*(?:-\\s*(\\d{1,3})\\s*)?");

    /** {@code digits: 9} or {@code digits: 8-10}; the default when the value is not one of those. */
    private static FieldSpec.Digits digits(YamlNode f) {
        String written = f.optionalString("digits").orElse(null);
        if (written == null) {
            return FieldSpec.Digits.DEFAULT; // not a single value: reported
        }
        java.util.regex.Matcher m = DIGITS.matcher(written);
        if (!m.matches()) {
            f.problem("digits", "'" + written + "' must be a number of digits (9) or a range (8-10)");
            return FieldSpec.Digits.DEFAULT;
        }
        int min = Integer.parseInt(m.group(1));
        int max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
        if (min < 1 || max > FieldSpec.Digits.LONGEST || min > max) {
            f.problem(
                    "digits",
                    "'" + written + "' must be from 1 to " + FieldSpec.Digits.LONGEST + " digits, the smaller first"
                            + " (8-10)");
            return FieldSpec.Digits.DEFAULT;
        }
        return new FieldSpec.Digits(min, max);
    }

    static void checkValue(YamlNode f, String key, FieldCatalog.Entry entry, String value, String prefix) {
        if (value == null || FieldCatalog.resolve(entry, value).isEmpty()) {
            f.problem(
                    key,
                    (prefix.isEmpty() ? "" : prefix + " ") + "unknown " + entry.name() + " '" + value + "'; allowed: "
                            + FieldCatalog.allowedValues(entry) + noValueHint(key, entry));
        }
    }

    /**
     * not_actionable_reason has no UNKNOWN value, and no value that means "no reason": the schema leaves it empty
     * (FEEDBACK_SCHEMA.md). Say how a steward writes that instead of, say, {@code otherwise: ""}.
     */
    private static String noValueHint(String key, FieldCatalog.Entry entry) {
        if (FieldCatalog.resolve(entry, "UNKNOWN").isPresent()) {
            return "";
        }
        return switch (key) {
            case "otherwise" -> "; for no reason, write otherwise: unknown";
            case "map" -> "; a label that means no reason goes in unknown:, not in map";
            default -> "; for no reason, leave the field out";
        };
    }
}
