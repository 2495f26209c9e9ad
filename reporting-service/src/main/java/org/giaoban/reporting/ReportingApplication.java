package org.giaoban.reporting;

import org.giaoban.units.UnitCatalogue;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** reporting-service: read models over the events of tasks-service and training-service, and the briefing report. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }

    @Bean
    UnitCatalogue unitCatalogue() {
        return UnitCatalogue.hanoi();
    }
}
