package org.giaoban.reporting;

import java.time.Clock;
import org.giaoban.platform.testing.ApiDocumentContract;
import org.giaoban.platform.testing.ApiDocumentSlice;
import org.giaoban.reporting.audit.AuditReadLog;
import org.giaoban.reporting.audit.AuditedServices;
import org.giaoban.reporting.audit.EventExport;
import org.giaoban.reporting.audit.LedgerReads;
import org.giaoban.reporting.audit.RecordHistory;
import org.giaoban.reporting.briefing.query.BriefingReports;
import org.giaoban.reporting.projection.ProjectionRebuilds;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** reporting-service's OpenAPI document: one a front-end team can build from, and the contract checked in. */
@ApiDocumentSlice
class ApiDocumentationTest extends ApiDocumentContract {

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

    @Override
    protected String document() {
        return "reporting";
    }
}
