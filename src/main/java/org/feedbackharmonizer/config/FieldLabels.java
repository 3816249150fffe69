package org.feedbackharmonizer.config;

import java.util.Set;
import org.feedbackharmonizer.schema.LabelList;

/**
 * The labels one field reads with: its own yes or no list in place of the agency's, its own unknown labels added
 * to the agency's. The mapper reads a field with these, and the loader checks them, so both use this one rule.
 *
 * @param yes and {@code no} matter to yes/no fields only
 */
public record FieldLabels(Set<String> yes, Set<String> no, LabelList unknown) {

    public static FieldLabels of(FieldSpec field, ValueDefaults agency) {
        return new FieldLabels(
                field.yes() != null ? field.yes() : agency.yes(),
                field.no() != null ? field.no() : agency.no(),
                agency.unknown().plus(field.unknown()));
    }
}
