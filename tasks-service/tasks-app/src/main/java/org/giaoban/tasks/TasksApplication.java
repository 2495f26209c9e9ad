package org.giaoban.tasks;

import org.giaoban.units.UnitCatalogue;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** tasks-service: the work items of each unit's programme and the direction documents units issue. */
@SpringBootApplication
public class TasksApplication {

    public static void main(String[] args) {
        SpringApplication.run(TasksApplication.class, args);
    }

    @Bean
    public UnitCatalogue unitCatalogue() {
        return UnitCatalogue.hanoi();
    }
}
