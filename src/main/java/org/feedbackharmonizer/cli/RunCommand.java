package org.feedbackharmonizer.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "The nightly run: load every new file in the inbox, publish feedback, rejects, coverage.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--as-of", description = "The date overdue and coverage are measured on (default: today).")
    LocalDate asOf;

    @Override
    public Integer call() {
        return JobRunner.run(new JobRunner.Request("run", options, asOf, null, null, null, null, false, false));
    }
}
