package org.feedbackharmonizer.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The labels one field reads with: its own yes or no list in place of the agency's, its own unknown labels added
 * to the agency's. The mapper reads a field with these, and the loader checks them, so both use this one rule.
 *
 * @param yes and {@code no} matter to yes/no fields only
 */
public record FieldLabels(Set<String> yes, Set<String> no, Set<String> unknown) {

    public static FieldLabels of(FieldSpec field, ValueDefaults agency) {
        Set<String> unknown = new LinkedHashSet<>(agency.unknown());
        unknown.addAll(field.unknown());
        return new FieldLabels(
                field.yes() != null ? field.yes() : agency.yes(),
                field.no() != null ? field.no() : agency.no(),
                Collections.unmodifiableSet(unknown));
    }
}
