package org.feedbackharmonizer.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.feedbackharmonizer.ingest.FileFormat;
import org.feedbackharmonizer.schema.CellText;
import org.feedbackharmonizer.schema.Conviction;
import org.feedbackharmonizer.schema.DefaultLabels;
import org.feedbackharmonizer.schema.FieldCatalog;
import org.feedbackharmonizer.schema.LabelList;
import org.feedbackharmonizer.schema.SchemaField;
import org.feedbackharmonizer.schema.YesNo;
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
        AgreementConfig agreement = agreement(root);
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
                layouts.subList(1, layouts.size()));
    }

    /** One way the agency's files are laid out: the top level of its YAML, or one of its {@code layouts}. */
    private AgencyConfig layout(
            YamlNode node,
            String name,
            String code,
            String displayName,
            String jurisdiction,
            AgreementConfig agreement) {
        FileSpec files = files(node);
        SheetSelection sheets = sheets(node);
        HeaderSpec header = header(node);
        SkipRules skip = skip(node);
        ValueDefaults values = values(node);
        Map<String, FieldSpec> fields = fields(node);
        checkYesNoLabels(node, values, fields);
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

    private AgreementConfig agreement(YamlNode root) {
        if (!root.has("agreement")) {
            root.problem("agreement", "is required: id, effective, cadence (and expires, grace_days, permits)");
            return null;
        }
        YamlNode a = root.child("agreement");
        String id = a.string("id");
        var effective = a.date("effective");
        var expires = a.optionalDate("expires").orElse(null);
        Cadence cadence =
                a.has("cadence") ? a.optionalEnum("cadence", Cadence.class).orElse(null) : null;
        if (!a.has("cadence")) {
            a.problem("cadence", "is required: weekly, monthly, quarterly, semiannual or annual");
        }
        int grace = a.optionalInt("grace_days", 0, 366).orElse(30);
        Set<String> permits = new LinkedHashSet<>(SchemaField.PERMISSIBLE);
        if (a.has("permits")) {
            List<String> list = a.optionalStrings("permits").orElse(List.of("all"));
            if (!(list.size() == 1 && list.get(0).equalsIgnoreCase("all"))) {
                permits.clear();
                for (String p : list) {
                    if (SchemaField.PERMISSIBLE.contains(p)) {
                        permits.add(p);
                    } else {
                        a.problem(
                                "permits",
                                "'" + p + "' is not a schema field an agreement can permit " + SchemaField.PERMISSIBLE);
                    }
                }
            }
        }
        if (effective != null && expires != null && expires.isBefore(effective)) {
            a.problem("expires", "is before 'effective'");
        }
        AgreementConfig.FileCovers covers = a.optionalEnum("file_covers", AgreementConfig.FileCovers.class)
                .orElse(AgreementConfig.FileCovers.AS_OF_PERIOD);
        a.reportUnknownKeys();
        return new AgreementConfig(id, effective, expires, cadence, grace, Set.copyOf(permits), covers);
    }

    private FileSpec files(YamlNode root) {
        if (!root.has("files")) {
            root.problem("files", "is required (at least files.glob)");
            return null;
        }
        YamlNode f = root.child("files");
        List<String> globs = f.optionalStrings("glob").orElse(List.of());
        if (globs.isEmpty()) {
            f.problem("glob", "is required: which files in the input folder belong to this agency");
        }
        FileFormat format = f.optionalEnum("format", FileFormat.class).orElse(null);
        Charset charset = StandardCharsets.UTF_8;
        var cs = f.optionalString("charset");
        if (cs.isPresent()) {
            try {
                charset = Charset.forName(cs.get().trim());
            } catch (RuntimeException e) {
                f.problem("charset", "'" + cs.get() + "' is not a charset this Java knows (e.g. UTF-8, windows-1252)");
            }
        }
        char delimiter = format == FileFormat.TSV ? '\t' : ',';
        var d = f.optionalString("delimiter");
        if (d.isPresent()) {
            String s = d.get().equals("\\t") || d.get().equalsIgnoreCase("tab") ? "\t" : d.get();
            if (s.length() != 1) {
                f.problem("delimiter", "must be one character (or 'tab')");
            } else {
                delimiter = s.charAt(0);
            }
        }
        Character quote = format == FileFormat.TSV ? null : '"';
        var q = f.optionalString("quote");
        if (q.isPresent()) {
            if (q.get().isEmpty()) {
                quote = null;
            } else if (q.get().length() != 1) {
                f.problem("quote", "must be one character, or \"\" for none");
            } else {
                quote = q.get().charAt(0);
            }
        }
        FileSpec.AsOfRule asOf = new FileSpec.AsOfRule(null, null, DEFAULT_AS_OF_PATTERNS);
        if (f.has("as_of")) {
            YamlNode a = f.child("as_of");
            Pattern fromName = a.optionalPattern("from_name").orElse(null);
            Pattern fromTitle = a.optionalPattern("from_title").orElse(null);
            List<String> patterns = a.optionalStrings("patterns").orElse(DEFAULT_AS_OF_PATTERNS);
            checkPatterns(a, "patterns", patterns);
            for (Pattern p : new Pattern[] {fromName, fromTitle}) {
                if (p != null && p.matcher("").groupCount() < 1) {
                    a.problem(p == fromName ? "from_name" : "from_title", "needs a (group) around the date");
                }
            }
            a.reportUnknownKeys();
            asOf = new FileSpec.AsOfRule(fromName, fromTitle, patterns);
        }
        Pattern trailer = f.optionalPattern("trailer").orElse(null);
        FileSpec.RepeatedReport repeatedReport =
                f.optionalEnum("repeated_report", FileSpec.RepeatedReport.class).orElse(FileSpec.RepeatedReport.LAST);
        f.reportUnknownKeys();
        return new FileSpec(globs, format, charset, delimiter, quote, asOf, trailer, repeatedReport);
    }

    static void checkPatterns(YamlNode node, String key, List<String> patterns) {
        for (String p : patterns) {
            try {
                java.time.format.DateTimeFormatter.ofPattern(p, Locale.US);
            } catch (IllegalArgumentException e) {
                node.problem(key, "'" + p + "' is not a date pattern (e.g. MM/dd/yyyy, yyyy-MM-dd, dd-MMM-yy)");
            }
        }
    }

    private SheetSelection sheets(YamlNode root) {
        if (!root.has("sheets")) {
            return SheetSelection.DEFAULT;
        }
        YamlNode s = root.child("sheets");
        String name = s.optionalString("name").orElse(null);
        Integer index = s.optionalInt("index", 0, 10_000).orElse(null);
        Pattern pattern = s.optionalPattern("pattern").orElse(null);
        int given = (name != null ? 1 : 0) + (index != null ? 1 : 0) + (pattern != null ? 1 : 0);
        if (given > 1) {
            s.problem(null, "give only one of name, index or pattern");
        }
        Pattern exclude = s.optionalPattern("exclude").orElse(null);
        boolean readHidden = s.optionalString("hidden")
                .map(v -> choice(s, "hidden", v, "read", "skip"))
                .orElse(false);
        boolean skipHiddenRows = s.optionalString("hidden_rows")
                .map(v -> choice(s, "hidden_rows", v, "skip", "read"))
                .orElse(false);
        s.reportUnknownKeys();
        return new SheetSelection(name, index, pattern, exclude, readHidden, skipHiddenRows);
    }

    private static boolean choice(YamlNode n, String key, String v, String yes, String no) {
        if (v.equalsIgnoreCase(yes)) {
            return true;
        }
        if (!v.equalsIgnoreCase(no)) {
            n.problem(key, "'" + v + "' must be " + yes + " or " + no);
        }
        return false;
    }

    private HeaderSpec header(YamlNode root) {
        if (!root.has("header")) {
            return new HeaderSpec(null, 2, 1, 50);
        }
        YamlNode h = root.child("header");
        Integer row = h.optionalInt("row", 1, 1_000_000).orElse(null);
        int minMatches = h.optionalInt("min_matches", 1, 100).orElse(2);
        int rows = h.optionalInt("rows", 1, 2).orElse(1);
        int search = h.optionalInt("search_rows", 1, 10_000).orElse(50);
        h.reportUnknownKeys();
        return new HeaderSpec(row, minMatches, rows, search);
    }

    private SkipRules skip(YamlNode root) {
        if (!root.has("skip")) {
            return new SkipRules(true, true, List.of(), null);
        }
        YamlNode s = root.child("skip");
        boolean blank = s.optionalBoolean("blank_rows").orElse(true);
        boolean repeated = s.optionalBoolean("repeated_header").orElse(true);
        List<SkipRules.Rule> rules = new ArrayList<>();
        for (YamlNode r : s.children("when")) {
            rules.add(skipRule(r));
        }
        SkipRules.Rule from = null;
        if (s.has("from")) {
            YamlNode r = s.child("from");
            from = skipRule(r);
            if (from.column() == null) {
                r.problem("column", "is required");
            }
        }
        s.reportUnknownKeys();
        return new SkipRules(blank, repeated, rules, from);
    }

    /** One rule of {@code skip.when}, or {@code skip.from}: a column and what its text matches or equals. */
    private static SkipRules.Rule skipRule(YamlNode r) {
        String column = r.optionalString("column").orElse(null);
        Pattern matches = r.optionalPattern("matches").orElse(null);
        String equals = r.optionalString("equals").orElse(null);
        if (matches == null && equals == null) {
            r.problem(null, "needs 'matches' (a regex) or 'equals'");
        }
        r.reportUnknownKeys();
        return new SkipRules.Rule(column, matches, equals);
    }

    private ValueDefaults values(YamlNode root) {
        YamlNode v = root.child("values");
        List<String> dates = v.optionalStrings("dates").orElse(DEFAULT_DATES);
        checkPatterns(v, "dates", dates);
        Set<String> yes = CellText.labels(v.optionalStrings("yes").orElse(DefaultLabels.YES));
        Set<String> no = CellText.labels(v.optionalStrings("no").orElse(DefaultLabels.NO));
        LabelList unknown = labelList(v, "unknown", DefaultLabels.UNKNOWN);
        YesNo blank = v.optionalEnum("blank", YesNo.class).orElse(YesNo.UNKNOWN);
        overlap(v, yes, no);
        v.reportUnknownKeys();
        return new ValueDefaults(dates, yes, no, unknown, blank);
    }

    private static void overlap(YamlNode n, Set<String> yes, Set<String> no) {
        for (String y : yes) {
            if (no.contains(y)) {
                n.problem("no", "'" + y + "' is in both yes and no");
            }
        }
    }

    /**
     * One kind of label a yes/no field reads, and where it comes from.
     *
     * @param source the YAML key, or the defaults when the agency wrote none
     * @param written false for the defaults
     */
    private record Labels(String kind, Set<String> labels, String source, boolean written) {}

    /**
     * A label that a yes/no field would read two ways makes the mapper refuse the field (mapping.YesNoParser) when
     * the run reaches the agency's first file, so it is reported here instead. The labels are the ones the mapper
     * reads the field with ({@link FieldLabels}); the agency's unknown labels and the field's own are reported
     * apart, so that the problem names the list to change. A yes and a no list both of the field, or both of the
     * agency, are checked where they are read.
     */
    private static void checkYesNoLabels(YamlNode root, ValueDefaults values, Map<String, FieldSpec> fields) {
        Map<?, ?> written = root.raw("values") instanceof Map<?, ?> m ? m : Map.of();
        for (FieldSpec spec : fields.values()) {
            FieldCatalog.Entry entry = FieldCatalog.find(spec.field()).orElseThrow();
            if (!readsYesNo(entry)) {
                continue;
            }
            String at = "fields." + spec.field();
            FieldLabels read = FieldLabels.of(spec, values);
            Labels yes = labels("yes", read.yes(), spec.yes() != null, at, written);
            Labels no = labels("no", read.no(), spec.no() != null, at, written);
            if ((spec.yes() != null) != (spec.no() != null)) {
                reportShared(root, at, yes, no);
            }
            Set<String> ownUnknown = new LinkedHashSet<>(read.unknown().exact());
            ownUnknown.removeAll(values.unknown().exact());
            for (Labels unknown : List.of(
                    labels("unknown", values.unknown().exact(), false, at, written),
                    labels("unknown", ownUnknown, true, at, written))) {
                reportShared(root, at, yes, unknown);
                reportShared(root, at, no, unknown);
            }
        }
    }

    /** The labels of one kind, of the field itself or else of the agency (written, or the defaults). */
    private static Labels labels(String kind, Set<String> labels, boolean field, String at, Map<?, ?> written) {
        if (field) {
            return new Labels(kind, labels, at + "." + kind, true);
        }
        return written.get(kind) != null
                ? new Labels(kind, labels, "values." + kind, true)
                : new Labels(kind, labels, "the default " + kind + " labels", false);
    }

    private static void reportShared(YamlNode root, String at, Labels a, Labels b) {
        for (String label : a.labels()) {
            if (b.labels().contains(label)) {
                root.problem(
                        at,
                        "'" + label + "' is both " + aLabel(a) + " and " + aLabel(b) + " of this field; "
                                + remedy(a, b));
            }
        }
    }

    private static String aLabel(Labels l) {
        return (l.kind().equals("unknown") ? "an " : "a ") + l.kind() + " label (" + l.source() + ")";
    }

    /** Take the label out of a list the steward wrote, or override a default list that holds it. */
    private static String remedy(Labels a, Labels b) {
        List<String> remedies = new ArrayList<>();
        List<String> from =
                Stream.of(a, b).filter(Labels::written).map(Labels::source).toList();
        if (!from.isEmpty()) {
            remedies.add("remove it from " + String.join(" or ", from));
        }
        for (Labels l : List.of(a, b)) {
            if (!l.written()) {
                remedies.add(
                        l.kind().equals("unknown")
                                ? "write values.unknown without it"
                                : "give the field its own " + l.kind() + ": list without it");
            }
        }
        return String.join(", or ", remedies);
    }

    private static final Set<String> FIELD_KEYS = Set.of(
            "extract",
            "unknown",
            "column",
            "synonyms",
            "position",
            "constant",
            "map",
            "otherwise",
            "yes",
            "no",
            "blank",
            "dates",
            "split",
            "digits",
            "required",
            "only_when");

    private Map<String, FieldSpec> fields(YamlNode root) {
        Map<String, FieldSpec> out = new LinkedHashMap<>();
        if (!root.has("fields")) {
            root.problem("fields", "is required (at least fields.report_number)");
            return out;
        }
        YamlNode fields = root.child("fields");
        for (String name : fields.keys()) {
            var entry = FieldCatalog.find(name);
            if (entry.isEmpty()) {
                fields.problem(name, "is not a field the schema knows; known: " + FieldCatalog.names());
                fields.raw(name);
                continue;
            }
            Object rawSpec = fields.raw(name);
            YamlNode f;
            if (rawSpec instanceof String s) {
                // shorthand: "outcome: Disposition" names the column
                f = new YamlNode(fields.file(), fields.at(name), Map.of("column", s), fields.problems());
            } else {
                f = fields.child(name);
            }
            out.put(name, field(f, entry.get()));
        }
        if (!out.containsKey("report_number")) {
            fields.problem("report_number", "is required: every row must name its CyberTipline report number");
        }
        checkConditions(fields, out);
        return out;
    }

    private FieldSpec field(YamlNode f, FieldCatalog.Entry entry) {
        String column = f.optionalString("column").orElse(null);
        List<String> synonyms = f.optionalStrings("synonyms").orElse(List.of());
        Integer position = f.optionalInt("position", 0, 16_383).orElse(null);
        String constant = f.optionalString("constant").orElse(null);
        int sources = (column != null ? 1 : 0) + (position != null ? 1 : 0) + (constant != null ? 1 : 0);
        if (sources != 1) {
            f.problem(null, "give exactly one of column, position or constant");
        } else if (column == null && !synonyms.isEmpty()) {
            f.problem("synonyms", "has no effect without column: synonyms are other names of the column");
        }
        LinkedHashMap<String, String> map = f.orderedPairs("map");
        String otherwise = f.optionalString("otherwise").orElse(null);
        if (hasSchemaValues(entry)) {
            map.forEach((label, value) -> {
                checkRegexEntry(f, "map", label);
                checkValue(f, "map", entry, value, "'" + label + "' maps to");
            });
            if (otherwise != null
                    && !otherwise.equalsIgnoreCase("reject")
                    && !otherwise.strip().equalsIgnoreCase(FieldSpec.OTHERWISE_UNKNOWN)) {
                checkValue(f, "otherwise", entry, otherwise, "");
            }
            if (constant != null) {
                checkValue(f, "constant", entry, constant, "");
            }
        }
        if (otherwise != null && otherwise.equalsIgnoreCase("reject")) {
            otherwise = null;
        }
        Set<String> yes = f.optionalStrings("yes").map(CellText::labels).orElse(null);
        Set<String> no = f.optionalStrings("no").map(CellText::labels).orElse(null);
        YesNo blank = f.optionalEnum("blank", YesNo.class).orElse(null);
        if (yes != null && no != null) {
            overlap(f, yes, no);
        }
        List<String> dates = f.optionalStrings("dates").orElse(null);
        if (dates != null) {
            checkPatterns(f, "dates", dates);
        }
        String split = f.optionalString("split").orElse(null);
        if (split != null) {
            f.compile("split", split);
        }
        FieldSpec.Digits digits = f.has("digits") ? digits(f) : FieldSpec.Digits.DEFAULT;
        boolean required = f.optionalBoolean("required").orElse(false);
        if (entry.kind() == FieldCatalog.Kind.REPORT_NUMBER && f.has("required") && !required) {
            f.problem("required", "has no effect on the report number (" + ALWAYS_REQUIRED + ")");
        }
        Pattern extract = f.optionalPattern("extract").orElse(null);
        LabelList unknown = labelList(f, "unknown", List.of());
        List<FieldCondition> onlyWhen = onlyWhen(f, entry);
        for (String k : f.keys()) {
            if (!FIELD_KEYS.contains(k)) {
                f.problem(k, "is not a known key of a field (known: " + new java.util.TreeSet<>(FIELD_KEYS) + ")");
            } else if (KIND_KEYS.containsKey(k) && !KIND_KEYS.get(k).appliesTo(entry)) {
                f.problem(
                        k,
                        "has no effect on " + kindOf(entry) + " ("
                                + KIND_KEYS.get(k).description() + ")");
            }
        }
        return new FieldSpec(
                entry.name(),
                column,
                synonyms,
                position,
                constant,
                map,
                otherwise,
                yes,
                no,
                blank,
                dates,
                split,
                digits,
                required,
                extract,
                unknown,
                onlyWhen);
    }

    /**
     * A field's {@code only_when}: other fields of the same row and the schema values under which this field is
     * read, e.g. {@code only_when: { actionable: NO }}. Whether the named fields are configured, and whether the
     * conditions go round in a circle, is checked once every field is known ({@link #checkConditions}).
     */
    private static List<FieldCondition> onlyWhen(YamlNode f, FieldCatalog.Entry entry) {
        if (!f.has("only_when")) {
            return List.of();
        }
        if (entry.kind() == FieldCatalog.Kind.REPORT_NUMBER) {
            f.problem("only_when", "does not apply to report_number, which every row must give");
        }
        YamlNode w = f.child("only_when");
        if (w.keys().isEmpty()) {
            f.problem("only_when", "names no field; e.g. only_when: { actionable: NO }");
        }
        List<FieldCondition> out = new ArrayList<>();
        for (String name : w.keys()) {
            var other = FieldCatalog.find(name).filter(e -> e.values() != null);
            if (other.isEmpty()) {
                w.raw(name);
                w.problem(name, "is not a field with schema values; only_when names one of " + conditionFields());
                continue;
            }
            if (name.equals(entry.name())) {
                w.raw(name);
                w.problem(name, "a field cannot be read on a condition on its own value");
                continue;
            }
            List<String> written = w.optionalStrings(name).orElse(List.of());
            if (written.isEmpty()) {
                w.problem(
                        name,
                        "needs a schema value or a list of them; allowed: " + FieldCatalog.allowedValues(other.get()));
            }
            Set<Enum<?>> values = new LinkedHashSet<>();
            for (String v : written) {
                checkValue(w, name, other.get(), v, "");
                FieldCatalog.resolve(other.get(), v).ifPresent(values::add);
            }
            out.add(new FieldCondition(name, Set.copyOf(values)));
        }
        return List.copyOf(out);
    }

    /** The fields an {@code only_when} can name: those whose values are schema values. */
    private static List<String> conditionFields() {
        return FieldCatalog.names().stream()
                .filter(n -> FieldCatalog.find(n).orElseThrow().values() != null)
                .toList();
    }

    /**
     * Every {@code only_when} names a field this agency reads, does not go with {@code required}, and no chain of
     * conditions leads back to where it started (a row could then not be read at all).
     */
    private static void checkConditions(YamlNode fields, Map<String, FieldSpec> specs) {
        for (FieldSpec spec : specs.values()) {
            String at = spec.field() + ".only_when";
            for (FieldCondition c : spec.onlyWhen()) {
                if (!specs.containsKey(c.field())) {
                    fields.problem(
                            at + "." + c.field(),
                            "names a field this agency does not read (no fields." + c.field() + ")");
                }
            }
            if (!spec.onlyWhen().isEmpty() && spec.required()) {
                fields.problem(
                        at,
                        "cannot go with required: true (a field not read counts as blank, which"
                                + " required rejects)");
            }
        }
        Set<String> done = new LinkedHashSet<>();
        for (String start : specs.keySet()) {
            findCycle(fields, specs, start, new ArrayList<>(), done);
        }
    }

    /** Depth first along the conditions; reports a chain that comes back to a field on it, once. */
    private static void findCycle(
            YamlNode fields, Map<String, FieldSpec> specs, String field, List<String> chain, Set<String> done) {
        int at = chain.indexOf(field);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(chain.subList(at, chain.size()));
            cycle.add(field);
            fields.problem(
                    chain.get(chain.size() - 1) + ".only_when",
                    "the conditions go round in a circle (" + String.join(" -> ", cycle) + "): no row could be read");
            return;
        }
        FieldSpec spec = specs.get(field);
        if (spec == null || done.contains(field)) {
            return;
        }
        chain.add(field);
        for (FieldCondition c : spec.onlyWhen()) {
            findCycle(fields, specs, c.field(), chain, done);
        }
        chain.remove(chain.size() - 1);
        done.add(field);
    }

    private static final Pattern DIGITS = Pattern.compile("\\s*(\\d{1,3})\\s*(?:-\\s*(\\d{1,3})\\s*)?");

    /** {@code digits: 9} or {@code digits: 8-10}; the default when the value is not one of those. */
    private static FieldSpec.Digits digits(YamlNode f) {
        String written = f.optionalString("digits").orElse(null);
        if (written == null) {
            return FieldSpec.Digits.DEFAULT; // not a single value: reported
        }
        java.util.regex.Matcher m = DIGITS.matcher(written);
        if (!m.matches()) {
            f.problem("digits", "'" + written + "' must be a number of digits (9) or a range (8-10)");
            return FieldSpec.Digits.DEFAULT;
        }
        int min = Integer.parseInt(m.group(1));
        int max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
        if (min < 1 || max > FieldSpec.Digits.LONGEST || min > max) {
            f.problem(
                    "digits",
                    "'" + written + "' must be from 1 to " + FieldSpec.Digits.LONGEST + " digits, the smaller first"
                            + " (8-10)");
            return FieldSpec.Digits.DEFAULT;
        }
        return new FieldSpec.Digits(min, max);
    }

    /**
     * The field kinds a key has an effect on. A key written where it has none is a problem, not ignored: the
     * steward meant something by it. Keys not listed work on every field.
     */
    private record KindKey(java.util.function.Predicate<FieldCatalog.Entry> kinds, String description) {
        boolean appliesTo(FieldCatalog.Entry entry) {
            return kinds.test(entry);
        }
    }

    private static final String ALWAYS_REQUIRED = "a row without a report number is always rejected";

    private static final Map<String, KindKey> KIND_KEYS;

    static {
        KindKey valueMap =
                new KindKey(AgencyConfigLoader::hasSchemaValues, "map and otherwise are for fields of schema values");
        KindKey yesNo =
                new KindKey(AgencyConfigLoader::readsYesNo, "yes, no and blank are for yes/no fields and convicted");
        KindKey reportNumber = new KindKey(
                e -> e.kind() == FieldCatalog.Kind.REPORT_NUMBER, "split and digits are for the report number");
        KIND_KEYS = Map.of(
                "map", valueMap,
                "otherwise", valueMap,
                "yes", yesNo,
                "no", yesNo,
                "blank", yesNo,
                "dates", new KindKey(e -> e.kind() == FieldCatalog.Kind.DATE, "dates are for date fields"),
                "split", reportNumber,
                "digits", reportNumber,
                "unknown", new KindKey(e -> e.kind() != FieldCatalog.Kind.REPORT_NUMBER, ALWAYS_REQUIRED));
    }

    private static boolean hasSchemaValues(FieldCatalog.Entry entry) {
        return entry.kind() == FieldCatalog.Kind.ENUM || entry.kind() == FieldCatalog.Kind.YES_NO;
    }

    /** Yes/no fields and convicted, whose YES and NO are read with yes/no labels. */
    private static boolean readsYesNo(FieldCatalog.Entry entry) {
        return entry.kind() == FieldCatalog.Kind.YES_NO || entry.values() == Conviction.class;
    }

    private static String kindOf(FieldCatalog.Entry entry) {
        return switch (entry.kind()) {
            case REPORT_NUMBER -> "the report number";
            case DATE -> "a date field";
            case AGE -> "an age field";
            case COUNT -> "a count field";
            case YES_NO -> "a yes/no field";
            case ENUM -> "a field of schema values";
        };
    }

    /**
     * A list of labels ({@code unknown:}) whose {@code /regex/} entries are checked as a map's keys are; one that
     * does not compile is reported and left out.
     */
    private static LabelList labelList(YamlNode n, String key, List<String> defaults) {
        List<String> usable = new ArrayList<>();
        for (String entry : n.optionalStrings(key).orElse(defaults)) {
            if (checkRegexEntry(n, key, entry)) {
                usable.add(entry);
            }
        }
        return LabelList.of(usable);
    }

    /** A label written where {@code /regex/} may be: false for a regex that does not compile. */
    private static boolean checkRegexEntry(YamlNode n, String key, String label) {
        if (label.matches("/.+/[a-z]+")) {
            n.problem(
                    key,
                    "'" + label + "': flags after the closing slash are not supported; put them inside, e.g."
                            + " '/(?i)^yes/'");
        }
        return !LabelList.isRegex(label) || n.compile(key, label.substring(1, label.length() - 1)) != null;
    }

    private static void checkValue(YamlNode f, String key, FieldCatalog.Entry entry, String value, String prefix) {
        if (value == null || FieldCatalog.resolve(entry, value).isEmpty()) {
            f.problem(
                    key,
                    (prefix.isEmpty() ? "" : prefix + " ") + "unknown " + entry.name() + " '" + value + "'; allowed: "
                            + FieldCatalog.allowedValues(entry) + noValueHint(key, entry));
        }
    }

    /**
     * not_actionable_reason has no UNKNOWN value, and no value that means "no reason": the schema leaves it empty
     * (FEEDBACK_SCHEMA.md). Say how a steward writes that instead of, say, {@code otherwise: ""}.
     */
    private static String noValueHint(String key, FieldCatalog.Entry entry) {
        if (FieldCatalog.resolve(entry, "UNKNOWN").isPresent()) {
            return "";
        }
        return switch (key) {
            case "otherwise" -> "; for no reason, write otherwise: unknown";
            case "map" -> "; a label that means no reason goes in unknown:, not in map";
            default -> "; for no reason, leave the field out";
        };
    }
}
