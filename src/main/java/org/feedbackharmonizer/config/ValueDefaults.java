package org.feedbackharmonizer.config;

import java.util.List;
import java.util.Set;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.YesNo;

/** An agency's default vocabularies, used by every field that does not set its own. */
public record ValueDefaults(List<String> dates, Set<String> yes, Set<String> no, LabelList unknown, YesNo blank) {}
