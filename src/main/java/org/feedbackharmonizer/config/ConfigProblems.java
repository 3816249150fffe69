package org.feedbackharmonizer.config;

import java.util.ArrayList;
import java.util.List;

/** Every problem found in the configuration, each with its file and YAML path, reported all at once. */
public final class ConfigProblems {
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public void add(String file, String path, String message) {
        problems.add(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    public void warn(String file, String path, String message) {
        warnings.add(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public void throwIfAny() throws ConfigInvalid {
        if (!problems.isEmpty()) {
            throw new ConfigInvalid(problems());
        }
    }
}
