package org.feedbackharmonizer.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML 1.1 reads {@code yes}, {@code no}, {@code on} and {@code off} as booleans and {@code 0123} as octal: in
 * a steward's vocabulary lists ({@code yes: [Y, Yes]}) that silently changes meaning. Only true/false are
 * booleans here, and only plain decimals are numbers, as in YAML 1.2. Dates stay text, read strictly where a
 * date is expected: YAML's own timestamps roll {@code 2025-13-45} over into a later month without a word. Merge
 * keys ({@code <<: *step}) work, so that a steward can write a shared field once.
 */
final class StewardYamlResolver extends Resolver {
    private static final Pattern BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern DECIMAL = Pattern.compile("^(?:[-+]?0|[-+]?[1-9][0-9]*)$");
    private static final Pattern REAL = Pattern.compile("^[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL, "tTfF");
        addImplicitResolver(Tag.INT, DECIMAL, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, REAL, "-+0123456789.");
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
        addImplicitResolver(Tag.MERGE, MERGE, "<");
    }
}
