package org.feedbackharmonizer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.feedbackharmonizer.config.AgencyConfig;
import org.feedbackharmonizer.config.AgencyConfigLoader;
import org.feedbackharmonizer.config.ConfigInvalid;
import org.feedbackharmonizer.config.ConfigProblems;
import org.feedbackharmonizer.config.LedgerConfig;
import org.feedbackharmonizer.config.LedgerConfigLoader;
import org.feedbackharmonizer.config.Settings;
import org.feedbackharmonizer.config.SettingsLoader;

/** The whole configuration of an installation, validated at once. */
public record Harmonizer(Settings settings, List<AgencyConfig> agencies, LedgerConfig ledger, List<String> warnings) {

    public static Harmonizer load(Path configDir) throws ConfigInvalid {
        ConfigProblems problems = new ConfigProblems();
        Settings settings = new SettingsLoader().load(configDir, System.getenv(), problems);
        List<AgencyConfig> agencies = new AgencyConfigLoader().loadAll(configDir, problems);
        LedgerConfig ledger = new LedgerConfigLoader().load(configDir, problems);
        problems.throwIfAny();
        return new Harmonizer(settings, agencies, ledger, problems.warnings());
    }

    /** The configuration, or null after telling {@code err} its problems, one a line (the command exits 64). */
    static Harmonizer loadOrReport(Path configDir, Consumer<String> err) {
        try {
            return load(configDir);
        } catch (ConfigInvalid e) {
            err.accept("harmonizer: the configuration has " + e.problems().size() + " problem(s):");
            e.problems().forEach(p -> err.accept("  " + p));
            return null;
        }
    }
}
