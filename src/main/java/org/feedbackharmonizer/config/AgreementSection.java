package org.feedbackharmonizer.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.feedbackharmonizer.schema.SchemaField;

/** The {@code agreement:} of an agency: the data sharing agreement its feedback is published under. */
final class AgreementSection {
    private AgreementSection() {}

    static AgreementConfig read(YamlNode root) {
        if (!root.has("agreement")) {
            root.problem("agreement", "is required: id, effective, cadence (and expires, grace_days, permits)");
            return null;
        }
        YamlNode a = root.child("agreement");
        String id = a.string("id");
        var effective = a.date("effective");
        var expires = a.optionalDate("expires").orElse(null);
        Cadence cadence =
                a.has("cadence") ? a.optionalEnum("cadence", Cadence.class).orElse(null) : null;
        if (!a.has("cadence")) {
            a.problem("cadence", "is required: weekly, monthly, quarterly, semiannual or annual");
        }
        int grace = a.optionalInt("grace_days", 0, 366).orElse(30);
        Set<String> permits = new LinkedHashSet<>(SchemaField.PERMISSIBLE);
        if (a.has("permits")) {
            List<String> list = a.optionalStrings("permits").orElse(List.of("all"));
            if (!(list.size() == 1 && list.get(0).equalsIgnoreCase("all"))) {
                permits.clear();
                for (String p : list) {
                    if (SchemaField.PERMISSIBLE.contains(p)) {
                        permits.add(p);
                    } else {
                        a.problem(
                                "permits",
                                "'" + p + "' is not a schema field an agreement can permit " + SchemaField.PERMISSIBLE);
                    }
                }
            }
        }
        if (effective != null && expires != null && expires.isBefore(effective)) {
            a.problem("expires", "is before 'effective'");
        }
        AgreementConfig.FileCovers covers = a.optionalEnum("file_covers", AgreementConfig.FileCovers.class)
                .orElse(AgreementConfig.FileCovers.AS_OF_PERIOD);
        a.reportUnknownKeys();
        return new AgreementConfig(id, effective, expires, cadence, grace, Set.copyOf(permits), covers);
    }
}
