package org.feedbackharmonizer.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.feedbackharmonizer.schema.FieldCatalog;

/** Labels a yes/no field would read two ways, found before the mapper refuses the field. */
final class AmbiguousLabels {
    private AmbiguousLabels() {}

    /**
     * One kind of label a yes/no field reads, and where it comes from.
     *
     * @param source the YAML key, or the defaults when the agency wrote none
     * @param written false for the defaults
     */
    private record Labels(String kind, Set<String> labels, String source, boolean written) {}

    /**
     * A label that a yes/no field would read two ways makes the mapper refuse the field (mapping.YesNoParser) when
     * the run reaches the agency's first file, so it is reported here instead. The labels are the ones the mapper
     * reads the field with ({@link FieldLabels}); the agency's unknown labels and the field's own are reported
     * apart, so that the problem names the list to change. A yes and a no list both of the field, or both of the
     * agency, are checked where they are read.
     */
    static void check(YamlNode root, ValueDefaults values, Map<String, FieldSpec> fields) {
        Map<?, ?> written = root.raw("values") instanceof Map<?, ?> m ? m : Map.of();
        for (FieldSpec spec : fields.values()) {
            FieldCatalog.Entry entry = FieldCatalog.find(spec.field()).orElseThrow();
            if (!FieldKeys.readsYesNo(entry)) {
                continue;
            }
            String at = "fields." + spec.field();
            FieldLabels read = FieldLabels.of(spec, values);
            Labels yes = labels("yes", read.yes(), spec.yes() != null, at, written);
            Labels no = labels("no", read.no(), spec.no() != null, at, written);
            if ((spec.yes() != null) != (spec.no() != null)) {
                reportShared(root, at, yes, no);
            }
            Set<String> ownUnknown = new LinkedHashSet<>(read.unknown().exact());
            ownUnknown.removeAll(values.unknown().exact());
            for (Labels unknown : List.of(
                    labels("unknown", values.unknown().exact(), false, at, written),
                    labels("unknown", ownUnknown, true, at, written))) {
                reportShared(root, at, yes, unknown);
                reportShared(root, at, no, unknown);
            }
        }
    }

    /** The labels of one kind, of the field itself or else of the agency (written, or the defaults). */
    private static Labels labels(String kind, Set<String> labels, boolean field, String at, Map<?, ?> written) {
        if (field) {
            return new Labels(kind, labels, at + "." + kind, true);
        }
        return written.get(kind) != null
                ? new Labels(kind, labels, "values." + kind, true)
                : new Labels(kind, labels, "the default " + kind + " labels", false);
    }

    private static void reportShared(YamlNode root, String at, Labels a, Labels b) {
        for (String label : a.labels()) {
            if (b.labels().contains(label)) {
                root.problem(
                        at,
                        "'" + label + "' is both " + aLabel(a) + " and " + aLabel(b) + " of this field; "
                                + remedy(a, b));
            }
        }
    }

    private static String aLabel(Labels l) {
        return (l.kind().equals("unknown") ? "an " : "a ") + l.kind() + " label (" + l.source() + ")";
    }

    /** Take the label out of a list the steward wrote, or override a default list that holds it. */
    private static String remedy(Labels a, Labels b) {
        List<String> remedies = new ArrayList<>();
        List<String> from =
                Stream.of(a, b).filter(Labels::written).map(Labels::source).toList();
        if (!from.isEmpty()) {
            remedies.add("remove it from " + String.join(" or ", from));
        }
        for (Labels l : List.of(a, b)) {
            if (!l.written()) {
                remedies.add(
                        l.kind().equals("unknown")
                                ? "write values.unknown without it"
                                : "give the field its own " + l.kind() + ": list without it");
            }
        }
        return String.join(", or ", remedies);
    }
}
