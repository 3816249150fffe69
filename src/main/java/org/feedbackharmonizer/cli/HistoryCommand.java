package org.feedbackharmonizer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true, description = "The last runs: when, how long, result.")
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--limit", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        return RunReport.show(options, limit, false);
    }
}
