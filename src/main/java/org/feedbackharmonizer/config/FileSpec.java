package org.feedbackharmonizer.config;

import java.nio.charset.Charset;
import java.util.List;
import java.util.regex.Pattern;
import org.feedbackharmonizer.ingest.FileFormat;
import org.feedbackharmonizer.schema.Outcome;

/**
 * Which files in the inbox belong to an agency and how they are written.
 *
 * @param globs glob patterns relative to the input folder
 * @param format the format, or null to take it from each file's extension
 * @param quote quote character of text files, or null for none
 * @param trailer the row an export ends with ("END OF REPORT  82 records"), or null: a file without one is
 *     cut short, and its group 1, if any, is how many records the agency says the file holds
 * @param repeatedReport which of a file's rows is current when several give one report number
 * @param merge how rows are taken together under {@code repeated_report: merge}, else null
 */
public record FileSpec(
        List<String> globs,
        FileFormat format,
        Charset charset,
        char delimiter,
        Character quote,
        AsOfRule asOf,
        Pattern trailer,
        RepeatedReport repeatedReport,
        Merge merge) {

    /** Files without a trailer, whose last row for a report number counts. */
    public FileSpec(
            List<String> globs, FileFormat format, Charset charset, char delimiter, Character quote, AsOfRule asOf) {
        this(globs, format, charset, delimiter, quote, asOf, null, RepeatedReport.LAST, null);
    }

    /**
     * How a file's as-of date is found: from its name, from the title rows above the header (or the rows of
     * {@code sheet}, a workbook's README tab, when named), else its arrival (modification) date.
     */
    public record AsOfRule(Pattern fromName, Pattern fromTitle, List<String> patterns, String sheet) {

        /** Title rows above the header only. */
        public AsOfRule(Pattern fromName, Pattern fromTitle, List<String> patterns) {
            this(fromName, fromTitle, patterns, null);
        }
    }

    /**
     * Which row of one file counts for a report number the file gives on several rows ({@code files.repeated_report}).
     * Between files, the later as-of date always wins.
     */
    public enum RepeatedReport {
        /** The later row: a file that lists updates below the rows they update (the default). */
        LAST,
        /** The first row: an extract with one line per suspect whose first line is the main one. */
        FIRST,
        /**
         * All of them, taken together field by field ({@code mapping.ReportMerge}): an event log, one row per event
         * on a referral, whose answer needs all the referral's rows.
         */
        MERGE
    }

    /**
     * {@code files.merge}: how the rows of one report number are taken together under {@code repeated_report: merge}.
     *
     * @param milestones the outcomes a referral climbs, lowest first: of these the furthest reached counts. Every
     *     other outcome but UNKNOWN is an ending (why the referral stopped), which counts when it comes after the
     *     row that reached the furthest milestone. Default {@link Outcome#MILESTONES}.
     */
    public record Merge(List<Outcome> milestones) {
        public static final Merge DEFAULT = new Merge(Outcome.MILESTONES);

        public Merge {
            milestones = List.copyOf(milestones);
        }
    }
}
