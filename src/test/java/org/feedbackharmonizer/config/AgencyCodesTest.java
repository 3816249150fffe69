package org.feedbackharmonizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A code a steward types finds its agency trimmed and in any case, and nothing else. */
class AgencyCodesTest {
    private static final List<AgencyConfig> AGENCIES = List.of(agency("TX-DALLAS"), agency("AZ-PHX"));

    @ParameterizedTest
    @ValueSource(strings = {"TX-DALLAS", "tx-dallas", "Tx-Dallas", " TX-DALLAS", "tx-dallas ", "\ttx-dallas\n"})
    void findsAnAgencyByItsCodeTrimmedAndInAnyCase(String typed) {
        assertThat(AgencyCodes.find(AGENCIES, typed)).map(AgencyConfig::code).contains("TX-DALLAS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TX-DALLA", "TX DALLAS", "TXDALLAS", "TX-DALLAS-2", "", " "})
    void findsNoAgencyForACodeThatIsNotOneOfThem(String typed) {
        assertThat(AgencyCodes.find(AGENCIES, typed)).isEmpty();
    }

    @Test
    void namesAnUnknownCodeAsTypedAndListsTheConfiguredCodesSorted() {
        assertThat(AgencyCodes.unknown(AGENCIES, " tx-dalas", Path.of("config", "agencies")))
                .isEqualTo("no agency ' tx-dalas' in " + Path.of("config", "agencies")
                        + "; configured: AZ-PHX, TX-DALLAS");
    }

    static AgencyConfig agency(String code) {
        return new AgencyConfig(code + ".yml", code, null, null, null, null, null, null, null, null, Map.of());
    }
}
