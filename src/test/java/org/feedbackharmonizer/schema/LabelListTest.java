package org.feedbackharmonizer.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelListTest {

    @ParameterizedTest(name = "{0} ~ \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "N/A              | ' n/a '               | true",
                "N/A              | n/a - pending         | false",
                "/(?i)^pending/   | Pending review        | true",
                "/(?i)^pending/   | Not pending           | false",
                "/^N\\/A$/        | N/A                   | true",
                "/^N\\/A$/        | n/a                   | false",
                "/^0+$/           | 00000000              | true",
                "/^0+$/           | 20240101              | false",
                "/pending/        | '  awaiting  pending '| true",
                "/                | /                     | true",
                "/x/i             | /X/I                  | true",
                "/x/i             | x                     | false"
            })
    void matchesExactLabelsInLabelFormAndSearchesRegexEntriesAsMapKeysAre(String entry, String text, boolean matches) {
        LabelList labels = LabelList.of(List.of(entry));

        assertThat(labels.matches(text)).isEqualTo(matches);
    }

    @Test
    void keepsExactLabelsInLabelFormAndRegexesAsWritten() {
        LabelList labels = LabelList.of(List.of(" unk ", "/(?i)^not (known|recorded)/", "N/A"));

        assertThat(labels.exact()).containsExactly("UNK", "N/A");
        assertThat(labels.containsLabel("UNK")).isTrue();
        assertThat(labels.containsLabel("NOT KNOWN")).isFalse();
        assertThat(labels.matchesRegex("Not known")).isTrue();
        assertThat(labels).hasToString("[UNK, N/A, /(?i)^not (known|recorded)/]");
    }

    @Test
    void addsAnotherListsLabelsAfterItsOwn() {
        LabelList agency = LabelList.of(List.of("UNK", "/^-+$/"));
        LabelList field = LabelList.of(List.of("Pending", "/(?i)^tbd/"));

        assertThat(agency.plus(field)).isEqualTo(LabelList.of(List.of("UNK", "Pending", "/^-+$/", "/(?i)^tbd/")));
        assertThat(agency.plus(field).matches("---")).isTrue();
        assertThat(agency.plus(field).matches("TBD later")).isTrue();
    }

    @Test
    void refusesARegexEntryThatDoesNotCompileNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LabelList.of(List.of("UNK", "/(pending/")))
                .withMessageStartingWith("'/(pending/' is not a valid regex: Unclosed group");
    }
}
