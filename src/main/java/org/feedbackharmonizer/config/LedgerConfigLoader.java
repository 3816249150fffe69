package org.feedbackharmonizer.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.feedbackharmonizer.ingest.FileFormat;

/** Reads {@code <config>/ledger.yml}. */
public final class LedgerConfigLoader {

    public LedgerConfig load(Path configDir, ConfigProblems problems) {
        Path f = configDir.resolve("ledger.yml");
        if (!Files.exists(f)) {
            problems.add("ledger.yml", "", "not found in " + configDir + "; it says where the referral ledger is");
            return null;
        }
        Map<String, Object> doc = AgencyConfigLoader.readYaml(f, problems);
        if (doc == null) {
            return null;
        }
        YamlNode root = new YamlNode("ledger.yml", "", doc, problems);
        List<String> globs = root.optionalStrings("glob").orElse(List.of());
        if (globs.isEmpty()) {
            root.problem("glob", "is required: which files in the input folder are the ledger");
        }
        FileFormat format = root.optionalEnum("format", FileFormat.class).orElse(null);
        char delimiter = root.optionalString("delimiter")
                .filter(s -> s.length() == 1)
                .map(s -> s.charAt(0))
                .orElse(format == FileFormat.TSV ? '\t' : ',');
        YamlNode c = root.child("columns");
        String report = c.string("report_number");
        String made = c.string("made_available");
        String agency = c.string("agency");
        String jurisdiction = c.string("jurisdiction");
        c.reportUnknownKeys();
        List<String> dates = root.optionalStrings("dates").orElse(AgencyConfigLoader.DEFAULT_DATES);
        AgencyConfigLoader.checkPatterns(root, "dates", dates);
        root.reportUnknownKeys();
        return new LedgerConfig("ledger.yml", globs, format, delimiter, report, made, agency, jurisdiction, dates);
    }
}
