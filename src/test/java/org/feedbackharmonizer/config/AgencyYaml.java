package org.feedbackharmonizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An agency TEST's YAML for tests of one feature: the keys every agency needs, then the test's own. */
public final class AgencyYaml {
    /** Ends inside {@code files:}, so that a test can add keys of its own there before its {@code fields:}. */
    public static final String HEAD = """
            agency: TEST
            jurisdiction: US-ZZ
            agreement: { id: DSA-T, effective: 2024-01-01, cadence: monthly }
            files:
              glob: "*.csv"
            """;

    private AgencyYaml() {}

    /** Loads {@link #HEAD} plus {@code rest} as {@code dir/TEST.yml} through the real loader. */
    public static AgencyConfig load(Path dir, String rest, ConfigProblems problems) throws IOException {
        Path f = dir.resolve("TEST.yml");
        Files.writeString(f, HEAD + rest);
        return new AgencyConfigLoader().load(f, problems);
    }

    /** The same, for a configuration that must be valid. */
    public static AgencyConfig valid(Path dir, String rest) throws IOException {
        ConfigProblems problems = new ConfigProblems();
        AgencyConfig config = load(dir, rest, problems);
        assertThat(problems.problems()).isEmpty();
        return config;
    }
}
