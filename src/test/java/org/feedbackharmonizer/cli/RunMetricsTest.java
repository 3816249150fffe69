package org.feedbackharmonizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** metrics.prom after the sample run says what run-summary.json says, and the Pushgateway gets the same. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunMetricsTest {
    HttpServer pushgateway;
    final List<String> pushed = new CopyOnWriteArrayList<>();
    SampleRun installation;
    String metrics;
    JsonNode summary;
    int exit;

    @BeforeAll
    void runTheSamplesWithAPushgateway(@TempDir Path tmp) throws Exception {
        pushgateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pushgateway.createContext("/", exchange -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            exchange.getRequestBody().transferTo(body);
            pushed.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
                    + body.toString(StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        pushgateway.start();
        installation = new SampleRun(
                tmp, 2, "pushgateway: 127.0.0.1:" + pushgateway.getAddress().getPort() + "\n");
        exit = installation.run("run", "--as-of", "2025-11-25");
        metrics = Files.readString(installation.output.resolve("metrics.prom"));
        summary = JsonMapper.builder()
                .build()
                .readTree(installation.output.resolve("run-summary.json").toFile());
    }

    @AfterAll
    void stop() {
        pushgateway.stop(0);
    }

    static double sum(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    @Test
    void countsRowsAsTheRunSummaryDoes() {
        JsonNode totals = summary.get("totals");
        assertThat(sum(metrics, "harmonizer_rows_read_total"))
                .isEqualTo(totals.get("rows_read").asDouble());
        assertThat(sum(metrics, "harmonizer_rows_written_total"))
                .isEqualTo(totals.get("rows_written").asDouble());
        assertThat(sum(metrics, "harmonizer_rows_rejected_total"))
                .isEqualTo(totals.get("rows_rejected").asDouble());
        assertThat(sum(metrics, "harmonizer_rows_skipped_total"))
                .isEqualTo(totals.get("rows_skipped").asDouble());
    }

    @Test
    void countsEachFileUnderItsIdNotItsName() {
        for (JsonNode f : summary.get("files")) {
            String line = "harmonizer_rows_read_total{agency=\""
                    + f.get("agency").asString() + "\",file_id=\""
                    + f.get("file_id").asString() + "\"} " + f.get("rows_read").asDouble();
            assertThat(metrics).contains(line);
            assertThat(metrics).doesNotContain(f.get("file").asString());
        }
    }

    @Test
    void recordsTheLastRun() {
        assertThat(metrics).contains("harmonizer_last_run_exit_code " + (double) exit);
        assertThat(metrics).containsPattern("(?m)^harmonizer_last_run_timestamp_seconds \\d");
        assertThat(metrics).containsPattern("(?m)^harmonizer_last_run_duration_seconds \\d");
        assertThat(metrics).contains("harmonizer_file_duration_seconds_count{");
    }

    @Test
    void includesSpringBatchObservations() {
        assertThat(metrics).contains("spring_batch_job");
        assertThat(metrics).contains("spring_batch_step");
    }

    @Test
    void gaugesFeedbackPerJurisdiction() throws Exception {
        assertThat(sum(metrics, "harmonizer_feedback_rows"))
                .isEqualTo(summary.get("totals").get("feedback_rows_published").asDouble());
        Map<String, Double> published = new TreeMap<>();
        for (var row : NightlyRunTest.csv(installation.output.resolve("feedback.csv"))) {
            published.merge(row.get("jurisdiction_code"), 1.0, Double::sum);
        }
        Map<String, Double> gauged = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^harmonizer_feedback_rows\\{jurisdiction=\"([^\"]+)\"} (\\S+)$")
                .matcher(metrics);
        while (m.find()) {
            gauged.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        assertThat(gauged).hasSizeGreaterThan(1).isEqualTo(published);
    }

    @Test
    void pushesToThePushgateway() {
        assertThat(pushed).isNotEmpty();
        assertThat(pushed.get(0)).startsWith("PUT /metrics/job/harmonizer");
    }
}
