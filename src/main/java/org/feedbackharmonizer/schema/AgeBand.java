package org.feedbackharmonizer.schema;

/** Subject age, banded; the exact age and birth date are never kept. */
public enum AgeBand {
    UNDER_18("UNDER_18", 0, 17),
    AGE_18_24("18-24", 18, 24),
    AGE_25_34("25-34", 25, 34),
    AGE_35_44("35-44", 35, 44),
    AGE_45_54("45-54", 45, 54),
    AGE_55_64("55-64", 55, 64),
    AGE_65_PLUS("65+", 65, Integer.MAX_VALUE),
    UNKNOWN("UNKNOWN", -1, -1);

    private final String label;
    private final int from;
    private final int to;

    AgeBand(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public static AgeBand ofAge(int years) {
        for (AgeBand b : ALL) {
            if (b != UNKNOWN && years >= b.from && years <= b.to) {
                return b;
            }
        }
        throw new IllegalArgumentException("negative age");
    }

    /** {@code values()} copies its array on every call, and these look-ups run for every row. */
    private static final AgeBand[] ALL = values();

    public static AgeBand ofLabel(String label) {
        for (AgeBand b : ALL) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        throw new IllegalArgumentException("not an age band: " + label);
    }
}
