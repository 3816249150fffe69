package org.feedbackharmonizer.config;

import java.util.Set;

/**
 * One condition of a field's {@code only_when}: the field is read only on rows where another field has one of
 * these schema values; on every other row its cell counts as blank.
 *
 * @param field the field whose value decides, as read from the same row (before any derivation)
 * @param values the schema values under which the field is read
 */
public record FieldCondition(String field, Set<Enum<?>> values) {}
