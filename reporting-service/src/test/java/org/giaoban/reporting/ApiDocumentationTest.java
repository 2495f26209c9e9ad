package org.giaoban.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.giaoban.platform.testing.ApiDocumentSlice;
import org.giaoban.platform.testing.ApiDocuments;
import org.giaoban.platform.testing.OpenApiLint;
import org.giaoban.reporting.audit.AuditReadLog;
import org.giaoban.reporting.audit.AuditedServices;
import org.giaoban.reporting.audit.EventExport;
import org.giaoban.reporting.audit.LedgerReads;
import org.giaoban.reporting.audit.RecordHistory;
import org.giaoban.reporting.briefing.query.BriefingReports;
import org.giaoban.reporting.projection.ProjectionRebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** reporting-service's OpenAPI document: one a front-end team can build from, and the contract checked in. */
@ApiDocumentSlice
class ApiDocumentationTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private BriefingReports reports;

    @MockitoBean
    private Clock clock;

    @MockitoBean
    private ProjectionRebuilds rebuilds;

    @MockitoBean
    private AuditedServices services;

    @MockitoBean
    private EventExport export;

    @MockitoBean
    private RecordHistory history;

    @MockitoBean
    private AuditReadLog reads;

    @MockitoBean
    private LedgerReads ledgers;

    @Test
    void describesEveryOperationFieldAndRefusal() throws Exception {
        assertThat(OpenApiLint.findings(ApiDocuments.served(mvc, "reporting")))
                .as("what the OpenAPI document lacks")
                .isEmpty();
    }

    @Test
    void isTheContractCheckedInUnderDocsApi() throws Exception {
        ApiDocuments.assertCheckedIn(ApiDocuments.served(mvc, "reporting"), "reporting");
    }
}
