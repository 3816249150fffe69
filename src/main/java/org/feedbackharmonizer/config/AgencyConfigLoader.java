package org.feedbackharmonizer.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.feedbackharmonizer.schema.DatePatterns;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads and validates every agency file in {@code <config>/agencies/}, collecting all problems at once. */
public final class AgencyConfigLoader {

    /**
     * The text date patterns of an agency without {@code values.dates} and of a ledger without {@code dates}, tried
     * in this order (docs/config.md lists them). Slashes are month first and dots day first; no text is read
     * two ways by two of them, so their order changes no date (DateValueParserTest checks both).
     */
    public static final List<String> DEFAULT_DATES = List.of(
            "yyyy-MM-dd",
            "MM/dd/yyyy",
            "M/d/yyyy",
            "M/d/yy",
            "dd-MMM-yy",
            "d-MMM-yyyy",
            "yyyyMMdd",
            "dd.MM.yyyy",
            "MMM d, yyyy",
            "MMMM d, yyyy");

    public static final List<String> DEFAULT_AS_OF_PATTERNS =
            List.of("yyyy-MM-dd", "yyyyMMdd", "MM/dd/yyyy", "M/d/yyyy", "yyyy-MM", "yyyyMM", "MMMM d, yyyy");

    private static final Set<String> LAYOUT_KEYS = Set.of("files", "sheets", "header", "skip", "values", "fields");
    private static final Set<String> TOP_KEYS = Set.of(
            "agency",
            "name",
            "jurisdiction",
            "agreement",
            "layouts",
            "files",
            "sheets",
            "header",
            "skip",
            "values",
            "fields");

    public List<AgencyConfig> loadAll(Path configDir, ConfigProblems problems) {
        Path dir = configDir.resolve("agencies");
        List<AgencyConfig> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(dir.toString(), "", "folder not found; it holds one <agency>.yml per agency");
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("(?i).*\\.ya?ml$"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(dir.toString(), "", "cannot list the folder: " + e.getMessage());
            return out;
        }
        // Compared as a typed code is (AgencyCodes): codes that differ only in case would be one code to --agency.
        Map<String, AgencyConfig> codes = new LinkedHashMap<>();
        for (Path f : files) {
            AgencyConfig c = load(f, problems);
            if (c != null && c.code() != null) {
                AgencyConfig before = codes.putIfAbsent(AgencyCodes.key(c.code()), c);
                if (before != null) {
                    problems.add(
                            c.file(),
                            "agency",
                            "code '" + c.code() + "' is also used by " + before.file()
                                    + (before.code().equals(c.code()) ? "" : " (as '" + before.code() + "')"));
                }
                out.add(c);
            }
        }
        return out;
    }

    static Map<String, Object> readYaml(Path f, ConfigProblems problems) {
        String name = f.getFileName().toString();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(
                            new SafeConstructor(options),
                            new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
                            new org.yaml.snakeyaml.DumperOptions(),
                            options,
                            new StewardYamlResolver())
                    .load(r);
            if (doc == null) {
                problems.add(name, "", "the file is empty");
                return null;
            }
            if (!(doc instanceof Map<?, ?> m)) {
                problems.add(name, "", "must be a mapping of keys to values at the top level");
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            problems.add(
                    name,
                    "",
                    "YAML syntax error at line " + (mark == null ? "?" : mark.getLine() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            problems.add(
                    name,
                    "",
                    "YAML error: " + e.getMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            problems.add(name, "", "cannot read the file: " + e.getMessage());
        }
        return null;
    }

    public AgencyConfig load(Path f, ConfigProblems problems) {
        AgencyConfig config = read(f, problems);
        if (config == null) {
            return null;
        }
        try {
            return config.withVersion(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)))
                    .substring(0, 16));
        } catch (IOException | NoSuchAlgorithmException e) {
            problems.add(f.getFileName().toString(), "", "cannot read the file: " + e.getMessage());
            return null;
        }
    }

    private AgencyConfig read(Path f, ConfigProblems problems) {
        String name = f.getFileName().toString();
        Map<String, Object> doc = readYaml(f, problems);
        if (doc == null) {
            return null;
        }
        YamlNode root = new YamlNode(name, "", doc, problems);
        String code = root.string("agency");
        String displayName = root.optionalString("name").orElse(code);
        String jurisdiction = root.string("jurisdiction");
        if (code != null && !CodeShape.isCode(code)) {
            root.problem("agency", CodeShape.RULE);
        }
        if (jurisdiction != null && !CodeShape.isCode(jurisdiction)) {
            root.problem("jurisdiction", CodeShape.RULE);
        }
        AgreementConfig agreement = AgreementSection.read(root);
        for (String k : root.keys()) {
            if (!TOP_KEYS.contains(k)) {
                root.problem(k, "is not a known key (known: " + new java.util.TreeSet<>(TOP_KEYS) + ")");
            }
        }
        if (!root.has("layouts")) {
            return layout(root, name, code, displayName, jurisdiction, agreement);
        }
        // An agency that changed its export keeps one code and agreement; each layout reads its own files.
        for (String k : LAYOUT_KEYS) {
            if (root.has(k)) {
                root.problem(k, "goes inside each of the layouts when the agency has layouts:");
            }
        }
        List<AgencyConfig> layouts = new ArrayList<>();
        for (YamlNode l : root.children("layouts")) {
            for (String k : l.keys()) {
                if (!LAYOUT_KEYS.contains(k)) {
                    l.problem(k, "is not a key of a layout (known: " + new java.util.TreeSet<>(LAYOUT_KEYS) + ")");
                }
            }
            layouts.add(layout(l, name, code, displayName, jurisdiction, agreement));
        }
        if (layouts.isEmpty()) {
            root.problem("layouts", "must list at least one layout (files, header, skip, values, fields)");
            return null;
        }
        AgencyConfig first = layouts.get(0);
        return new AgencyConfig(
                name,
                code,
                displayName,
                jurisdiction,
                agreement,
                first.files(),
                first.sheets(),
                first.header(),
                first.skip(),
                first.values(),
                first.fields(),
                layouts.subList(1, layouts.size()),
                null);
    }

    /** One way the agency's files are laid out: the top level of its YAML, or one of its {@code layouts}. */
    private AgencyConfig layout(
            YamlNode node,
            String name,
            String code,
            String displayName,
            String jurisdiction,
            AgreementConfig agreement) {
        FileSpec files = FileSection.read(node);
        SheetSelection sheets = RowRules.sheets(node);
        HeaderSpec header = RowRules.header(node);
        SkipRules skip = RowRules.skip(node);
        ValueDefaults values = ValueSection.read(node);
        Map<String, FieldSpec> fields = FieldSpecs.read(node);
        AmbiguousLabels.check(node, values, fields);
        if (skip != null && fields != null) {
            for (int i = 0; i < skip.when().size(); i++) {
                if (skip.when().get(i).column() == null) {
                    node.problem("skip.when[" + i + "].column", "is required");
                }
            }
        }
        return new AgencyConfig(
                name, code, displayName, jurisdiction, agreement, files, sheets, header, skip, values, fields);
    }

    /**
     * Date patterns of cells, checked as the run will compile them (each must name a whole date); here beside
     * {@link #DEFAULT_DATES}, and the ledger's {@code dates} are checked the same way (LedgerConfigLoader).
     */
    static void checkPatterns(YamlNode node, String key, List<String> patterns) {
        for (String p : patterns) {
            try {
                DatePatterns.compile(p);
            } catch (IllegalArgumentException e) {
                node.problem(key, e.getMessage() + " (e.g. MM/dd/yyyy, yyyy-MM-dd, dd-MMM-yy)");
            }
        }
    }

    /** The as-of date's patterns, which may name a month or a quarter only (its last day is meant). */
    static void checkAsOfPatterns(YamlNode node, String key, List<String> patterns) {
        for (String p : patterns) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(p, Locale.US);
            } catch (IllegalArgumentException e) {
                node.problem(key, "'" + p + "' is not a date pattern (e.g. yyyy-MM-dd, yyyyMMdd, yyyy-MM, yyyy'Q'Q)");
            }
        }
    }
}
