package org.feedbackharmonizer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.feedbackharmonizer.config.AgencyCodes;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.ConfigInvalid;
import org.feedbackharmonizer.ingest.FileRefused;
import org.feedbackharmonizer.steward.Preview;
import org.feedbackharmonizer.steward.PreviewReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = {
            "Run an agency's mapping over one file and show what it makes of it: as-of date, headers, the first"
                    + " mapped rows, every reject, unmapped labels and the row reconciliation.",
            "Writes nothing, starts no database; referral keys are made under a throwaway key and never shown."
        })
final class PreviewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions options;

    @Option(
            names = "--agency",
            required = true,
            description = "The agency code whose configuration is used, in any case.")
    String agency;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to preview.")
    Path file;

    @Option(
            names = "--rows",
            defaultValue = "20",
            description = "How many mapped rows to show (default: ${DEFAULT-VALUE}).")
    int rows;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rows < 0) {
            err.println("harmonizer: --rows must not be negative");
            return ExitCodes.USAGE;
        }
        Harmonizer h;
        try {
            h = Harmonizer.load(options.config);
        } catch (ConfigInvalid e) {
            err.println("harmonizer: " + e.problems().size() + " problem(s) in " + options.config
                    + "; run 'harmonizer validate' for the list. First: "
                    + e.problems().get(0));
            return ExitCodes.USAGE;
        }
        AgencyConfig config = AgencyCodes.find(h.agencies(), agency).orElse(null);
        if (config == null) {
            err.println("harmonizer: " + AgencyCodes.unknown(h.agencies(), agency, options.config.resolve("agencies")));
            return ExitCodes.USAGE;
        }
        AgencyConfig layout = config.layoutFor(file);
        if (!config.otherLayouts().isEmpty()) {
            out.println("layout " + (config.layouts().indexOf(layout) + 1) + " of "
                    + config.layouts().size() + " (files.glob " + layout.files().globs() + ")");
        }
        try {
            Preview.Result result = new Preview(rows).run(file, layout);
            PreviewReport.print(result, layout, out);
            return ExitCodes.OK;
        } catch (FileRefused refused) {
            err.println("harmonizer: file refused: " + refused.getMessage());
            return ExitCodes.QUARANTINED;
        }
    }
}
