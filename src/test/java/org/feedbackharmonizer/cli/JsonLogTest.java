package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With JSON logging configured, every line a run prints is JSON; in a log there is one line per file. */
class JsonLogTest {

    @Test
    void everyLineOfAFirstRunIsJsonAndEachFileHasOneLine(@TempDir Path tmp) throws Exception {
        SampleRun s = new SampleRun(tmp);
        List<String> lines;
        try (ChildRun child =
                ChildRun.start(Map.of("HARMONIZER_LOG_FORMAT", "json"), s.args("run", "--as-of", "2025-11-25"))) {
            assertThat(child.waitFor(Duration.ofSeconds(120))).isZero();
            lines = child.lines();
        }
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> events = lines.stream()
                .filter(l -> !l.isBlank())
                .map(l -> {
                    try {
                        return json.readTree(l);
                    } catch (RuntimeException e) {
                        throw new AssertionError("not JSON: " + l, e);
                    }
                })
                .toList();
        List<String> messages =
                events.stream().map(e -> e.get("message").asString()).toList();
        assertThat(messages).anyMatch(m -> m.startsWith("created a new pseudonymization key"));
        assertThat(messages.stream().filter(m -> m.startsWith("loaded "))).hasSize(10);
        assertThat(messages).anyMatch(m -> m.startsWith("published "));
    }
}
