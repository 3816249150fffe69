package org.feedbackharmonizer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.feedbackharmonizer.deidentify.KeyFile;
import org.feedbackharmonizer.deidentify.KeyProblem;
import org.feedbackharmonizer.deidentify.Pseudonymizer;

/** A private installation in a temporary folder: the project's config and samples, its own data and output. */
final class SampleRun {
    final Path root;
    final Path config;
    final Path input;
    final Path output;
    final Path data;

    SampleRun(Path root) throws IOException {
        this(root, 2, "");
    }

    /** @param settings more lines for config/harmonizer.yml, e.g. a store URL or a shared key file */
    SampleRun(Path root, String settings) throws IOException {
        this(root, 2, settings);
    }

    /** With {@code threads} load threads and any further harmonizer.yml lines. */
    SampleRun(Path root, int threads, String moreSettings) throws IOException {
        this.root = root;
        this.config = root.resolve("config");
        this.input = root.resolve("input");
        this.output = root.resolve("output");
        this.data = root.resolve("data");
        copyTree(Path.of("config"), config);
        copyTree(Path.of("input-samples"), input);
        Files.writeString(
                config.resolve("harmonizer.yml"),
                "data_dir: " + data.toAbsolutePath() + "\nthreads: " + threads + "\n" + moreSettings);
    }

    int run(String command, String... extra) {
        String[] base = {
            command, "--config", config.toString(), "--input", input.toString(), "--output", output.toString()
        };
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        return HarmonizerCommand.execute(args);
    }

    Pseudonymizer pseudonymizer() throws KeyProblem {
        return KeyFile.resolve(data.resolve("pseudonymization.key"), Map.of()).pseudonymizer();
    }

    String jdbcUrl() {
        return "jdbc:h2:file:" + data.resolve("harmonizer").toAbsolutePath();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
