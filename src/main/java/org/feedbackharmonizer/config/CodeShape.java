package org.feedbackharmonizer.config;

import java.util.regex.Pattern;

/**
 * What an agency or jurisdiction code may look like. Codes are the labels of metrics (which no output guard scans
 * and which a Pushgateway receives) and the grouping keys of every published table, so they must be codes, not
 * free text: a name or an e-mail typed where a code belongs would otherwise travel with them.
 */
public final class CodeShape {
    /** Letters, digits, '.', '_' and '-', starting with a letter or digit; 64 at most, as the store's columns. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** How the rule reads in a problem, without the value (which may be the personal text it keeps out). */
    public static final String RULE =
            "must be a code: letters, digits, '.', '_' and '-', at most 64 (e.g. US-TX-ICAC-DALLAS)";

    private CodeShape() {}

    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }
}
