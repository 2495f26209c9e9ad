package org.giaoban.reporting.source;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the event stores of tasks-service and training-service. They are not this service's DataSource beans. */
@Configuration(proxyBeanMethods = false)
class EventSourcesConfiguration {

    @Bean(destroyMethod = "close")
    EventSources eventSources(EventSourceProperties properties) {
        return new EventSources(
                new ServiceEventSource(EventSources.TASKS, properties.tasks()),
                new ServiceEventSource(EventSources.TRAINING, properties.training()));
    }
}
