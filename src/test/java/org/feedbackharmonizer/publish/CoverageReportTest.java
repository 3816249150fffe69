package org.feedbackharmonizer.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoverageReportTest {

    @Test
    void textIsNeutralizedThenEscaped() {
        assertThat(CoverageReport.text("=HYPERLINK(\"x\")<b>")).isEqualTo("&#39;=HYPERLINK(&quot;x&quot;)&lt;b&gt;");
        assertThat(CoverageReport.text("US-TX & co")).isEqualTo("US-TX &amp; co");
    }
}
