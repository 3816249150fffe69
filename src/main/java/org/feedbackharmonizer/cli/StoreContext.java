package org.feedbackharmonizer.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.feedbackharmonizer.config.Settings;
import org.feedbackharmonizer.job.HarmonizerApplication;
import org.feedbackharmonizer.load.RunPlan;
import org.feedbackharmonizer.publish.RunMetrics;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context on the configured store (H2 file by default, PostgreSQL by URL), migrated. */
final class StoreContext {
    private StoreContext() {}

    static ConfigurableApplicationContext start(Settings settings, RunPlan plan) {
        return start(settings, plan, new RunMetrics());
    }

    static ConfigurableApplicationContext start(Settings settings, RunPlan plan, RunMetrics metrics) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", settings.dbUrl());
        props.put("spring.datasource.username", settings.dbUser());
        props.put("spring.datasource.password", settings.dbPassword());
        props.put("spring.datasource.hikari.maximum-pool-size", settings.threads() * 2 + 4);
        if (settings.dbUrl().startsWith("jdbc:postgresql:")) {
            // the driver sends a JDBC batch as one multi-row INSERT instead of one statement per row
            props.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        }
        props.put("spring.flyway.locations", "classpath:db/migration/common,classpath:db/migration/{vendor}");
        props.put("spring.batch.job.enabled", "false");
        props.put("spring.main.log-startup-info", "false");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.org.feedbackharmonizer", "INFO");
        props.put("logging.level.org.springframework.batch", "WARN");
        // A failed start is reported once, in one line, by the command; not as a stack trace.
        props.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        props.put("logging.level.org.springframework.batch.core.step.AbstractStep", "OFF");
        // Flyway warns on every start that H2 is newer than it was verified with; it works, and says nothing new.
        props.put("logging.level.org.flywaydb.core.internal.database.base.Database", "ERROR");
        props.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "ERROR");
        props.put("logging.pattern.console", "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} - %msg%n");
        if (settings.jsonLogs()) {
            props.put("logging.structured.format.console", "logstash");
        }
        return new SpringApplicationBuilder(HarmonizerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(props)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("runPlan", plan);
                    ctx.getBeanFactory().registerSingleton("meterRegistry", metrics.registry());
                    ctx.getBeanFactory().registerSingleton("runMetrics", metrics);
                })
                .run();
    }
}
