package org.giaoban.reporting.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.giaoban.platform.web.RequestMetadata;
import org.giaoban.reporting.audit.AuditReadLog;
import org.giaoban.reporting.audit.AuditReadLog.AuditRead;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Records every read of {@code /api/audit} before the handler answers it: the caller the gateway vouched for, the
 * instant, the path and the query as sent. A read whose record cannot be written is not answered (the failure goes to
 * the problem responses: {@code 503} when MongoDB is away), so no read goes unrecorded. A refused read (bad input) was
 * still asked, and is recorded too.
 */
public final class AuditReadRecorder implements HandlerInterceptor {

    /** The paths it records. */
    public static final String PATHS = "/api/audit/**";

    private final AuditReadLog log;
    private final Clock clock;

    public AuditReadRecorder(AuditReadLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        log.record(AuditRead.of(
                clock.instant(),
                RequestMetadata.current()
                        .map(RequestMetadata::asMessageMetadata)
                        .orElse(Map.of()),
                request.getMethod(),
                request.getRequestURI(),
                request.getQueryString()));
        return true;
    }
}
