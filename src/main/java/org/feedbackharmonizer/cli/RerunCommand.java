package org.feedbackharmonizer.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "rerun",
        mixinStandardHelpOptions = true,
        description = "Reload what it names after a mapping fix, replacing what those files contributed before,"
                + " and publish again. Rerunning twice gives the same store and outputs as once.")
final class RerunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--agency", required = true, description = "The agency code, in any case.")
    String agency;

    @Option(names = "--file", description = "Only this file (its name, or its path relative to the input folder).")
    String file;

    @Option(names = "--from", description = "With --to: only files whose as-of date is in this range.")
    LocalDate from;

    @Option(names = "--to", description = "With --from: only files whose as-of date is in this range.")
    LocalDate to;

    @Option(names = "--as-of", description = "The date overdue and coverage are measured on (default: today).")
    LocalDate asOf;

    @Override
    public Integer call() {
        if ((from == null) != (to == null) || (from != null && to.isBefore(from))) {
            System.err.println("harmonizer: give --from and --to together, --from not after --to");
            return ExitCodes.USAGE;
        }
        return JobRunner.run(new JobRunner.Request("rerun", options, asOf, agency, file, from, to, true, false));
    }
}
