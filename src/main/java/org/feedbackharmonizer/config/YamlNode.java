package org.feedbackharmonizer.config;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A mapping of the steward's YAML with its path, so that every problem names the file and key. Reading a key
 * marks it as known; {@link #reportUnknownKeys} then catches typos such as {@code colum:}.
 */
final class YamlNode {
    private final String file;
    private final String path;
    private final Map<String, Object> map;
    private final ConfigProblems problems;
    private final Set<String> read = new java.util.HashSet<>();

    YamlNode(String file, String path, Map<String, Object> map, ConfigProblems problems) {
        this.file = file;
        this.path = path;
        this.map = map == null ? Map.of() : map;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    String path() {
        return path;
    }

    ConfigProblems problems() {
        return problems;
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        read.add(key);
        return map.containsKey(key) && map.get(key) != null;
    }

    Set<String> keys() {
        return map.keySet();
    }

    Object raw(String key) {
        read.add(key);
        return map.get(key);
    }

    void problem(String key, String message) {
        problems.add(file, key == null ? path : at(key), message);
    }

    void warn(String key, String message) {
        problems.warn(file, key == null ? path : at(key), message);
    }

    String string(String key) {
        Object v = raw(key);
        if (v == null) {
            problem(key, "is required");
            return null;
        }
        return scalar(key, v);
    }

    Optional<String> optionalString(String key) {
        Object v = raw(key);
        return v == null ? Optional.empty() : Optional.ofNullable(scalar(key, v));
    }

    private String scalar(String key, Object v) {
        if (v instanceof Map || v instanceof List) {
            problem(key, "must be a single value, not a " + (v instanceof Map ? "mapping" : "list"));
            return null;
        }
        if (v instanceof Date d) {
            return d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        return String.valueOf(v);
    }

    Optional<LocalDate> optionalDate(String key) {
        Object v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Date d) {
            return Optional.of(d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
        }
        try {
            return Optional.of(LocalDate.parse(String.valueOf(v)));
        } catch (DateTimeParseException e) {
            problem(key, "'" + v + "' is not a date in the form yyyy-MM-dd");
            return Optional.empty();
        }
    }

    LocalDate date(String key) {
        if (!has(key)) {
            problem(key, "is required (a date in the form yyyy-MM-dd)");
            return null;
        }
        return optionalDate(key).orElse(null);
    }

    Optional<Integer> optionalInt(String key, int min, int max) {
        Object v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Integer i && i >= min && i <= max) {
            return Optional.of(i);
        }
        problem(key, "'" + v + "' must be a whole number from " + min + " to " + max);
        return Optional.empty();
    }

    Optional<Double> optionalDouble(String key, double min, double max) {
        Object v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
            return Optional.of(n.doubleValue());
        }
        problem(key, "'" + v + "' must be a number from " + min + " to " + max);
        return Optional.empty();
    }

    Optional<Boolean> optionalBoolean(String key) {
        Object v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        problem(key, "'" + v + "' must be true or false");
        return Optional.empty();
    }

    <E extends Enum<E>> Optional<E> optionalEnum(String key, Class<E> type) {
        Optional<String> s = optionalString(key);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s.get().trim())) {
                return Optional.of(e);
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase(java.util.Locale.ROOT));
        }
        problem(key, "'" + s.get() + "' is not one of " + allowed);
        return Optional.empty();
    }

    Optional<Pattern> optionalPattern(String key) {
        return optionalString(key).map(s -> compile(key, s));
    }

    Pattern compile(String key, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problem(key, "'" + regex + "' is not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    /** A list of scalars; a single scalar is taken as a list of one. */
    Optional<List<String>> optionalStrings(String key) {
        Object v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map || o instanceof List) {
                    problem(key, "must be a list of single values");
                    return Optional.empty();
                }
                out.add(o == null ? "" : scalar(key, o));
            }
        } else if (v instanceof Map) {
            problem(key, "must be a list, not a mapping");
            return Optional.empty();
        } else {
            out.add(scalar(key, v));
        }
        return Optional.of(out);
    }

    Optional<YamlNode> optionalChild(String key) {
        Object v = raw(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> m) {
            return Optional.of(new YamlNode(file, at(key), stringKeys(key, m), problems));
        }
        problem(key, "must be a mapping of keys to values");
        return Optional.empty();
    }

    YamlNode child(String key) {
        return optionalChild(key).orElseGet(() -> new YamlNode(file, at(key), Map.of(), problems));
    }

    /** A list of mappings, e.g. skip rules. */
    List<YamlNode> children(String key) {
        Object v = raw(key);
        List<YamlNode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> l)) {
            problem(key, "must be a list");
            return out;
        }
        for (int i = 0; i < l.size(); i++) {
            String p = at(key) + "[" + i + "]";
            if (l.get(i) instanceof Map<?, ?> m) {
                out.add(new YamlNode(file, p, stringKeys(key, m), problems));
            } else {
                problems.add(file, p, "must be a mapping of keys to values");
            }
        }
        return out;
    }

    /** An ordered mapping of labels to values (value maps keep their order: regex keys are tried in order). */
    LinkedHashMap<String, String> orderedPairs(String key) {
        Object v = raw(key);
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map<?, ?> m)) {
            problem(key, "must be a mapping of labels to schema values");
            return out;
        }
        m.forEach((k, val) -> out.put(k == null ? "" : scalar(key, k), val == null ? null : scalar(key, val)));
        return out;
    }

    private Map<String, Object> stringKeys(String key, Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    void reportUnknownKeys() {
        for (String k : map.keySet()) {
            if (!read.contains(k)) {
                problem(k, "is not a known key here (known: " + new java.util.TreeSet<>(read) + "; misspelt?)");
            }
        }
    }
}
