package org.feedbackharmonizer.config;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How often an agreement expects a file. A period ends on its last day; a file is due after it ends. */
public enum Cadence {
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    SEMIANNUAL,
    ANNUAL;

    /** The end of the last period that has ended by {@code date}: its own period when it ends that day. */
    public LocalDate lastEndedBy(LocalDate date) {
        return periodEnd(date).equals(date) ? date : periodStart(date).minusDays(1);
    }

    /** The first day of the reporting period that contains {@code date}. */
    public LocalDate periodStart(LocalDate date) {
        return switch (this) {
            case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> date.withDayOfMonth(1);
            case QUARTERLY -> monthStart(date, 3);
            case SEMIANNUAL -> monthStart(date, 6);
            case ANNUAL -> LocalDate.of(date.getYear(), 1, 1);
        };
    }

    /** The last day of the reporting period that contains {@code date}. */
    public LocalDate periodEnd(LocalDate date) {
        return switch (this) {
            case WEEKLY -> date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTHLY -> date.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTERLY -> monthEnd(date, 3);
            case SEMIANNUAL -> monthEnd(date, 6);
            case ANNUAL -> LocalDate.of(date.getYear(), 12, 31);
        };
    }

    private static LocalDate monthStart(LocalDate date, int months) {
        return LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / months * months + 1, 1);
    }

    private static LocalDate monthEnd(LocalDate date, int months) {
        int lastMonth = ((date.getMonthValue() - 1) / months + 1) * months;
        return LocalDate.of(date.getYear(), lastMonth, 1).with(TemporalAdjusters.lastDayOfMonth());
    }
}
