package org.feedbackharmonizer.config;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.feedbackharmonizer.ingest.FileFormat;
import org.feedbackharmonizer.schema.Outcome;

/** The {@code files:} of an agency or layout: which files are its, how they are read, and their as-of date. */
final class FileSection {
    private FileSection() {}

    static FileSpec read(YamlNode root) {
        if (!root.has("files")) {
            root.problem("files", "is required (at least files.glob)");
            return null;
        }
        YamlNode f = root.child("files");
        List<String> globs = f.optionalStrings("glob").orElse(List.of());
        if (globs.isEmpty()) {
            f.problem("glob", "is required: which files in the input folder belong to this agency");
        }
        FileFormat format = f.optionalEnum("format", FileFormat.class).orElse(null);
        Charset charset = StandardCharsets.UTF_8;
        var cs = f.optionalString("charset");
        if (cs.isPresent()) {
            try {
                charset = Charset.forName(cs.get().trim());
            } catch (RuntimeException e) {
                f.problem("charset", "'" + cs.get() + "' is not a charset this Java knows (e.g. UTF-8, windows-1252)");
            }
        }
        char delimiter = format == FileFormat.TSV ? '\t' : ',';
        var d = f.optionalString("delimiter");
        if (d.isPresent()) {
            String s = d.get().equals("\\t") || d.get().equalsIgnoreCase("tab") ? "\t" : d.get();
            if (s.length() != 1) {
                f.problem("delimiter", "must be one character (or 'tab')");
            } else {
                delimiter = s.charAt(0);
            }
        }
        Character quote = format == FileFormat.TSV ? null : '"';
        var q = f.optionalString("quote");
        if (q.isPresent()) {
            if (q.get().isEmpty()) {
                quote = null;
            } else if (q.get().length() != 1) {
                f.problem("quote", "must be one character, or \"\" for none");
            } else {
                quote = q.get().charAt(0);
            }
        }
        FileSpec.AsOfRule asOf = new FileSpec.AsOfRule(null, null, AgencyConfigLoader.DEFAULT_AS_OF_PATTERNS);
        if (f.has("as_of")) {
            YamlNode a = f.child("as_of");
            Pattern fromName = a.optionalPattern("from_name").orElse(null);
            Pattern fromTitle = a.optionalPattern("from_title").orElse(null);
            List<String> patterns = a.optionalStrings("patterns").orElse(AgencyConfigLoader.DEFAULT_AS_OF_PATTERNS);
            AgencyConfigLoader.checkAsOfPatterns(a, "patterns", patterns);
            for (Pattern p : new Pattern[] {fromName, fromTitle}) {
                if (p != null && p.matcher("").groupCount() < 1) {
                    a.problem(p == fromName ? "from_name" : "from_title", "needs a (group) around the date");
                }
            }
            String sheet = a.optionalString("sheet").orElse(null);
            if (sheet != null && fromTitle == null) {
                a.problem("sheet", "needs from_title: the regex that finds the date in that sheet's cells");
            }
            a.reportUnknownKeys();
            asOf = new FileSpec.AsOfRule(fromName, fromTitle, patterns, sheet);
        }
        Pattern trailer = f.optionalPattern("trailer").orElse(null);
        FileSpec.RepeatedReport repeatedReport =
                f.optionalEnum("repeated_report", FileSpec.RepeatedReport.class).orElse(FileSpec.RepeatedReport.LAST);
        FileSpec.Merge merge = repeatedReport == FileSpec.RepeatedReport.MERGE ? FileSpec.Merge.DEFAULT : null;
        if (f.has("merge")) {
            FileSpec.Merge read = merge(f.child("merge"));
            if (repeatedReport != FileSpec.RepeatedReport.MERGE) {
                f.problem("merge", "has no effect unless repeated_report is merge");
            } else {
                merge = read;
            }
        }
        f.reportUnknownKeys();
        return new FileSpec(globs, format, charset, delimiter, quote, asOf, trailer, repeatedReport, merge);
    }

    /** {@code files.merge}: the milestones, lowest first, each a schema outcome once; UNKNOWN is none. */
    private static FileSpec.Merge merge(YamlNode m) {
        List<Outcome> milestones = new ArrayList<>();
        for (String written : m.optionalStrings("milestones").orElse(List.of())) {
            String name = written.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
            Outcome o = null;
            for (Outcome candidate : Outcome.values()) {
                if (candidate.name().equals(name)) {
                    o = candidate;
                }
            }
            if (o == null) {
                m.problem(
                        "milestones",
                        "'" + written + "' is not a schema outcome (one of " + List.of(Outcome.values()) + ")");
            } else if (o == Outcome.UNKNOWN) {
                m.problem("milestones", "UNKNOWN says nothing of how far a referral got; leave it out");
            } else if (milestones.contains(o)) {
                m.problem("milestones", o + " is listed twice");
            } else {
                milestones.add(o);
            }
        }
        FileSpec.Merge merge = m.has("milestones") ? new FileSpec.Merge(milestones) : FileSpec.Merge.DEFAULT;
        m.reportUnknownKeys();
        return merge;
    }
}
