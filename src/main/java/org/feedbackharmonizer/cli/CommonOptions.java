package org.feedbackharmonizer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command takes, with the same defaults. */
public final class CommonOptions {
    @Option(
            names = "--config",
            defaultValue = "config",
            description = "Configuration folder (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(
            names = "--input",
            defaultValue = "input-samples",
            description = "Input folder, the inbox (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = "--output", defaultValue = "output", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path output;
}
