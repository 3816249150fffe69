package org.feedbackharmonizer.deidentify;

/**
 * Keeps a published cell from being run as a formula when the file is opened in a spreadsheet (CSV or formula
 * injection, OWASP "CSV Injection"): a value that begins with {@code =}, {@code +}, {@code -}, {@code @}, tab
 * (0x09) or carriage return (0x0D) gets a single quote in front, which spreadsheets show as text.
 *
 * <p>Every value with such a start is neutralized, with no exception for numbers: the published fields never
 * hold a negative number (a negative {@code days_to_close} is rejected by the mapping, counts and percentages
 * are never negative), so a leading minus can only come from text, and guessing "this looks like a harmless
 * number" is exactly the kind of judgement an attacker gets to exploit ({@code -2+3+cmd|...}).
 *
 * <p>HTML outputs call the same method and then HTML-escape the result: the quote guards a copy-paste into a
 * spreadsheet, the escaping guards the page.
 */
public final class FormulaGuard {

    private FormulaGuard() {}

    /** The value, with a leading single quote if it would otherwise start a formula; null stays null. */
    public static String neutralize(String cell) {
        return needsNeutralizing(cell) ? "'" + cell : cell;
    }

    /** True when the value begins with a character a spreadsheet would read as the start of a formula. */
    public static boolean needsNeutralizing(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
