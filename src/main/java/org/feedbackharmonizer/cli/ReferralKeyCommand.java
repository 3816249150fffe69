package org.feedbackharmonizer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.feedbackharmonizer.deidentify.KeyFile;
import org.feedbackharmonizer.deidentify.KeyProblem;
import org.feedbackharmonizer.deidentify.Pseudonymizer;
import org.feedbackharmonizer.ingest.CellValue;
import org.feedbackharmonizer.mapping.ReportNumberParser;
import org.feedbackharmonizer.mapping.ValueRejected;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The referral key of report numbers a steward names, with this installation's key: how to find a referral in
 * feedback.csv when checking an agency's file against what its clerk said. The numbers are read as a cell would
 * be ("201 234 567", "0201234567") and never printed: a key per line, in the order given.
 */
@Command(
        name = "referral-key",
        mixinStandardHelpOptions = true,
        description = "Print the referral key of each report number given, one per line, in the order given, with"
                + " the installation's pseudonymization key (feedback.csv's referral_key).")
final class ReferralKeyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT_NUMBER", description = "CyberTipline report numbers.")
    List<String> numbers;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Harmonizer h = Harmonizer.loadOrReport(options.config, err::println);
        if (h == null) {
            return ExitCodes.USAGE;
        }
        var keyFile = h.settings().keyFile();
        if (System.getenv(KeyFile.ENV_VAR) == null && !Files.exists(keyFile)) {
            // resolving would create a key, and no run has used it: every key printed would match nothing
            err.println("harmonizer: no pseudonymization key yet (" + keyFile + "): the first run creates it; or set "
                    + KeyFile.ENV_VAR + " as the runs do");
            return ExitCodes.USAGE;
        }
        Pseudonymizer keys;
        try {
            keys = KeyFile.resolve(keyFile, System.getenv()).pseudonymizer();
        } catch (KeyProblem e) {
            err.println("harmonizer: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // every argument is checked before anything is printed: a key per line only for all of them, in order
        ReportNumberParser parser = new ReportNumberParser(null);
        List<String> normalized = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            List<String> read;
            try {
                read = parser.parse(CellValue.text(numbers.get(i)));
            } catch (ValueRejected e) {
                err.println("harmonizer: argument " + (i + 1) + " is not a report number (" + e.getMessage()
                        + "); nothing printed");
                return ExitCodes.USAGE;
            }
            if (read.size() != 1) {
                err.println("harmonizer: argument " + (i + 1) + " holds " + read.size()
                        + " report numbers; give one per argument");
                return ExitCodes.USAGE;
            }
            normalized.add(read.get(0));
        }
        normalized.forEach(n -> out.println(keys.referralKey(n)));
        out.flush();
        return ExitCodes.OK;
    }
}
