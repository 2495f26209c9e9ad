package org.giaoban.reporting.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.reporting.source.EventSources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The auditors' read side over the services' stores, and the log of its reads in MongoDB. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditedServices auditedServices(EventSources sources) {
        return new AuditedServices(sources);
    }

    @Bean
    EventExport eventExport(ObjectMapper json) {
        return new EventExport(json);
    }

    @Bean
    RecordHistory recordHistory(ObjectMapper json) {
        return new RecordHistory(json);
    }

    @Bean
    LedgerReads ledgerReads() {
        return new LedgerReads();
    }

    @Bean
    AuditReadLog auditReadLog(MongoTemplate mongo) {
        return new AuditReadLog(mongo);
    }
}
