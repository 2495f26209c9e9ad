package org.giaoban.training;

import org.giaoban.units.UnitCatalogue;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** training-service: training classes and their learners, training plans, and online contests. */
@SpringBootApplication
public class TrainingApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainingApplication.class, args);
    }

    @Bean
    public UnitCatalogue unitCatalogue() {
        return UnitCatalogue.hanoi();
    }
}
