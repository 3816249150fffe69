package org.feedbackharmonizer.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.feedbackharmonizer.schema.FieldCatalog;

/** The {@code only_when:} of each field, and the checks that need every field of the agency known. */
final class FieldConditions {
    private FieldConditions() {}

    /**
     * A field's {@code only_when}: other fields of the same row and the schema values under which this field is
     * read, e.g. {@code only_when: { actionable: NO }}. Whether the named fields are configured, and whether the
     * conditions go round in a circle, is checked once every field is known ({@link #check}).
     */
    static List<FieldCondition> read(YamlNode f, FieldCatalog.Entry entry) {
        if (!f.has("only_when")) {
            return List.of();
        }
        if (entry.kind() == FieldCatalog.Kind.REPORT_NUMBER) {
            f.problem("only_when", "does not apply to report_number, which every row must give");
        }
        YamlNode w = f.child("only_when");
        if (w.keys().isEmpty()) {
            f.problem("only_when", "names no field; e.g. only_when: { actionable: NO }");
        }
        List<FieldCondition> out = new ArrayList<>();
        for (String name : w.keys()) {
            var other = FieldCatalog.find(name).filter(e -> e.values() != null);
            if (other.isEmpty()) {
                w.raw(name);
                w.problem(name, "is not a field with schema values; only_when names one of " + conditionFields());
                continue;
            }
            if (name.equals(entry.name())) {
                w.raw(name);
                w.problem(name, "a field cannot be read on a condition on its own value");
                continue;
            }
            List<String> written = w.optionalStrings(name).orElse(List.of());
            if (written.isEmpty()) {
                w.problem(
                        name,
                        "needs a schema value or a list of them; allowed: " + FieldCatalog.allowedValues(other.get()));
            }
            Set<Enum<?>> values = new LinkedHashSet<>();
            for (String v : written) {
                FieldSpecs.checkValue(w, name, other.get(), v, "");
                FieldCatalog.resolve(other.get(), v).ifPresent(values::add);
            }
            out.add(new FieldCondition(name, Set.copyOf(values)));
        }
        return List.copyOf(out);
    }

    /** The fields an {@code only_when} can name: those whose values are schema values. */
    private static List<String> conditionFields() {
        return FieldCatalog.names().stream()
                .filter(n -> FieldCatalog.find(n).orElseThrow().values() != null)
                .toList();
    }

    /**
     * Every {@code only_when} names a field this agency reads, does not go with {@code required}, and no chain of
     * conditions leads back to where it started (a row could then not be read at all).
     */
    static void check(YamlNode fields, Map<String, FieldSpec> specs) {
        for (FieldSpec spec : specs.values()) {
            String at = spec.field() + ".only_when";
            for (FieldCondition c : conditionsOf(spec)) {
                if (!specs.containsKey(c.field())) {
                    fields.problem(
                            at + "." + c.field(),
                            "names a field this agency does not read (no fields." + c.field() + ")");
                }
            }
            if (!spec.onlyWhen().isEmpty() && spec.required()) {
                fields.problem(
                        at,
                        "cannot go with required: true (a field not read counts as blank, which"
                                + " required rejects)");
            }
        }
        Set<String> done = new LinkedHashSet<>();
        for (String start : specs.keySet()) {
            findCycle(fields, specs, start, new ArrayList<>(), done);
        }
    }

    /** A field's conditions, its {@code first_of} sources' included: its value depends on all of them. */
    private static List<FieldCondition> conditionsOf(FieldSpec spec) {
        List<FieldCondition> all = new ArrayList<>(spec.onlyWhen());
        spec.firstOf().forEach(source -> all.addAll(source.onlyWhen()));
        return all;
    }

    /** Depth first along the conditions; reports a chain that comes back to a field on it, once. */
    private static void findCycle(
            YamlNode fields, Map<String, FieldSpec> specs, String field, List<String> chain, Set<String> done) {
        int at = chain.indexOf(field);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(chain.subList(at, chain.size()));
            cycle.add(field);
            fields.problem(
                    chain.get(chain.size() - 1) + ".only_when",
                    "the conditions go round in a circle (" + String.join(" -> ", cycle) + "): no row could be read");
            return;
        }
        FieldSpec spec = specs.get(field);
        if (spec == null || done.contains(field)) {
            return;
        }
        chain.add(field);
        for (FieldCondition c : conditionsOf(spec)) {
            findCycle(fields, specs, c.field(), chain, done);
        }
        chain.remove(chain.size() - 1);
        done.add(field);
    }
}
