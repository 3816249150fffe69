package org.feedbackharmonizer.config;

import java.util.List;

/** The configuration is wrong; nothing was read or written. The message lists every problem, one per line. */
public final class ConfigInvalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ConfigInvalid(List<String> problems) {
        super(String.join(System.lineSeparator(), problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
