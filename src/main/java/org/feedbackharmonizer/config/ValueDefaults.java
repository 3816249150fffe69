package org.feedbackharmonizer.config;

import java.util.List;
import java.util.Set;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.MonthNames;
import org.feedbackharmonizer.schema.YesNo;

/**
 * An agency's default vocabularies, used by every field that does not set its own.
 *
 * @param months the agency's own month names, read wherever a date pattern names the month in words
 */
public record ValueDefaults(
        List<String> dates, Set<String> yes, Set<String> no, LabelList unknown, YesNo blank, MonthNames months) {

    /** Without month names of the agency's own. */
    public ValueDefaults(List<String> dates, Set<String> yes, Set<String> no, LabelList unknown, YesNo blank) {
        this(dates, yes, no, unknown, blank, MonthNames.NONE);
    }
}
