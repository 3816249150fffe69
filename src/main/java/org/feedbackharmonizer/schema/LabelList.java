package org.feedbackharmonizer.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A list of labels as a steward writes it, such as {@code values.unknown} or a field's {@code unknown:}: exact
 * labels, compared in label form ({@link CellText#label}), and {@code /regex/} entries, written and matched as the
 * keys of a value map are: searched ({@link java.util.regex.Matcher#find()}) in the cleaned text, case mattering
 * unless the regex says {@code (?i)}. Immutable.
 */
public final class LabelList {
    public static final LabelList NONE = new LabelList(Set.of(), List.of());

    private final Set<String> exact;
    private final List<Pattern> regexes;

    private LabelList(Set<String> exact, List<Pattern> regexes) {
        this.exact = Collections.unmodifiableSet(exact);
        this.regexes = List.copyOf(regexes);
    }

    /**
     * The labels as written, in order; an entry written {@code /.../} is a regex.
     *
     * @throws IllegalArgumentException naming the entry when a regex does not compile
     */
    public static LabelList of(Collection<String> written) {
        Set<String> exact = new LinkedHashSet<>();
        List<Pattern> regexes = new ArrayList<>();
        for (String entry : written) {
            if (isRegex(entry)) {
                regexes.add(compile(entry));
            } else {
                exact.add(CellText.label(entry));
            }
        }
        return new LabelList(exact, regexes);
    }

    /** True for an entry written {@code /.../}: a regex, in a label list as in a value map's keys. */
    public static boolean isRegex(String entry) {
        return entry.length() >= 2 && entry.startsWith("/") && entry.endsWith("/");
    }

    /**
     * The regex of an entry written {@code /.../}.
     *
     * @throws IllegalArgumentException naming the entry when it does not compile
     */
    public static Pattern compile(String entry) {
        try {
            return Pattern.compile(entry.substring(1, entry.length() - 1));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + entry + "' is not a valid regex: " + e.getDescription(), e);
        }
    }

    /** These labels and then those of another list. */
    public LabelList plus(LabelList more) {
        Set<String> allExact = new LinkedHashSet<>(exact);
        allExact.addAll(more.exact);
        List<Pattern> allRegexes = new ArrayList<>(regexes);
        allRegexes.addAll(more.regexes);
        return new LabelList(allExact, allRegexes);
    }

    /** The exact labels, in label form and in order. */
    public Set<String> exact() {
        return exact;
    }

    /** True when a label (in label form) is one of the exact labels. */
    public boolean containsLabel(String label) {
        return exact.contains(label);
    }

    /** True when one of the regex entries is found in the text; readers try these after every exact label. */
    public boolean matchesRegex(String text) {
        if (regexes.isEmpty()) {
            return false;
        }
        String clean = CellText.clean(text);
        for (Pattern r : regexes) {
            if (r.matcher(clean).find()) {
                return true;
            }
        }
        return false;
    }

    /** True when the text is one of the exact labels or a regex entry is found in it. */
    public boolean matches(String text) {
        return containsLabel(CellText.label(text)) || matchesRegex(text);
    }

    /** As the steward wrote them, for messages: exact labels in label form, then the regexes. */
    @Override
    public String toString() {
        List<String> all = new ArrayList<>(exact);
        regexes.forEach(r -> all.add("/" + r.pattern() + "/"));
        return all.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelList other
                && exact.equals(other.exact)
                && regexes.stream()
                        .map(Pattern::pattern)
                        .toList()
                        .equals(other.regexes.stream().map(Pattern::pattern).toList());
    }

    @Override
    public int hashCode() {
        return Objects.hash(exact, regexes.stream().map(Pattern::pattern).toList());
    }
}
