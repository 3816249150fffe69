package org.feedbackharmonizer.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;

/** Turns an OOXML cell's raw parts into a {@link CellValue}; shared by the fastexcel and the POI path. */
final class XlsxCells {

    /** Error codes Excel writes; a formula whose cached string is one of these is taken as that error. */
    static final Set<String> ERROR_CODES = Set.of(
            "#NULL!",
            "#DIV/0!",
            "#VALUE!",
            "#REF!",
            "#NAME?",
            "#NUM!",
            "#N/A",
            "#GETTING_DATA",
            "#SPILL!",
            "#CALC!",
            "#FIELD!",
            "#BLOCKED!",
            "#CONNECT!",
            "#BUSY!",
            "#UNKNOWN!",
            "#PYTHON!");

    private XlsxCells() {}

    /** A number, or a date when its number format is a date or time format (1900 or 1904 system). */
    static CellValue number(double value, Integer formatId, String formatString, boolean date1904) {
        if (formatId != null && DateUtil.isValidExcelDate(value)) {
            String format = formatString != null ? formatString : BuiltinFormats.getBuiltinFormat(formatId);
            if (format != null && DateUtil.isADateFormat(formatId, format)) {
                return new CellValue.Date(DateUtil.getLocalDateTime(value, date1904));
            }
        }
        return new CellValue.Number(value);
    }

    static CellValue number(BigDecimal value, Integer formatId, String formatString, boolean date1904) {
        return number(value.doubleValue(), formatId, formatString, date1904);
    }

    /** A cell of type "d" (ISO 8601 date, written by some producers and by strict OOXML). */
    static CellValue isoDate(String raw) {
        try {
            if (raw.length() == 10) {
                return new CellValue.Date(java.time.LocalDate.parse(raw).atStartOfDay());
            }
            String s = raw.endsWith("Z") ? raw.substring(0, raw.length() - 1) : raw;
            return new CellValue.Date(LocalDateTime.parse(s));
        } catch (DateTimeParseException e) {
            return CellValue.text(raw);
        }
    }

    static CellValue formulaString(String cached) {
        return ERROR_CODES.contains(cached) ? new CellValue.Error(cached) : CellValue.text(cached);
    }
}
