package org.feedbackharmonizer.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.feedbackharmonizer.config.AgencyConfig;
import org.junit.jupiter.api.Test;

class RunPlanTest {
    private static final RunPlan PLAN = new RunPlan(
            "run-1",
            "run",
            null,
            List.of(agency("TX-DALLAS"), agency("AZ-PHX")),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            null,
            RunPlan.newResults());

    @Test
    void findsAnAgencyByTheCodeAsConfigured() {
        assertThat(PLAN.agency("TX-DALLAS").code()).isEqualTo("TX-DALLAS");
        // exactly as configured: a code typed by a user is looked up (trimmed, any case) before it gets here
        assertThatThrownBy(() -> PLAN.agency("tx-dallas")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCodeNotConfiguredFailsWithAMessageThatNamesItAndTheConfiguredCodes() {
        assertThatThrownBy(() -> PLAN.agency("NV-LVMPD"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no agency 'NV-LVMPD' in this run's configuration; configured: AZ-PHX, TX-DALLAS");
    }

    private static AgencyConfig agency(String code) {
        return new AgencyConfig(code + ".yml", code, null, null, null, null, null, null, null, null, Map.of());
    }
}
