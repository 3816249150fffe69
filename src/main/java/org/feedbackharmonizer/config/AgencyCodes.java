package org.feedbackharmonizer.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How an agency code a steward types finds its agency, for every command that takes one: trimmed and in any case,
 * so {@code rerun --agency " tx-dallas"} is TX-DALLAS. The loader refuses two agencies whose codes differ only in
 * case, so a typed code never fits two of them.
 */
public final class AgencyCodes {
    private AgencyCodes() {}

    /** The agency whose code is {@code typed}, trimmed and ignoring case. */
    public static Optional<AgencyConfig> find(List<AgencyConfig> agencies, String typed) {
        String wanted = key(typed);
        return agencies.stream().filter(a -> key(a.code()).equals(wanted)).findFirst();
    }

    /** One line for a typed code that no agency has: the code as typed, where agencies are configured, their codes. */
    public static String unknown(List<AgencyConfig> agencies, String typed, Path agenciesFolder) {
        return "no agency '" + typed + "' in " + agenciesFolder + "; configured: " + list(agencies);
    }

    /** The configured codes, sorted, for messages. */
    public static String list(List<AgencyConfig> agencies) {
        return String.join(
                ", ", agencies.stream().map(AgencyConfig::code).sorted().toList());
    }

    /** What two codes that are the same code have in common. */
    static String key(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
