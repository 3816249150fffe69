package org.feedbackharmonizer.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description =
                "After a crash: clear the dead run's lock, redo its half-loaded files from a clean state,"
                        + " finish what it left undone and publish. With nothing to restart it says so and does an ordinary run.")
final class RestartCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--as-of", description = "The date overdue and coverage are measured on (default: today).")
    LocalDate asOf;

    @Override
    public Integer call() {
        return JobRunner.run(new JobRunner.Request("restart", options, asOf, null, null, null, null, false, true));
    }
}
