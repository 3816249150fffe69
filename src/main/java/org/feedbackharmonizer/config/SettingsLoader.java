package org.feedbackharmonizer.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads {@code <config>/harmonizer.yml} (optional) and the environment. */
public final class SettingsLoader {

    public Settings load(Path configDir, Map<String, String> env, ConfigProblems problems) {
        Path f = configDir.resolve("harmonizer.yml");
        Map<String, Object> doc = Files.exists(f) ? AgencyConfigLoader.readYaml(f, problems) : Map.of();
        YamlNode root = new YamlNode("harmonizer.yml", "", doc == null ? Map.of() : doc, problems);
        Path base = Path.of("").toAbsolutePath();
        Path dataDir = base.resolve(root.optionalString("data_dir").orElse("data"));
        YamlNode store = root.child("store");
        // AUTO_SERVER: an embedded H2 file is open to one process only; with it, a second process (a second
        // run, status) reaches the database through the first, and so can read the run lock and name its holder.
        // (H2 refuses DB_CLOSE_ON_EXIT=FALSE together with AUTO_SERVER.) WRITE_DELAY=0: a commit reaches the file
        // at once, so a killed run loses no committed file status (H2 otherwise writes up to 500 ms later).
        String url = env.getOrDefault(
                "HARMONIZER_DB_URL",
                store.optionalString("url")
                        .orElse("jdbc:h2:file:" + dataDir.resolve("harmonizer").toAbsolutePath()
                                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0"));
        String user = env.getOrDefault(
                "HARMONIZER_DB_USER", store.optionalString("user").orElse("sa"));
        String password = env.getOrDefault(
                "HARMONIZER_DB_PASSWORD", store.optionalString("password").orElse(""));
        store.reportUnknownKeys();
        Path keyFile = Path.of(env.getOrDefault(
                "HARMONIZER_KEY_FILE",
                root.optionalString("key_file")
                        .orElse(dataDir.resolve("pseudonymization.key").toString())));
        YamlNode inbox = root.child("inbox");
        Path archive = dataDir.resolve(inbox.optionalString("archive").orElse("archive"));
        Path quarantine = dataDir.resolve(inbox.optionalString("quarantine").orElse("quarantine"));
        Settings.ArchiveMode mode =
                inbox.optionalEnum("archive_mode", Settings.ArchiveMode.class).orElse(Settings.ArchiveMode.COPY);
        inbox.reportUnknownKeys();
        YamlNode publish = root.child("publish");
        int threshold = publish.optionalInt("small_cell_threshold", 1, 1000).orElse(11);
        publish.reportUnknownKeys();
        YamlNode coverage = root.child("coverage");
        double fit = coverage.optionalDouble("fit_for_estimates", 0, 1).orElse(0.8);
        coverage.reportUnknownKeys();
        int threads =
                root.optionalInt("threads", 1, 64).orElse(Runtime.getRuntime().availableProcessors());
        String logFormat = root.optionalString("log_format").orElse("plain");
        if (!logFormat.equals("plain") && !logFormat.equals("json")) {
            root.problem("log_format", "must be plain or json");
        }
        String pushgateway = env.getOrDefault(
                "HARMONIZER_PUSHGATEWAY", root.optionalString("pushgateway").orElse(null));
        root.reportUnknownKeys();
        return new Settings(
                dataDir,
                url,
                user,
                password,
                keyFile.toAbsolutePath(),
                archive,
                quarantine,
                mode,
                threshold,
                fit,
                threads,
                logFormat.equals("json") || "json".equals(env.get("HARMONIZER_LOG_FORMAT")),
                pushgateway);
    }
}
