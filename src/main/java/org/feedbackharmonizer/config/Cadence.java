package org.feedbackharmonizer.config;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How often an agreement expects a file. A period ends on its last day; a file is due after it ends. */
public enum Cadence {
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    SEMIANNUAL,
    ANNUAL;

    /** The last day of the reporting period that contains {@code date}. */
    /** The end of the last period that has ended by {@code date}: its own period when it ends that day. */
    public LocalDate lastEndedBy(LocalDate date) {
        LocalDate end = periodEnd(date);
        LocalDate d = date;
        while (!end.equals(date) && periodEnd(d).equals(end)) {
            d = d.minusDays(1); // at most a year of days, back into the period before
        }
        return periodEnd(d);
    }

    public LocalDate periodEnd(LocalDate date) {
        return switch (this) {
            case WEEKLY -> date.with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
            case MONTHLY -> date.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTERLY -> monthEnd(date, 3);
            case SEMIANNUAL -> monthEnd(date, 6);
            case ANNUAL -> LocalDate.of(date.getYear(), 12, 31);
        };
    }

    private static LocalDate monthEnd(LocalDate date, int months) {
        int lastMonth = ((date.getMonthValue() - 1) / months + 1) * months;
        return LocalDate.of(date.getYear(), lastMonth, 1).with(TemporalAdjusters.lastDayOfMonth());
    }
}
