package org.giaoban.training.trainingclass.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps loaded classes in memory between commands, so that enrolling the next batch of a class does not replay its
 * history; after a restart the first command on a class loads it from the store once.
 */
@Configuration
class TrainingClassCommandConfiguration {

    @Bean
    Cache trainingClassCache() {
        return new WeakReferenceCache();
    }
}
