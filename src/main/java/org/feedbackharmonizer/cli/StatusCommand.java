package org.feedbackharmonizer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "The last run, the active one if any, and per agency the files loaded and quarantined.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        return RunReport.show(options, 1, true);
    }
}
