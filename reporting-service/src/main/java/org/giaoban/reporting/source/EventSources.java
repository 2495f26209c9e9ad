package org.giaoban.reporting.source;

import java.util.List;
import java.util.Optional;

/** The two services whose events reporting-service reads. */
public record EventSources(ServiceEventSource tasks, ServiceEventSource training) implements AutoCloseable {

    public static final String TASKS = "tasks";
    public static final String TRAINING = "training";

    public List<ServiceEventSource> all() {
        return List.of(tasks, training);
    }

    public Optional<ServiceEventSource> find(String service) {
        return all().stream().filter(source -> source.service().equals(service)).findFirst();
    }

    @Override
    public void close() {
        tasks.close();
        training.close();
    }
}
