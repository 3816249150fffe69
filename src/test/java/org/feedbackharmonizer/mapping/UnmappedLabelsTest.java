package org.feedbackharmonizer.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which labels the steward's unmapped list shows, and which it withholds as possibly personal. */
class UnmappedLabelsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Suspect ID'd - pending knock & talk | Suspect ID'd - pending knock & talk",
                "Closed - Victim Uncooperative        | Closed - Victim Uncooperative",
                "Met with suspect at his home near the school | (withheld: looks personal)",
                "call jordan@example.com              | (withheld: looks personal)",
                "Referred to Det. 20145 unit           | (withheld: looks personal)"
            })
    void showsShortCodedPhrasesAndWithholdsNarrativesAndPersonalText(String label, String listed) {
        UnmappedLabels unmapped = new UnmappedLabels();

        unmapped.add("outcome", "Disposition", label);

        assertThat(unmapped.counts().keySet())
                .singleElement()
                .satisfies(k -> assertThat(k.label()).isEqualTo(listed));
    }
}
