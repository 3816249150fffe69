package org.feedbackharmonizer.ingest;

import java.time.LocalDateTime;

/**
 * One cell as a reader saw it, typed as far as the file format tells. Readers never
 * interpret a value against the schema; that is the mapper's job.
 */
public sealed interface CellValue {

    /** The cell as text, the way a steward would read it in the sheet (used for header matching and labels). */
    String text();

    default boolean isBlank() {
        return text().isBlank();
    }

    record Text(String value) implements CellValue {
        @Override
        public String text() {
            return value;
        }
    }

    /** A numeric cell that is not date-formatted. */
    record Number(double value) implements CellValue {
        @Override
        public String text() {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** A numeric cell whose number format is a date or time format, already converted (1900 or 1904 system). */
    record Date(LocalDateTime value) implements CellValue {
        @Override
        public String text() {
            return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    ? value.toLocalDate().toString()
                    : value.toString();
        }
    }

    record Bool(boolean value) implements CellValue {
        @Override
        public String text() {
            return value ? "TRUE" : "FALSE";
        }
    }

    /** A cell holding a spreadsheet error such as #N/A or #DIV/0!. */
    record Error(String code) implements CellValue {
        @Override
        public String text() {
            return code;
        }
    }

    enum Blank implements CellValue {
        INSTANCE;

        @Override
        public String text() {
            return "";
        }
    }

    static CellValue text(String s) {
        return s == null || s.isEmpty() ? Blank.INSTANCE : new Text(s);
    }
}
