package org.feedbackharmonizer.cli;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.ConfigInvalid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check every agency config, the ledger config and the agreements; list all problems at once.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--as-of", description = "The date agreement expiry is measured from (default: today).")
    LocalDate asOf;

    @Override
    public Integer call() {
        Harmonizer h;
        try {
            h = Harmonizer.load(options.config);
        } catch (ConfigInvalid e) {
            System.out.println(e.problems().size() + " problem(s) in " + options.config + ":");
            e.problems().forEach(p -> System.out.println("  " + p));
            return ExitCodes.USAGE;
        }
        LocalDate today = asOf == null ? LocalDate.now() : asOf;
        System.out.println(h.agencies().size() + " agencies, ledger config OK.");
        System.out.printf(
                "%-14s %-28s %-10s %-10s %-10s %-11s %s%n",
                "AGENCY", "AGREEMENT", "CADENCE", "EFFECTIVE", "EXPIRES", "PERMITS", "NOTE");
        for (AgencyConfig a : h.agencies()) {
            var ag = a.agreement();
            String note = "";
            if (ag.expires() != null) {
                long days = ChronoUnit.DAYS.between(today, ag.expires());
                if (days < 0) {
                    note = "WARNING: expired " + (-days) + " days ago";
                } else if (days <= 30) {
                    note = "WARNING: expires in " + days + " days";
                }
            }
            System.out.printf(
                    "%-14s %-28s %-10s %-10s %-10s %-11s %s%n",
                    a.code(),
                    ag.id(),
                    ag.cadence().name().toLowerCase(java.util.Locale.ROOT),
                    ag.effective(),
                    ag.expires() == null ? "open" : ag.expires(),
                    ag.permits().size() + "/" + org.feedbackharmonizer.schema.SchemaField.PERMISSIBLE.size(),
                    note);
        }
        h.warnings().forEach(w -> System.out.println("warning: " + w));
        return ExitCodes.OK;
    }
}
