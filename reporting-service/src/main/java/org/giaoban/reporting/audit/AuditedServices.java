package org.giaoban.reporting.audit;

import java.util.List;
import org.giaoban.platform.problem.FieldError;
import org.giaoban.platform.problem.InvalidRequestException;
import org.giaoban.reporting.source.EventSources;
import org.giaoban.reporting.source.ServiceEventSource;

/** The services whose ledgers an auditor may read, by the name API.md gives them: {@code tasks}, {@code training}. */
public final class AuditedServices {

    private final EventSources sources;

    public AuditedServices(EventSources sources) {
        this.sources = sources;
    }

    /** The event store of {@code service}; a name of no writing service is a {@code 400} on the field. */
    public ServiceEventSource named(String service) {
        if (service == null || service.isBlank()) {
            throw invalid("is required: tasks or training");
        }
        return sources.find(service).orElseThrow(() -> invalid("must be tasks or training"));
    }

    public List<ServiceEventSource> all() {
        return sources.all();
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(List.of(new FieldError("service", message)));
    }
}
