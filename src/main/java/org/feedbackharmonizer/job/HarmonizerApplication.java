package org.feedbackharmonizer.job;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The Spring context of one run: data source, Flyway migrations, the job repository and the job. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HarmonizerJobConfiguration.class)
public class HarmonizerApplication {}
