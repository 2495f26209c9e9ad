package org.giaoban.reporting.audit.web;

import java.time.Clock;
import org.giaoban.reporting.audit.AuditReadLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.handler.MappedInterceptor;

/** Puts {@link AuditReadRecorder} before every handler of {@code /api/audit}. */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration {

    @Bean
    MappedInterceptor auditReadRecorder(AuditReadLog log, Clock clock) {
        return new MappedInterceptor(new String[] {AuditReadRecorder.PATHS}, new AuditReadRecorder(log, clock));
    }
}
