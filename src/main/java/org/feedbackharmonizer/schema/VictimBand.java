package org.feedbackharmonizer.schema;

/** Victims identified, banded so that small counts cannot single anyone out. */
public enum VictimBand {
    NONE("0"),
    ONE("1"),
    TWO_TO_FIVE("2-5"),
    SIX_OR_MORE("6+"),
    UNKNOWN("UNKNOWN");

    private final String label;

    VictimBand(String label) {
        this.label = label;
    }

    /** The value as written in the schema and in every output. */
    public String label() {
        return label;
    }

    public static VictimBand ofCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count");
        }
        return count == 0 ? NONE : count == 1 ? ONE : count <= 5 ? TWO_TO_FIVE : SIX_OR_MORE;
    }

    /** {@code values()} copies its array on every call, and these look-ups run for every row. */
    private static final VictimBand[] ALL = values();

    public static VictimBand ofLabel(String label) {
        for (VictimBand b : ALL) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        throw new IllegalArgumentException("not a victim band: " + label);
    }
}
