package org.feedbackharmonizer.steward;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A header name as lowercase words: {@code "Date Rec'd"} is [date, recd], {@code "# Victims ID'd"} is [victims,
 * idd]. Apostrophes join, every other symbol separates.
 */
final class HeaderWords {
    private HeaderWords() {}

    static List<String> of(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        String s = Normalizer.normalize(header, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("['’`]", "")
                .toLowerCase(Locale.ROOT);
        for (String w : s.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
